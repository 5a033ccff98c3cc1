/**
 * What @vladmandic/human's two passive presentation-attack models say about our faces, run on the
 * tfjs (4.22, wasm backend) that face-api already uses — no second tfjs:
 *   antispoof  128×128 input, one sigmoid output; human reports it as `face.real`
 *   liveness    32×32 input, two softmax outputs; human reports output[0] as `face.live`
 * Each face is cropped as human crops it (square box 1.4× the detector's face box, cropAndResize to
 * 192×192, /255, then resizeBilinear to the model's input), here from face-api's tiny detector as
 * the kiosk's worker runs it. Scores the registry portraits, frames of the fake-camera clips and
 * synthetic replays and prints made from the portraits (presentation-attacks.ts); prints the
 * score distributions, error rates at a few thresholds, frame-to-frame stability and speed.
 * Usage: node --import tsx scripts/faces/antispoof-study.ts   (about a minute)
 * Missing clips are made first (make-camera-videos.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GraphModel, io, Tensor, Tensor3D, Tensor4D } from '@tensorflow/tfjs';
import type { Box } from '../../src/biometrics/face-analysis';
import { faceApi, MODEL_DIR, toTensor, type FaceApiModule } from '../../server/face/face-api-node';
import { loadRegistryFaces } from '../../server/face/registry-faces';
import { decodeJpeg, rgbToRgba, type RgbaImage } from '../../server/face/rgb-image';
import { liveSchedule } from './frames';
import { grain, printedPhoto, screenReplay, type PrintedPhoto, type ScreenReplay } from './presentation-attacks';

type Tf = typeof import('@tensorflow/tfjs');
const require = createRequire(import.meta.url);
/** The tfjs face-api's node-wasm build requires (face-api-node.ts sets its wasm backend). */
const tf = require('@tensorflow/tfjs') as Tf;
const HUMAN_MODELS = join(dirname(require.resolve('@vladmandic/human')), '..', 'models');
const CAMERA_DIR = '.cache/camera';

/** human: config.face.detector.scale, and facemesh's input size, to which every face is cut first. */
const HUMAN_BOX_SCALE = 1.4;
const HUMAN_CROP = 192;
/** The kiosk worker's detector (src/workers/face.worker.ts). */
const DETECTOR_INPUT = 224;
/** Camera noise laid on every synthetic capture: the clips' σ (make-camera-videos.ts). */
const CAMERA_SIGMA = 2.5;
const TIMING_RUNS = 60;
const THRESHOLDS = [0.1, 0.3, 0.5, 0.6, 0.8, 0.9];

const LIVE_CLIPS = ['f01-live', 'f03-live', 'f04-live', 'f05-live'];
const ICAO_CLIPS = ['f01-icao', 'f03-icao', 'f04-icao', 'f05-icao'];
/**
 * Every 3rd frame of the live clips' first 225 (7.5 s of the 30-fps schedule the clips are made
 * with): still, a left turn, still, a right turn. A frame counts as turned beyond a quarter of the
 * turn's full yaw.
 */
const LIVE_EVERY = 3;
const LIVE_FRAMES = 75;
const LIVE_SCHEDULE = liveSchedule(30, 1);
const TURNED = 0.25;
/** Consecutive frames of the still ICAO clips: only the camera noise changes. */
const ICAO_FRAMES = 50;

/** Phone held close (pixels large, grid turned, strong glare) and a monitor further off. */
const REPLAYS: Record<string, ScreenReplay> = {
  'replay-phone': { pitch: 2.3, gridDegrees: 4, gamma: 0.85, gain: 0.8, lift: 22, glare: 0.35, blurPasses: 1 },
  'replay-monitor': { pitch: 1.6, gridDegrees: 0, gamma: 1.15, gain: 0.9, lift: 12, glare: 0.15, blurPasses: 1 },
};
/** A coarse laser print on warm paper and a finer inkjet print. */
const PRINTS: Record<string, Omit<PrintedPhoto, 'seed'>> = {
  'print-laser': { cell: 3.2, black: 38, white: 218, cast: [1.0, 0.97, 0.86], grainSigma: 4, blurPasses: 1 },
  'print-inkjet': { cell: 2.1, black: 24, white: 232, cast: [0.98, 1.0, 0.94], grainSigma: 3, blurPasses: 1 },
};

