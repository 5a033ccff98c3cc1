/**
 * Chromium fake-camera clips (.y4m, 640×480, yuv420p, 15 fps; Chromium loops them) made from the
 * registry faces:
 *   <faceId>-still.y4m   the face alone, frontal, centred, on a light background (2 s)
 *   <faceId>-turn.y4m    the same face turning to the person's own LEFT and back (2.9 s): passes a
 *                        'turn_left' challenge, fails 'turn_right' (wrong_direction)
 *   two-faces.y4m        f01 and f02 side by side (2 s)
 *   no-face.y4m          the empty background (2 s)
 * and, for the liveness sequence and the ICAO photo checks, MJPEG clips (.mjpeg; Chromium plays
 * them at a fixed 30 fps whatever the file says) in which every frame has its own camera noise:
 *   <faceId>-live.mjpeg  on a plain light wall, frontal and level, turns left and back, turns right
 *                        and back, twice (23 s, see liveSchedule): passes the sequence
 *                        ['turn_left', 'turn_right'], a retry too, without looping or freezing; its
 *                        still moments pass the photo checks for a face that can (f01, f06, f13)
 *   <faceId>-icao.mjpeg  frontal, level and still on a plain light wall (6 s; loops harmlessly)
 *   <faceId>-then-<problem>.mjpeg  the live clip's turns in front of the room the portrait was
 *                        taken in (so no photo can be taken there), 3 s looking straight at the
 *                        screen there (the colour challenge), then 12 s of one photo problem
 *                        on the plain wall: 'turned' (head turned 20°), 'small' (too far away),
 *                        'two-faces' (f01 beside them); for the photo step's instructions
 * Usage: node --import tsx scripts/faces/make-camera-videos.ts [DIR] [name …]
 *   DIR defaults to .cache/camera; a name is a faceId (its still and turn clips), a clip
 *   ('f03-turn', 'f03-live'), 'two-faces' or 'no-face'; no name: f01…f08, two-faces and no-face.
 * Files that exist are kept. y4m is raw: ~460 KB a frame, ~14 MB for 2 s, written by ffmpeg. MJPEG is
 * written in JavaScript (mjpeg-writer.ts), ~20–35 KB a frame: making one needs Node alone.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { detectFace, loadRegistryFaces, type RegistryFace } from '../../server/face/registry-faces';
import { decodeJpeg, encodeJpeg, rgbToRgba } from '../../server/face/rgb-image';
import { estimatePitch, estimateYaw } from '../../src/biometrics/head-pose';
import { cameraNoise, type CameraNoise } from './camera-noise';
import { plainBackground } from './face-paint';
import { writeMjpeg } from './mjpeg-writer';
import { BACKGROUND, blankFrame, FPS, FRAME_HEIGHT, FRAME_WIDTH, liveSchedule, placePortrait, tiltHead, turnHead, turnSchedule, type PlacedFace } from './frames';

/** Face box height as a share of the frame: the middle of faceGuidance's 0.25–0.6 band. */
const FACE_HEIGHT = 0.42;
const TURN_DEGREES = 36;
const STILL_FRAMES = 2 * FPS;
/** Chromium's fake camera and the emulated camera play an MJPEG file at this rate (the file holds none). */
const MJPEG_FPS = 30;
const ICAO_SECONDS = 6;
/**
 * A webcam's sensor noise and a head's sway. Measured with the face worker on f01-live: landmarks
 * move 0.015–0.018 eye distances a frame (a live camera: ~0.012) and no two frames repeat, while
 * the still face's yaw stays within 2–4°.
 */
const NOISE: CameraNoise = { sigma: 2.5, jitter: 0.5 };

const PHOTO_PROBLEM_SECONDS = 12;
/** The colour challenge after the turns (1.5 s of colours, then a frame to check) with room to spare on a slow machine. */
const COLOUR_CHALLENGE_SECONDS = 3;
/** The 'turned' problem: well past the photo's ±5°, well inside what the landmarks follow. */
const PROBLEM_YAW = 20;
/** The 'small' problem: eyes about 50 px apart, under the photo's 60, and still found by the detector. */
const SMALL_FACE_HEIGHT = 0.27;

