// The page's half of `npm run bench:face` (bench/face-speed.ts), on the face harness page: a face
// worker on the backend asked for, fed frames grabbed from the camera's video element exactly as the
// kiosk does (createImageBitmap, transferred), back to back. Stateful so the bench can read the
// worker's memory between runs of frames without the page's loop timing it.
import type { AnalyseOptions } from '../../src/biometrics/face-analysis';
import type { CameraHandle } from '../../src/devices/camera/camera';
import { UserMediaCamera } from '../../src/devices/camera/user-media-camera';
import { createFaceAnalyser, type FaceAnalyser } from '../../src/workers/face-client';
import type { LoadOptions } from '../../src/workers/face.worker';

export type BenchBackend = NonNullable<LoadOptions['backend']>;

export interface BenchOpened {
  /** As the worker reports it: the backend asked for, or 'cpu (<asked> failed: …)'. */
  backend: string;
  loadMs: number;
}

export interface BenchFrames {
  /** Page side, per frame: grab the bitmap, transfer it, analyse, get the answer back. */
  roundTripMs: number[];
  /** The worker's own time per frame (its `ms`, whole milliseconds). */
  workerMs: number[];
  /** Faces found per frame. */
  faces: number[];
  /** Frames that came back with a descriptor. */
  descriptors: number;
  /** The neutral-expression score of every face that came back with one (expressions asked for). */
  neutral: number[];
  /** Wall time of the whole run, first grab to last answer. */
  elapsedMs: number;
}

let open: { camera: CameraHandle; analyser: FaceAnalyser } | null = null;

async function start(backend: BenchBackend): Promise<BenchOpened> {
  stop();
  const video = document.querySelector<HTMLVideoElement>('#camera');
  if (!video) throw new Error('no #camera video element');
  const [camera, analyser] = await Promise.all([
    new UserMediaCamera().open(video),
    createFaceAnalyser({ modelsUrl: '/models', wasmUrl: '/wasm/', backend }),
  ]);
  open = { camera, analyser };
  return { backend: analyser.backend, loadMs: analyser.loadMs };
}

async function frames(count: number, options: AnalyseOptions): Promise<BenchFrames> {
  if (!open) throw new Error('bench: start() first');
  const { camera, analyser } = open;
  const result: BenchFrames = { roundTripMs: [], workerMs: [], faces: [], descriptors: 0, neutral: [], elapsedMs: 0 };
  const began = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const analysis = await analyser.analyse(camera.video, options);
    result.roundTripMs.push(performance.now() - t0);
    result.workerMs.push(analysis.ms);
    result.faces.push(analysis.faces.length);
    if (analysis.descriptor) result.descriptors++;
    for (const face of analysis.faces) if (face.neutral !== undefined) result.neutral.push(face.neutral);
  }
  result.elapsedMs = performance.now() - began;
  return result;
}

function stop(): void {
  open?.analyser.dispose();
  open?.camera.stop();
  open = null;
}

export const faceBench = { start, frames, stop };