interface Models {
  antispoof: GraphModel;
  liveness: GraphModel;
}

interface Score {
  /** antispoof output: human's `real`. */
  real: number;
  /** liveness output[0]: human's `live` (output[1] is 1 − it). */
  live: number;
}

interface Sample {
  set: string;
  /** Bona fide stand-in (true) or synthetic attack (false). */
  bonaFide: boolean;
  /** Index of the registry face it was made from, for the paired comparison. */
  face?: number;
  score: Score | null;
}

async function main(): Promise<void> {
  const faceapi = await faceApi();
  await faceapi.nets.tinyFaceDetector.loadFromDisk(MODEL_DIR);
  if (tf.getBackend() !== 'wasm') throw new Error(`expected face-api's wasm backend, got ${tf.getBackend()}`);
  const { models, loadMs } = await loadModels();
  console.log(`tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}; models loaded in ${loadMs.antispoof} ms (antispoof) and ${loadMs.liveness} ms (liveness), each with its first inference`);

  const samples: Sample[] = [];
  const faces = await loadRegistryFaces();
  for (const [i, face] of faces.entries()) {
    const portrait = decodeJpeg(face.jpeg);
    const score = (image: RgbaImage) => scoreImage(faceapi, models, image);
    samples.push({ set: 'portrait', bonaFide: true, face: i, score: await score(portrait) });
    samples.push({ set: PAIRED_WITH, bonaFide: true, face: i, score: await score(grain(portrait, CAMERA_SIGMA, 100 + i)) });
    for (const [set, o] of Object.entries(REPLAYS)) {
      samples.push({ set, bonaFide: false, face: i, score: await score(grain(screenReplay(portrait, o), CAMERA_SIGMA, 200 + i)) });
    }
    for (const [set, o] of Object.entries(PRINTS)) {
      samples.push({ set, bonaFide: false, face: i, score: await score(grain(printedPhoto(portrait, { ...o, seed: i }), CAMERA_SIGMA, 300 + i)) });
    }
  }
  const stillFrames = new Map<string, Array<Score | null>>();
  await ensureClips([...LIVE_CLIPS, ...ICAO_CLIPS]);
  for (const clip of [...LIVE_CLIPS, ...ICAO_CLIPS]) {
    const live = clip.endsWith('-live');
    const frames = await decodeFrames(join(CAMERA_DIR, `${clip}.mjpeg`), live ? LIVE_EVERY : 1, live ? LIVE_FRAMES : ICAO_FRAMES);
    const still: Array<Score | null> = [];
    for (const [i, frame] of frames.entries()) {
      const score = await scoreImage(faceapi, models, frame);
      const turned = live && Math.abs(LIVE_SCHEDULE[i * LIVE_EVERY] ?? 0) > TURNED;
      if (!turned) still.push(score);
      samples.push({ set: !live ? 'clip-icao' : turned ? 'clip-live-turned' : 'clip-live-still', bonaFide: true, score });
    }
    stillFrames.set(clip, still);
  }

  printDistributions(samples);
  printErrorRates(samples);
  printSeparation(samples);
  printStability(stillFrames);
  printSpeed(await timeModels(faceapi, models, decodeJpeg(faces[0]!.jpeg)));
}