const NAME = /^(f\d\d)(?:-(still|turn|live|icao|then-turned|then-small|then-two-faces))?$|^(two-faces|no-face)$/;

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
    for (const kind of motion ? [motion] : ['still', 'turn']) {
      if (kind === 'still') await makeClip(join(outDir, `${id}-still.y4m`), async () => Array<Uint8Array>(STILL_FRAMES).fill((await frontalStill(face)).frame));
      if (kind === 'turn') {
        await makeClip(join(outDir, `${id}-turn.y4m`), async () => {
          const { frame, head, toFrontal } = await frontalStill(face);
          return turnSchedule(TURN_DEGREES).map((deg) => turnHead(frame, head, toFrontal + deg));
        });
      }
      if (kind === 'live') await makeClip(join(outDir, `${id}-live.mjpeg`), () => liveFrames(face, { wall: true, name: `${id}-live` }));
      if (kind === 'icao') await makeClip(join(outDir, `${id}-icao.mjpeg`), () => icaoFrames(face));
      if (kind.startsWith('then-')) {
        const name = `${id}-${kind}`;
        await makeClip(join(outDir, `${name}.mjpeg`), () => liveThenProblem(face, kind.slice('then-'.length) as PhotoProblem, faces, name));
      }
    }
  }
}

/**
 * The face alone, centred, and the turn that makes it frontal: most sample faces are a little
 * turned (group photos), and a citizen at the kiosk starts by looking at the screen.
 */
async function frontalStill(face: RegistryFace): Promise<{ frame: Uint8Array; head: PlacedFace; toFrontal: number }> {
  const { frame, placed } = await alone(face);
  const head = placed[0]!;
  return { frame, head, toFrontal: -estimateYaw(head.landmarks) };
}

/**
 * frontalStill, and level too: the chin raised or lowered until estimatePitch reads 0, as a
 * citizen does when the photo step asks (most sample faces are bowed a little, as in portraits).
 */
async function levelStill(face: RegistryFace): Promise<{ frame: Uint8Array; head: PlacedFace; toFrontal: number }> {
  const still = await frontalStill(face);
  return { ...still, frame: await level(still.frame, still.head, still.toFrontal) };
}

/**
 * Tilts until the face reads level. The portrait's own pitch is corrected first, then what the
 * detector still reads on the result (the turn and the tilt shift the landmarks a little), so the
 * clip sits mid-way in the photo's ±5° rather than at its edge.
 */
async function level(frame: Uint8Array, head: PlacedFace, toFrontal: number): Promise<Uint8Array> {
  const first = -estimatePitch(head.landmarks);
  const found = await detectFace(encodeJpeg(rgbToRgba(turnHead(tiltHead(frame, head, first), head, toFrontal), FRAME_WIDTH, FRAME_HEIGHT)));
  if (!found) throw new Error('the face was lost after levelling it');
  return tiltHead(frame, head, first - estimatePitch(found.landmarks));
}


/**
 * The head at `yaw` from frontal, on the plain wall or in front of the portrait's own room. The wall
 * goes in after the turn: turnHead moves the hair beside the head, the new wall must not move.
 */
function posed(still: { frame: Uint8Array; head: PlacedFace; toFrontal: number }, yaw: number, wall: boolean): Uint8Array {
  const turned = turnHead(still.frame, still.head, still.toFrontal + yaw);
  return wall ? plainBackground(turned, still.head, BACKGROUND) : turned;
}

async function liveFrames(face: RegistryFace, { wall, name }: { wall: boolean; name: string }): Promise<Iterable<Uint8Array>> {
  const still = await levelStill(face);
  const noise = cameraNoise(seedOf(name), NOISE);
  // Noise-free frames per pose, made once: the clip holds most poses for many frames.
  const poses = new Map<number, Uint8Array>();
  const pose = (yaw: number) => {
    let made = poses.get(yaw);
    if (!made) {
      made = posed(still, yaw, wall);
      poses.set(yaw, made);
    }
    return made;
  };
  return (function* () {
    for (const yaw of liveSchedule(MJPEG_FPS, TURN_DEGREES)) yield noise(pose(yaw));
  })();
}

