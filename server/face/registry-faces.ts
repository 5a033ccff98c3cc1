import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Box, Point } from '../../src/biometrics/face-analysis';
import { estimateYaw, eyeCentres } from '../../src/biometrics/head-pose';
import { faceApi, SAMPLE_DIR, toTensor, type FaceApiModule } from './face-api-node';
import { cropResize, decodeJpeg, encodeJpeg, type RgbaImage, type TurnedRect } from './rgb-image';

/*
 * Synthetic "registry photos": single faces cut out of the group photos that ship with face-api
 * (demo/sample1..6.jpg, about 22 different women). The sandbox population registry uses them as
 * reference portraits and the e2e tests turn them into fake-camera videos.
 */

export interface RegistryFace {
  faceId: string;
  /** Head and shoulders, levelled on the eye line, 3:4 portrait, PORTRAIT_WIDTH × PORTRAIT_HEIGHT. */
  jpeg: Uint8Array;
  /** Descriptor of `jpeg` itself, as the back office would compute it from a registry photo. */
  descriptor: number[];
  /** The face in the source photo. */
  box: Box;
  sourcePhoto: string;
  /** 0–1 rank key: frontal (yaw) × neutral expression × no other face in the cut-out. */
  frontalScore: number;
}

export const PORTRAIT_WIDTH = 360;
export const PORTRAIT_HEIGHT = 480;

const SOURCES = [1, 2, 3, 4, 5, 6].map((n) => `sample${n}.jpg`);
const MIN_SCORE = 0.6;
const MIN_FACE_WIDTH = 100;
/** Crop width as a multiple of the face box width: head and shoulders, narrowed if a neighbour intrudes. */
const MARGINS = [2.3, 2.1, 1.9, 1.7, 1.5];
/** The eye line sits this far down the portrait. */
const EYE_LINE = 0.4;
/** Bump when the cut-out or ranking changes, so caches made by older code are rebuilt. */
const CACHE_VERSION = 4;
const CACHE_FILE = 'registry.json';

interface CachedFace extends Omit<RegistryFace, 'jpeg'> {
  file: string;
}

export async function loadRegistryFaces(options: { cacheDir?: string } = {}): Promise<RegistryFace[]> {
  const cacheDir = options.cacheDir ?? '.cache/faces';
  const cached = await readCache(cacheDir);
  if (cached) return cached;
  const faces = await extractFaces();
  await writeCache(cacheDir, faces);
  return faces;
}

export interface FoundFace {
  box: Box;
  landmarks: Point[];
  descriptor: number[];
  /** The expression net's probability that the face is neutral. */
  neutral: number;
}

/** The largest face in a JPEG with its landmarks, descriptor and expression, or null when there is none. */
export async function detectFace(jpeg: Uint8Array): Promise<FoundFace | null> {
  const faceapi = await faceApi();
  const tensor = toTensor(faceapi, decodeJpeg(jpeg));
  try {
    const found = await faceapi
      .detectAllFaces(tensor, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }))
      .withFaceLandmarks()
      .withFaceExpressions()
      .withFaceDescriptors();
    const largest = found.sort((a, b) => b.detection.box.area - a.detection.box.area)[0];
    if (!largest) return null;
    return {
      box: roundBox(largest.detection.box),
      landmarks: largest.landmarks.positions.map((p): Point => [p.x, p.y]),
      descriptor: Array.from(largest.descriptor),
      neutral: largest.expressions.neutral,
    };
  } finally {
    tensor.dispose();
  }
}

/** Descriptor of the largest face in a JPEG, or null when there is none. */
export async function describeFace(jpeg: Uint8Array): Promise<number[] | null> {
  return (await detectFace(jpeg))?.descriptor ?? null;
}

async function readCache(dir: string): Promise<RegistryFace[] | null> {
  const path = join(dir, CACHE_FILE);
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(await readFile(path, 'utf8')) as { version: number; faces: CachedFace[] };
  if (manifest.version !== CACHE_VERSION) return null;
  return Promise.all(
    manifest.faces.map(async ({ file, ...face }) => ({ ...face, jpeg: new Uint8Array(await readFile(join(dir, file))) })),
  );
}