async function loadModels(): Promise<{ models: Models; loadMs: Record<keyof Models, number> }> {
  const probe = tf.zeros([1, HUMAN_CROP, HUMAN_CROP, 3]) as Tensor4D;
  const load = async (name: keyof Models) => {
    const started = performance.now();
    const model = await tf.loadGraphModel(tf.io.fromMemory(await readArtifacts(name)));
    const out = model.execute(resizeFor(model, probe)) as Tensor;
    await out.data();
    return { model, ms: Math.round(performance.now() - started) };
  };
  try {
    const antispoof = await load('antispoof');
    const liveness = await load('liveness');
    return { models: { antispoof: antispoof.model, liveness: liveness.model }, loadMs: { antispoof: antispoof.ms, liveness: liveness.ms } };
  } finally {
    tf.dispose(probe);
  }
}

interface GraphModelJson {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  weightsManifest: Array<{ paths: string[]; weights: io.WeightsManifestEntry[] }>;
}

/** The model's JSON and weight file as tfjs's in-memory IO handler takes them. */
async function readArtifacts(name: string): Promise<io.ModelArtifacts> {
  const json = JSON.parse(await readFile(join(HUMAN_MODELS, `${name}.json`), 'utf8')) as GraphModelJson;
  const buffers = await Promise.all(json.weightsManifest.flatMap((group) => group.paths).map((path) => readFile(join(HUMAN_MODELS, path))));
  const weights = Buffer.concat(buffers);
  return {
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  };
}

/** Both scores of the largest face the kiosk's detector finds, or null when it finds none. */
async function scoreImage(faceapi: FaceApiModule, models: Models, image: RgbaImage): Promise<Score | null> {
  const pixels = toTensor(faceapi, image);
  try {
    const found = await faceapi.detectAllFaces(pixels, new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT, scoreThreshold: 0.5 }));
    const largest = found.sort((a, b) => b.box.area - a.box.area)[0];
    if (!largest) return null;
    const { x, y, width, height } = largest.box;
    const crop = humanCrop(pixels as unknown as Tensor3D, { x, y, width, height });
    try {
      return await predict(models, crop);
    } finally {
      crop.dispose();
    }
  } finally {
    pixels.dispose();
  }
}

/**
 * human's face tensor (facemesh.ts → correctFaceRotation → cutAndResize): a square of the larger
 * box side × HUMAN_BOX_SCALE about the box centre, bilinear-cut to 192×192 (zeros outside the
 * image), divided by 255. Rotation correction is off in human's defaults, so none here.
 */
function humanCrop(pixels: Tensor3D, box: Box): Tensor4D {
  const [h, w] = pixels.shape;
  const side = Math.max(box.width, box.height) * HUMAN_BOX_SCALE;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const cut = [(cy - side / 2) / h, (cx - side / 2) / w, (cy + side / 2) / h, (cx + side / 2) / w];
  return tf.tidy(() => {
    const batch = tf.expandDims(tf.cast(pixels, 'float32'), 0) as Tensor4D;
    return tf.div(tf.image.cropAndResize(batch, [cut], [0], [HUMAN_CROP, HUMAN_CROP]), 255);
  });
}

/** human's antispoof.ts / liveness.ts: resizeBilinear to the model's input, execute, first output. */
function resizeFor(model: GraphModel, crop: Tensor4D): Tensor4D {
  const shape = model.inputs[0]?.shape ?? [];
  return tf.image.resizeBilinear(crop, [shape[2] ?? 0, shape[1] ?? 0], false);
}

async function predict(models: Models, crop: Tensor4D): Promise<Score> {
  const [real, live] = tf.tidy(() => [
    models.antispoof.execute(resizeFor(models.antispoof, crop)) as Tensor,
    models.liveness.execute(resizeFor(models.liveness, crop)) as Tensor,
  ]);
  try {
    return { real: (await real!.data())[0]!, live: (await live!.data())[0]! };
  } finally {
    tf.dispose([real!, live!]);
  }
}

interface Timing {
  crop: number;
  antispoof: number;
  liveness: number;
}

