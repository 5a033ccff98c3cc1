import * as Comlink from 'comlink';
import { DeviceError } from '../devices/device-error';
import type { ColourRegions } from '../biometrics/colour-regions';
import type { AnalyseOptions, FaceAnalysis } from '../biometrics/face-analysis';
import type { ColourReading, FaceWorkerApi, LoadOptions } from './face.worker';

export type FaceAnalyserErrorCode = 'face_models_failed' | 'face_frame_failed';

export class FaceAnalyserError extends DeviceError<FaceAnalyserErrorCode> {}

export interface FaceAnalyser {
  /** 'wasm', or a 'cpu (…)' fallback that is too slow for liveness and should be reported. */
  readonly backend: string;
  readonly loadMs: number;
  /** Grabs the video's current frame (or takes any image) and analyses it in the worker. */
  analyse(source: ImageBitmapSource, options?: AnalyseOptions): Promise<FaceAnalysis>;
  /** The colour challenge's regions' mean colours in the current frame: no detection, a millisecond or two. */
  sampleColour(source: ImageBitmapSource, regions: ColourRegions): Promise<ColourReading>;
  /** Live tensors in the worker (diagnostics). */
  tensorCount(): Promise<number>;
  dispose(): void;
}

/** Where scripts/copy-models.mjs puts the weights and the tfjs binaries (public/ → site root). */
const DEFAULT_LOAD: LoadOptions = { modelsUrl: '/models', wasmUrl: '/wasm/' };

export async function createFaceAnalyser(options: LoadOptions = DEFAULT_LOAD): Promise<FaceAnalyser> {
  const worker = new Worker(new URL('./face.worker.ts', import.meta.url), { type: 'module', name: 'face' });
  const remote = Comlink.wrap<FaceWorkerApi>(worker);
  // A worker whose script cannot be fetched (offline before the service worker had it) only fires
  // `error`: without this race the load would wait for ever and the camera step with it.
  const unreachable = new Promise<never>((_resolve, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(`the face worker did not start: ${event.message || 'script not loaded'}`)), { once: true });
  });
  let loaded;
  try {
    loaded = await Promise.race([remote.load(options), unreachable]);
  } catch (cause) {
    worker.terminate();
    throw new FaceAnalyserError('face_models_failed', { cause });
  }
  return {
    backend: loaded.backend,
    loadMs: loaded.loadMs,
    async analyse(source, analyseOptions = { descriptor: false }) {
      const frame = await grab(source);
      return remote.analyse(Comlink.transfer(frame, [frame]), analyseOptions);
    },
    async sampleColour(source, regions) {
      const frame = await grab(source);
      return remote.sampleColour(Comlink.transfer(frame, [frame]), regions);
    },
    tensorCount: () => remote.tensorCount(),
    dispose() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

async function grab(source: ImageBitmapSource): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(source);
  } catch (cause) {
    // No frame yet (video not playing) or the camera went away.
    throw new FaceAnalyserError('face_frame_failed', { cause });
  }
}

let shared: Promise<FaceAnalyser> | undefined;

/**
 * The page's one analyser. Loading the models takes seconds, so it is made once and outlives
 * citizens' sessions; a failed load is forgotten so the next call tries again.
 */
export function getFaceAnalyser(): Promise<FaceAnalyser> {
  shared ??= createFaceAnalyser().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