async function writeCache(dir: string, faces: RegistryFace[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries: CachedFace[] = [];
  for (const { jpeg, ...face } of faces) {
    const file = `${face.faceId}.jpg`;
    await writeFile(join(dir, file), jpeg);
    entries.push({ ...face, file });
  }
  await writeFile(join(dir, CACHE_FILE), JSON.stringify({ version: CACHE_VERSION, faces: entries }, null, 1));
}

type Candidate = Omit<RegistryFace, 'faceId' | 'descriptor'>;

async function extractFaces(): Promise<RegistryFace[]> {
  const faceapi = await faceApi();
  const candidates: Candidate[] = [];
  for (const sourcePhoto of SOURCES) {
    const image = decodeJpeg(new Uint8Array(await readFile(join(SAMPLE_DIR, sourcePhoto))));
    candidates.push(...(await facesInPhoto(faceapi, image, sourcePhoto)));
  }
  candidates.sort(
    (a, b) => b.frontalScore - a.frontalScore || a.sourcePhoto.localeCompare(b.sourcePhoto) || a.box.x - b.box.x,
  );
  const faces: RegistryFace[] = [];
  for (const candidate of candidates) {
    const descriptor = await describeFace(candidate.jpeg);
    if (!descriptor) continue; // the cut-out lost the face: not usable as a reference
    faces.push({ ...candidate, faceId: `f${String(faces.length + 1).padStart(2, '0')}`, descriptor });
  }
  return faces;
}

async function facesInPhoto(faceapi: FaceApiModule, image: RgbaImage, sourcePhoto: string): Promise<Candidate[]> {
  const tensor = toTensor(faceapi, image);
  const found = await faceapi
    .detectAllFaces(tensor, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.3, maxResults: 30 }))
    .withFaceLandmarks()
    .withFaceExpressions();
  tensor.dispose();
  const boxes = found.map(({ detection: { box } }) => roundBox(box));
  const out: Candidate[] = [];
  found.forEach((face, i) => {
    const box = boxes[i]!;
    if (face.detection.score < MIN_SCORE || box.width < MIN_FACE_WIDTH) return;
    const landmarks = face.landmarks.positions.map((p): Point => [p.x, p.y]);
    const others = boxes.filter((_, j) => j !== i);
    const { rect, intrusion } = portraitRect(box, landmarks, image, others);
    // Roll is levelled by the cut-out; yaw cannot be undone.
    const pose = clamp01(1 - Math.abs(estimateYaw(landmarks)) / 30);
    const neutral = face.expressions.neutral;
    const frontalScore = round3(pose * (0.6 + 0.4 * neutral) * (1 - Math.min(intrusion, 0.5)));
    const jpeg = encodeJpeg(cropResize(image, rect, PORTRAIT_WIDTH, PORTRAIT_HEIGHT));
    out.push({ jpeg, box, sourcePhoto, frontalScore });
  });
  return out;
}

/**
 * The widest head-and-shoulders rectangle, levelled on the eye line, in which no other face shows
 * and which stays inside the photo; failing that, the narrowest, with how much of a neighbour shows.
 */
function portraitRect(box: Box, landmarks: Point[], image: RgbaImage, others: Box[]): { rect: TurnedRect; intrusion: number } {
  const { left, right } = eyeCentres(landmarks);
  const eyeX = (left[0] + right[0]) / 2;
  const eyeY = (left[1] + right[1]) / 2;
  const angle = Math.atan2(right[1] - left[1], right[0] - left[0]);
  let best = { rect: turned(eyeX, eyeY, angle, box.width * MARGINS[0]!), intrusion: Infinity };
  for (const margin of MARGINS) {
    const rect = turned(eyeX, eyeY, angle, box.width * margin);
    const bounds = boundsOf(rect);
    if (bounds.x < 0 || bounds.y < 0 || bounds.x + bounds.width > image.width || bounds.y + bounds.height > image.height) continue;
    const intrusion = Math.max(0, ...others.map((other) => overlap(bounds, other) / (other.width * other.height)));
    if (intrusion < best.intrusion) best = { rect, intrusion };
    if (intrusion === 0) break;
  }
  if (best.intrusion === Infinity) best.intrusion = 1; // never fits inside the photo: edges smeared
  return best;
}

/** A portrait-shaped rectangle of the given width whose eye line passes through (eyeX, eyeY). */
function turned(eyeX: number, eyeY: number, angle: number, width: number): TurnedRect {
  const height = (width * PORTRAIT_HEIGHT) / PORTRAIT_WIDTH;
  const down = (0.5 - EYE_LINE) * height; // from the eye line to the centre, along the face's vertical
  return { cx: eyeX - Math.sin(angle) * down, cy: eyeY + Math.cos(angle) * down, width, height, angle };
}

function boundsOf(r: TurnedRect): Box {
  const w = (Math.abs(Math.cos(r.angle)) * r.width + Math.abs(Math.sin(r.angle)) * r.height) / 2;
  const h = (Math.abs(Math.sin(r.angle)) * r.width + Math.abs(Math.cos(r.angle)) * r.height) / 2;
  return { x: r.cx - w, y: r.cy - h, width: 2 * w, height: 2 * h };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function roundBox(box: Box): Box {
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const round3 = (v: number) => Math.round(v * 1000) / 1000;
