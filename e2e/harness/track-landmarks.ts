// window.faceHarness.track: the worker's raw answers, landmarks and all, for measuring what the
// liveness checks see on real frames (landmark noise on a still image, repeats in a looping clip).
import type { FaceAnalysis } from '../../src/biometrics/face-analysis';
import { UserMediaCamera } from '../../src/devices/camera/user-media-camera';
import { getFaceAnalyser } from '../../src/workers/face-client';

export interface TrackOptions {
  durationMs: number;
  /** Ask for the 128-d descriptor on every n-th frame (0: never). */
  descriptorEvery: number;
}

export interface TrackedFrame {
  /** ms since the first frame. */
  t: number;
  analysis: FaceAnalysis;
}

export async function trackLandmarks(options: TrackOptions): Promise<TrackedFrame[]> {
  const video = document.querySelector<HTMLVideoElement>('#camera');
  if (!video) throw new Error('no #camera video element');
  const [camera, analyser] = await Promise.all([new UserMediaCamera().open(video), getFaceAnalyser()]);
  const frames: TrackedFrame[] = [];
  const start = performance.now();
  try {
    while (performance.now() - start < options.durationMs) {
      const descriptor = options.descriptorEvery > 0 && frames.length % options.descriptorEvery === 0;
      const analysis = await analyser.analyse(video, { descriptor });
      frames.push({ t: Math.round(performance.now() - start), analysis });
    }
  } finally {
    camera.stop();
  }
  return frames;
}