async function icaoFrames(face: RegistryFace): Promise<Iterable<Uint8Array>> {
  const still = posed(await levelStill(face), 0, true);
  const noise = cameraNoise(seedOf(`${face.faceId}-icao`), NOISE);
  return (function* () {
    for (let i = 0; i < ICAO_SECONDS * MJPEG_FPS; i++) yield noise(still);
  })();
}

type PhotoProblem = 'turned' | 'small' | 'two-faces';

async function liveThenProblem(face: RegistryFace, problem: PhotoProblem, faces: RegistryFace[], name: string): Promise<Iterable<Uint8Array>> {
  const live = await liveFrames(face, { wall: false, name });
  const frontal = posed(await levelStill(face), 0, false);
  const still = await problemFrame(face, problem, faces);
  const noise = cameraNoise(seedOf(`${name}-problem`), NOISE);
  return (function* () {
    yield* live;
    // Turns that pass at the clip's last one are followed by the colours, read on a face still looking at the screen.
    for (let i = 0; i < COLOUR_CHALLENGE_SECONDS * MJPEG_FPS; i++) yield noise(frontal);
    for (let i = 0; i < PHOTO_PROBLEM_SECONDS * MJPEG_FPS; i++) yield noise(still);
  })();
}

async function problemFrame(face: RegistryFace, problem: PhotoProblem, faces: RegistryFace[]): Promise<Uint8Array> {
  if (problem === 'turned') return posed(await levelStill(face), PROBLEM_YAW, true);
  if (problem === 'small') {
    const { frame, placed } = await compose([{ face, cx: FRAME_WIDTH / 2, cy: FRAME_HEIGHT / 2, faceHeight: SMALL_FACE_HEIGHT }]);
    const head = placed[0]!;
    const toFrontal = -estimateYaw(head.landmarks);
    return posed({ frame: await level(frame, head, toFrontal), head, toFrontal }, 0, true);
  }
  const other = faces.find((f) => f.faceId === 'f01' && f !== face) ?? faces.find((f) => f !== face);
  if (!other) throw new Error('two-faces needs a second registry face');
  const { frame } = await compose([
    { face, cx: FRAME_WIDTH * 0.3, cy: FRAME_HEIGHT / 2, faceHeight: 0.34 },
    { face: other, cx: FRAME_WIDTH * 0.72, cy: FRAME_HEIGHT / 2, faceHeight: 0.3 },
  ]);
  return frame;
}

/** A clip's noise seed from its name, so a clip comes out the same each time it is made. */
function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
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
async function makeClip(path: string, frames: () => Iterable<Uint8Array> | Promise<Iterable<Uint8Array>>): Promise<void> {
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

/**
 * Writes RGB frames as an MJPEG file in JavaScript (mjpeg-writer.ts: the build makes the emulated
 * camera's clip, and must need Node alone) or, for a .y4m, pipes them through ffmpeg (15 fps; only
 * the e2e and the studies use those, and `npm test` installs ffmpeg). Either is streamed, written
 * under a temporary name and renamed when whole.
 */
async function writeClip(path: string, frames: Iterable<Uint8Array>): Promise<void> {
  const count = path.endsWith('.mjpeg') ? await writeMjpeg(path, frames, FRAME_WIDTH, FRAME_HEIGHT) : await writeY4m(path, frames);
  console.log(`wrote ${path} (${count} frames)`);
}

async function writeY4m(path: string, frames: Iterable<Uint8Array>): Promise<number> {
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
  let count = 0;
  for (const frame of frames) {
    count++;
    if (!ffmpeg.stdin.write(frame)) await new Promise((resolve) => ffmpeg.stdin.once('drain', resolve));
  }
  ffmpeg.stdin.end();
  await done;
  await rename(partial, path);
  return count;
}

await main();