/** Median milliseconds over TIMING_RUNS of the crop and of each model (resize, execute, read back). */
async function timeModels(faceapi: FaceApiModule, models: Models, image: RgbaImage): Promise<Timing> {
  const pixels = toTensor(faceapi, image) as unknown as Tensor3D;
  const box: Box = { x: image.width * 0.3, y: image.height * 0.25, width: image.width * 0.4, height: image.height * 0.4 };
  const crop = humanCrop(pixels, box);
  const timeIt = async (run: () => Tensor) => {
    const ms: number[] = [];
    for (let i = 0; i < TIMING_RUNS; i++) {
      const started = performance.now();
      const out = run();
      await out.data();
      ms.push(performance.now() - started);
      out.dispose();
    }
    return median(ms);
  };
  try {
    return {
      crop: await timeIt(() => humanCrop(pixels, box)),
      antispoof: await timeIt(() => tf.tidy(() => models.antispoof.execute(resizeFor(models.antispoof, crop)) as Tensor)),
      liveness: await timeIt(() => tf.tidy(() => models.liveness.execute(resizeFor(models.liveness, crop)) as Tensor)),
    };
  } finally {
    tf.dispose([pixels, crop]);
  }
}

/** Every `every`-th RGB frame of a clip, at most `max`, decoded by ffmpeg. */
async function decodeFrames(path: string, every: number, max: number): Promise<RgbaImage[]> {
  const probe = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', path]);
  const [width, height] = probe.toString().trim().split(',').map(Number) as [number, number];
  const raw = await run('ffmpeg', [
    '-v', 'error', '-i', path, '-vf', `select=not(mod(n\\,${every}))`, '-fps_mode', 'passthrough',
    '-frames:v', String(max), '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1',
  ]);
  const size = width * height * 3;
  return Array.from({ length: Math.floor(raw.length / size) }, (_, i) => rgbToRgba(raw.subarray(i * size, (i + 1) * size), width, height));
}


async function ensureClips(clips: string[]): Promise<void> {
  const missing = clips.filter((clip) => !existsSync(join(CAMERA_DIR, `${clip}.mjpeg`)));
  if (missing.length > 0) await run('node', ['--import', 'tsx', 'scripts/faces/make-camera-videos.ts', ...missing]);
}

