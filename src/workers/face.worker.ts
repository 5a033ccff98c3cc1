import * as Comlink from 'comlink';
import * as faceapi from '@vladmandic/face-api/dist/face-api.esm.js';
import { sampleColour as sampleRegions, type ColourRegions, type ColourSample } from '../biometrics/colour-regions';
import type { AnalyseOptions, DetectedFace, FaceAnalysis, Point } from '../biometrics/face-analysis';

/*
 * Face analysis off the main thread. face-api's ESM bundle carries tfjs and its wasm backend;
 * wasm with SIMD is the only fast backend on the kiosk's CPU (WebGL falls back to SwiftShader,
 * ~10× slower; plain CPU ~18× slower — see docs/benchmarks.md, `npm run bench:face`).
 */

export interface LoadOptions {
  /** Where the model weights are served, e.g. '/models'. */
  modelsUrl: string;
  /** Where the tfjs .wasm binaries are served, with a trailing slash, e.g. '/wasm/'. */
  wasmUrl: string;
  /** The tfjs backend to use; 'wasm' unless a benchmark compares them (bench/face-speed.ts). */
  backend?: 'wasm' | 'cpu' | 'webgl';
}

export interface LoadResult {
  /** The backend in use: the one asked for, or 'cpu (wasm failed: …)' when the slow fallback is in use. */
  backend: string;
  loadMs: number;
}

/** The parts of tfjs the bundle has but face-api's typings leave out. */
interface TfRuntime {
  setWasmPaths(prefix: string): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
}
const tf = faceapi.tf as unknown as TfRuntime & typeof faceapi.tf;

const DETECTOR = new faceapi.TinyFaceDetectorOptions({ inputSize: 224, scoreThreshold: 0.5 });

function notInWorker(what: string): () => never {
  return () => {
    throw new Error(`${what} is not available in a worker`);
  };
}

/** face-api's own environment check wants window and document; a worker has OffscreenCanvas instead. */
function setWorkerEnv(): void {
  faceapi.env.setEnv({
    Canvas: OffscreenCanvas as unknown as typeof HTMLCanvasElement,
    CanvasRenderingContext2D: OffscreenCanvasRenderingContext2D as unknown as typeof CanvasRenderingContext2D,
    Image: class {} as unknown as typeof HTMLImageElement,
    ImageData,
    Video: class {} as unknown as typeof HTMLVideoElement,
    createCanvasElement: () => new OffscreenCanvas(1, 1) as unknown as HTMLCanvasElement,
    createImageElement: notInWorker('an image element'),
    createVideoElement: notInWorker('a video element'),
    fetch: (url, init) => fetch(url, init),
    readFile: notInWorker('the file system'),
  });
}

let loaded: Promise<LoadResult> | undefined;

async function load(options: LoadOptions): Promise<LoadResult> {
  loaded ??= loadOnce(options);
  return loaded;
}

async function loadOnce({ modelsUrl, wasmUrl, backend: wanted = 'wasm' }: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  setWorkerEnv();
  let backend: string = wanted;
  try {
    if (wanted === 'wasm') tf.setWasmPaths(wasmUrl);
    if (!(await tf.setBackend(wanted))) throw new Error('setBackend refused');
    await tf.ready();
  } catch (error) {
    await tf.setBackend('cpu');
    await tf.ready();
    backend = `cpu (${wanted} failed: ${error instanceof Error ? error.message : String(error)})`;
  }
  await Promise.all([
    faceapi.nets.tinyFaceDetector.loadFromUri(modelsUrl),
    faceapi.nets.faceLandmark68Net.loadFromUri(modelsUrl),
    faceapi.nets.faceRecognitionNet.loadFromUri(modelsUrl),
    faceapi.nets.faceExpressionNet.loadFromUri(modelsUrl),
  ]);
  return { backend, loadMs: Math.round(performance.now() - started) };
}

async function analyse(frame: ImageBitmap, options: AnalyseOptions): Promise<FaceAnalysis> {
  const started = performance.now();
  const { width, height } = frame;
  const input = tf.browser.fromPixels(frame);
  frame.close();
  try {
    const withLandmarks = faceapi.detectAllFaces(input, DETECTOR).withFaceLandmarks();
    const found: FaceResult[] = options.expressions ? await withLandmarks.withFaceExpressions() : await withLandmarks;
    const faces = found.map(toFace);
    const only = found.length === 1 ? found[0] : undefined;
    const descriptor = options.descriptor && only ? await describe(input, only.alignedRect) : null;
    return { width, height, faces, descriptor, ms: Math.round(performance.now() - started) };
  } finally {
    input.dispose();
  }
}

async function describe(input: faceapi.tf.Tensor3D, rect: faceapi.FaceDetection): Promise<number[]> {
  const [aligned] = await faceapi.extractFaceTensors(input, [rect]);
  if (!aligned) throw new Error('no aligned face tensor');
  try {
    const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(aligned);
    return Array.from(descriptor as Float32Array);
  } finally {
    aligned.dispose();
  }
}

type FaceResult = faceapi.WithFaceLandmarks<{ detection: faceapi.FaceDetection }> & { expressions?: faceapi.FaceExpressions };

function toFace(result: FaceResult): DetectedFace {
  const { x, y, width, height } = result.detection.box;
  const face: DetectedFace = {
    box: { x, y, width, height },
    score: result.detection.score,
    landmarks: result.landmarks.positions.map((p): Point => [p.x, p.y]),
  };
  if (result.expressions) {
    face.neutral = result.expressions.neutral;
    face.happy = result.expressions.happy;
  }
  return face;
}

/**
 * The colour challenge reads a quarter-size copy: its regions are averaged anyway, and at 160×120 a
 * sample costs a millisecond or two, so it keeps up with the camera where the detector does not.
 */
const COLOUR_SCALE = 0.25;
let colourCanvas: OffscreenCanvas | null = null;

export interface ColourReading {
  sample: ColourSample | null;
  ms: number;
}

/** Mean colours of the colour challenge's regions in one frame (no detection: the regions come from the last analysis). */
function sampleColour(frame: ImageBitmap, regions: ColourRegions): ColourReading {
  const started = performance.now();
  const width = Math.max(1, Math.round(frame.width * COLOUR_SCALE));
  const height = Math.max(1, Math.round(frame.height * COLOUR_SCALE));
  if (!colourCanvas || colourCanvas.width !== width || colourCanvas.height !== height) colourCanvas = new OffscreenCanvas(width, height);
  const context = colourCanvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context for the colour sample');
  // 'medium' filters with mipmaps, so each small pixel is the mean of the ones it covers.
  context.imageSmoothingQuality = 'medium';
  const scale = width / frame.width;
  try {
    context.drawImage(frame, 0, 0, width, height);
  } finally {
    frame.close();
  }
  const sample = sampleRegions(context.getImageData(0, 0, width, height), regions, scale);
  return { sample, ms: performance.now() - started };
}

/** Live tensor count, to prove in tests that analyse() leaks nothing. */
function tensorCount(): number {
  return (tf as unknown as { memory(): { numTensors: number } }).memory().numTensors;
}

const api = { load, analyse, sampleColour, tensorCount };
export type FaceWorkerApi = typeof api;

Comlink.expose(api);
