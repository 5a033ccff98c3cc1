// Drives the real face worker on the camera and records what the liveness rules see, for
// e2e/face-worker.spec.ts: window.faceHarness.run({...}) resolves with the whole trace.
// window.faceHarness.bench is `npm run bench:face`'s frame loop (bench-face.ts); .track returns raw
// landmarks per frame (track-landmarks.ts), for measuring what the liveness checks see.
import { advanceChallenge, createChallenge, type ChallengeKind, type ChallengeState } from '../../src/biometrics/challenge';
import type { FaceAnalysis } from '../../src/biometrics/face-analysis';
import { faceGuidance, type Guidance } from '../../src/biometrics/guidance';
import { estimateYaw } from '../../src/biometrics/head-pose';
import { openCamera } from '../../src/devices/camera';
import { getFaceAnalyser } from '../../src/workers/face-client';
import { faceBench } from './bench-face';
import { trackLandmarks } from './track-landmarks';

export interface HarnessFrame {
  /** ms since the first frame. */
  t: number;
  faces: number;
  yaw: number | null;
  guidance: Guidance;
  status: ChallengeState['status'];
  ms: number;
}

export interface HarnessResult {
  backend: string;
  loadMs: number;
  frames: HarnessFrame[];
  fps: number;
  challenge: Pick<ChallengeState, 'status' | 'reason' | 'baseline' | 'peak'>;
  /** ms from the first frame to the challenge's end, if it ended. */
  decidedAfterMs: number | null;
  /** Taken on the first 'ok' frame. */
  descriptor: number[] | null;
  tensorsAfterFirstFrame: number;
  tensorsAtEnd: number;
}

export interface HarnessOptions {
  challenge: ChallengeKind;
  durationMs: number;
  /** Stop as soon as the challenge passes or fails. */
  stopOnDecision: boolean;
}

async function run(options: HarnessOptions): Promise<HarnessResult> {
  const video = document.querySelector<HTMLVideoElement>('#camera');
  if (!video) throw new Error('no #camera video element');
  const [camera, analyser] = await Promise.all([openCamera(video), getFaceAnalyser()]);
  const frames: HarnessFrame[] = [];
  let state: ChallengeState | null = null;
  let previous: FaceAnalysis | undefined;
  let descriptor: number[] | null = null;
  let decidedAfterMs: number | null = null;
  let tensorsAfterFirstFrame = -1;
  const start = performance.now();
  try {
    while (performance.now() - start < options.durationMs) {
      const analysis = await analyser.analyse(video, { descriptor: descriptor === null && frames.length > 3 });
      const now = performance.now();
      if (tensorsAfterFirstFrame < 0) tensorsAfterFirstFrame = await analyser.tensorCount();
      descriptor ??= analysis.descriptor;
      state ??= createChallenge(options.challenge, now);
      state = advanceChallenge(state, analysis, now);
      const [face] = analysis.faces;
      frames.push({
        t: Math.round(now - start),
        faces: analysis.faces.length,
        yaw: face && analysis.faces.length === 1 ? Math.round(estimateYaw(face.landmarks) * 10) / 10 : null,
        guidance: faceGuidance(analysis, previous),
        status: state.status,
        ms: analysis.ms,
      });
      previous = analysis;
      if ((state.status === 'passed' || state.status === 'failed') && decidedAfterMs === null) {
        decidedAfterMs = Math.round(now - start);
        if (options.stopOnDecision) break;
      }
    }
  } finally {
    camera.stop();
  }
  const span = (frames.at(-1)?.t ?? 0) - (frames[0]?.t ?? 0);
  return {
    backend: analyser.backend,
    loadMs: analyser.loadMs,
    frames,
    fps: span > 0 ? Math.round(((frames.length - 1) * 1000 * 10) / span) / 10 : 0,
    challenge: state
      ? { status: state.status, reason: state.reason, baseline: state.baseline, peak: state.peak }
      : { status: 'waiting_baseline', reason: null, baseline: null, peak: 0 },
    decidedAfterMs,
    descriptor,
    tensorsAfterFirstFrame,
    tensorsAtEnd: await analyser.tensorCount(),
  };
}

declare global {
  interface Window {
    faceHarness: { run: typeof run; bench: typeof faceBench; track: typeof trackLandmarks };
  }
}

window.faceHarness = { run, bench: faceBench, track: trackLandmarks };