function run(command: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${command} exited with ${code}`))));
  });
}

/** The bona fide set each attack is compared with: the same portraits, with the same camera noise. */
const PAIRED_WITH = 'portrait+noise';
const ATTACK_SETS = [...Object.keys(REPLAYS), ...Object.keys(PRINTS)];
const SETS = ['portrait', PAIRED_WITH, 'clip-live-still', 'clip-live-turned', 'clip-icao', ...ATTACK_SETS];

function printDistributions(samples: Sample[]): void {
  console.log('\nScore distributions (human reads both as "higher = real/live"):');
  console.log('| set | kind | n | no face | real min / median / max | live min / median / max |');
  console.log('| --- | --- | ---: | ---: | --- | --- |');
  for (const set of SETS) {
    const inSet = samples.filter((s) => s.set === set);
    const scores = scored(inSet);
    const kind = inSet[0]?.bonaFide ? 'bona fide stand-in' : 'synthetic attack';
    console.log(`| ${set} | ${kind} | ${inSet.length} | ${inSet.length - scores.length} | ${spread(scores.map((s) => s.real))} | ${spread(scores.map((s) => s.live))} |`);
  }
}

/**
 * At each threshold, the share of attacks accepted (score ≥ t: APCER) and of bona fide stand-ins
 * rejected (score < t: BPCER), per set. A face the detector missed is left out: it never reaches
 * the model.
 */
function printErrorRates(samples: Sample[]): void {
  for (const key of ['real', 'live'] as const) {
    console.log(`\n${key}: share of each set on the wrong side of the threshold (attacks accepted / bona fide rejected)`);
    console.log(`| threshold | ${SETS.join(' | ')} |`);
    console.log(`| ---: | ${SETS.map(() => '---:').join(' | ')} |`);
    for (const t of THRESHOLDS) {
      const cells = SETS.map((set) => {
        const inSet = samples.filter((s) => s.set === set);
        const scores = scored(inSet).map((s) => s[key]);
        const wrong = inSet[0]?.bonaFide ? scores.filter((v) => v < t) : scores.filter((v) => v >= t);
        return percent(wrong.length, scores.length);
      });
      console.log(`| ${t} | ${cells.join(' | ')} |`);
    }
  }
}

/**
 * Threshold-free: AUC, the chance that a bona fide portrait scores above an attack (0.5 = no
 * information, below 0.5 = the model ranks attacks as more real); and, face by face, how often the
 * attack made from a portrait scores below that portrait.
 */
function printSeparation(samples: Sample[]): void {
  const bona = scored(samples.filter((s) => s.set === PAIRED_WITH));
  console.log(`\nSeparation from ${PAIRED_WITH} (the same 18 faces): AUC, and share of faces whose attack scores lower`);
  console.log('| attack | AUC real | AUC live | lower real | lower live |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const set of ATTACK_SETS) {
    const attacks = samples.filter((s) => s.set === set);
    const pairs = attacks.flatMap((a) => {
      const b = samples.find((s) => s.set === PAIRED_WITH && s.face === a.face);
      return a.score && b?.score ? [{ attack: a.score, bona: b.score }] : [];
    });
    const lower = (key: keyof Score) => percent(pairs.filter((p) => p.attack[key] < p.bona[key]).length, pairs.length);
    const attackScores = scored(attacks);
    const auc = (key: keyof Score) => fixed(areaUnderCurve(bona.map((s) => s[key]), attackScores.map((s) => s[key])), 2);
    console.log(`| ${set} | ${auc('real')} | ${auc('live')} | ${lower('real')} | ${lower('live')} |`);
  }
}

/** P(positive > negative), ties counting half: the area under the ROC curve. */
function areaUnderCurve(positives: number[], negatives: number[]): number {
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

function printStability(clips: Map<string, Array<Score | null>>): void {
  console.log('\nFrame to frame on the still frames of the clips (same face and pose, fresh camera noise each frame; live clips: every 3rd frame):');
  console.log('| clip | frames | real mean ± std | real min–max | real median abs. change | live mean ± std | live min–max | live median abs. change |');
  console.log('| --- | ---: | --- | --- | ---: | --- | --- | ---: |');
  for (const [clip, all] of clips) {
    const scores = scored(all.map((score) => ({ set: clip, bonaFide: true, score })));
    const cell = (v: number[]) => `${fixed(mean(v))} ± ${fixed(std(v))}`;
    const change = (v: number[]) => fixed(median(v.slice(1).map((x, i) => Math.abs(x - v[i]!))));
    const real = scores.map((s) => s.real);
    const live = scores.map((s) => s.live);
    const range = (v: number[]) => `${fixed(Math.min(...v), 2)}–${fixed(Math.max(...v), 2)}`;
    console.log(`| ${clip} | ${scores.length}/${all.length} | ${cell(real)} | ${range(real)} | ${change(real)} | ${cell(live)} | ${range(live)} | ${change(live)} |`);
  }
}

function printSpeed(t: Timing): void {
  console.log(
    `\nMedian of ${TIMING_RUNS} runs, tfjs wasm in Node (one thread): crop ${fixed(t.crop, 1)} ms, ` +
      `antispoof ${fixed(t.antispoof, 1)} ms, liveness ${fixed(t.liveness, 1)} ms (each: resize, execute, read back)`,
  );
}

function scored(samples: Sample[]): Score[] {
  return samples.flatMap((s) => (s.score ? [s.score] : []));
}

function spread(v: number[]): string {
  if (v.length === 0) return '-';
  return `${fixed(Math.min(...v))} / ${fixed(median(v))} / ${fixed(Math.max(...v))}`;
}

function median(v: number[]): number {
  const sorted = [...v].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const std = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));
const fixed = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const percent = (n: number, of: number) => (of === 0 ? '-' : `${Math.round((100 * n) / of)}%`);

await main();
