/**
 * Chromium fake-camera clips (.y4m, 640×480, yuv420p, 15 fps; Chromium loops them) made from the
 * registry faces:
 *   <faceId>-still.y4m   the face alone, frontal, centred, on a light background (2 s)
 *   <faceId>-turn.y4m    the same face turning to the person's own LEFT and back (2.9 s): passes a
 *                        'turn_left' challenge, fails 'turn_right' (wrong_direction)
 *   two-faces.y4m        f01 and f02 side by side (2 s)
 *   no-face.y4m          the empty background (2 s)
 * Usage: node --import tsx scripts/faces/make-camera-videos.ts [DIR] [name …]
 *   DIR defaults to .cache/camera; a name is a faceId (both its clips), a clip ('f03-turn'),
 *   'two-faces' or 'no-face'; no name: f01…f08, two-faces and no-face.
 * Files that exist are kept. y4m is raw: ~460 KB a frame, ~14 MB for 2 s.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { detectFace, loadRegistryFaces, type RegistryFace } from '../../server/face/registry-faces';
import { decodeJpeg } from '../../server/face/rgb-image';
import { estimateYaw } from '../../src/biometrics/head-pose';
import { blankFrame, FPS, FRAME_HEIGHT, FRAME_WIDTH, placePortrait, turnHead, turnSchedule, type PlacedFace } from './frames';

/** Face box height as a share of the frame: the middle of faceGuidance's 0.25–0.6 band. */
const FACE_HEIGHT = 0.42;
const TURN_DEGREES = 36;
const STILL_FRAMES = 2 * FPS;

const NAME = /^(f\d\d)(?:-(still|turn))?$|^(two-faces|no-face)$/;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outDir = args[0] && !NAME.test(args[0]) ? args.shift()! : '.cache/camera';
  const faces = await loadRegistryFaces();
  const names = args.length > 0 ? args : [...faces.slice(0, 8).map((f) => f.faceId), 'two-faces', 'no-face'];
  await mkdir(outDir, { recursive: true });

  for (const name of names) {
    const match = NAME.exec(name);
    if (!match) throw new Error(`not a faceId or clip name: ${name}`);
    const [, id, motion, other] = match;
    if (other === 'two-faces') await makeTwoFaces(join(outDir, 'two-faces.y4m'), faces);
    if (other === 'no-face') await makeClip(join(outDir, 'no-face.y4m'), () => Array<Uint8Array>(STILL_FRAMES).fill(blankFrame()));
    if (!id) continue;
    const face = faces.find((f) => f.faceId === id);
    if (!face) throw new Error(`unknown faceId ${id} (have ${faces.map((f) => f.faceId).join(', ')})`);
    if (motion !== 'turn') await makeClip(join(outDir, `${id}-still.y4m`), async () => Array<Uint8Array>(STILL_FRAMES).fill((await alone(face)).frame));
    if (motion !== 'still') {
      await makeClip(join(outDir, `${id}-turn.y4m`), async () => {
        const { frame, placed } = await alone(face);
        const head = placed[0]!;
        // Most sample faces are a little turned (group photos); a citizen at the kiosk starts by
        // looking at the screen, so the clip first turns the face to frontal, then asks for the turn.
        const toFrontal = -estimateYaw(head.landmarks);
        return turnSchedule(TURN_DEGREES).map((deg) => turnHead(frame, head, toFrontal + deg));
      });
    }
  }
}

function alone(face: RegistryFace) {
  return compose([{ face, cx: FRAME_WIDTH / 2, cy: FRAME_HEIGHT / 2, faceHeight: FACE_HEIGHT }]);
}

async function makeTwoFaces(path: string, faces: RegistryFace[]): Promise<void> {
  const [a, b] = faces;
  if (!a || !b) throw new Error('two-faces needs two registry faces');
  await makeClip(path, async () => {
    const { frame } = await compose([
      { face: a, cx: FRAME_WIDTH * 0.27, cy: FRAME_HEIGHT / 2, faceHeight: 0.32 },
      { face: b, cx: FRAME_WIDTH * 0.73, cy: FRAME_HEIGHT / 2, faceHeight: 0.32 },
    ]);
    return Array<Uint8Array>(STILL_FRAMES).fill(frame);
  });
}

/** Idempotent: a clip that exists is kept. */
async function makeClip(path: string, frames: () => Uint8Array[] | Promise<Uint8Array[]>): Promise<void> {
  if (existsSync(path)) return;
  await writeClip(path, await frames());
}

async function compose(
  items: Array<{ face: RegistryFace; cx: number; cy: number; faceHeight: number }>,
): Promise<{ frame: Uint8Array; placed: PlacedFace[] }> {
  const frame = blankFrame();
  const placed: PlacedFace[] = [];
  for (const { face, ...at } of items) {
    const found = await detectFace(face.jpeg);
    if (!found) throw new Error(`no face found again in ${face.faceId}'s portrait`);
    placed.push(placePortrait(frame, decodeJpeg(face.jpeg), found, at));
  }
  return { frame, placed };
}

/** Pipes RGB frames through ffmpeg into a y4m, written under a temporary name and renamed when whole. */
function writeClip(path: string, frames: Uint8Array[]): Promise<void> {
  const partial = `${path}.part`;
  const ffmpeg = spawn(
    'ffmpeg',
    ['-y', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${FRAME_WIDTH}x${FRAME_HEIGHT}`, '-r', String(FPS),
      '-i', '-', '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', partial],
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  const done = new Promise<void>((resolve, reject) => {
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code} for ${path}`))));
  });
  for (const frame of frames) ffmpeg.stdin.write(frame);
  ffmpeg.stdin.end();
  return done.then(() => rename(partial, path)).then(() => console.log(`wrote ${path} (${frames.length} frames)`));
}

await main();
