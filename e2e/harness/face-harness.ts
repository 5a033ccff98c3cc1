// Drives the real face worker on the camera through the identify step's liveness sequence and
// records what it saw, for e2e/face-worker.spec.ts: window.faceHarness.run({...}) resolves with
// the whole trace and the evidence the kiosk would send.
// window.faceHarness.bench is `npm run bench:face`'s frame loop (bench-face.ts); .track returns raw
// landmarks per frame (track-landmarks.ts), for measuring what the liveness checks see; .colour runs
// `npm run bench:liveness`'s simulated colour-challenge sessions (bench-colour.ts).
import type { FaceAnalysis } from '../../src/biometrics/face-analysis';
import { faceGuidance, type Guidance } from '../../src/biometrics/guidance';
import { estimateYaw } from '../../src/biometrics/head-pose';
import { advanceLiveness, createLiveness, livenessEvidence, type ChallengeKind, type LivenessState } from '../../src/biometrics/liveness';
import { UserMediaCamera } from '../../src/devices/camera/user-media-camera';
import type { LivenessEvidence } from '../../src/protocol/liveness';
import { getFaceAnalyser } from '../../src/workers/face-client';
import { colourBench } from './bench-colour';
import { faceBench } from './bench-face';
import { trackLandmarks } from './track-landmarks';

/** As the identify step does: a descriptor every this many frames, for the identity-change check. */
const DESCRIBE_EVERY = 8;

export interface HarnessFrame {
  /** ms since the first frame. */
  t: number;
  faces: number;
  yaw: number | null;
  guidance: Guidance;
  status: LivenessState['status'];
  ms: number;
}

export interface HarnessResult {
  backend: string;
  loadMs: number;
  frames: HarnessFrame[];
  fps: number;
  liveness: LivenessEvidence;
  /** ms from the first frame to the sequence's end, if it ended. */
  decidedAfterMs: number | null;
  /** The first descriptor taken on a frame the guidance called 'ok'. */
  descriptor: number[] | null;
  tensorsAfterFirstFrame: number;
  tensorsAtEnd: number;
}

export interface HarnessOptions {
  challenges: ChallengeKind[];
  durationMs: number;
  /** Stop as soon as the sequence passes or fails. */
  stopOnDecision: boolean;
}

/** The identify step's liveness sequence on the camera, frame by frame, with everything it saw. */
async function run(options: HarnessOptions): Promise<HarnessResult> {
  const video = document.querySelector<HTMLVideoElement>('#camera');
  if (!video) throw new Error('no #camera video element');
  // The models first, then the camera, as at the kiosk (its worker is loaded before the identify
  // step opens the camera): a fake camera's clip starts when it is opened, so the sequence meets the
  // clip from its beginning, however long the models take to load on a busy machine.
  const analyser = await getFaceAnalyser();
  const camera = await new UserMediaCamera().open(video);
  const frames: HarnessFrame[] = [];
  let state: LivenessState | null = null;
  let previous: FaceAnalysis | undefined;
  let descriptor: number[] | null = null;
  let decidedAfterMs: number | null = null;
  let tensorsAfterFirstFrame = -1;
  const start = performance.now();
  try {
    while (performance.now() - start < options.durationMs) {
      const analysis = await analyser.analyse(video, { descriptor: frames.length % DESCRIBE_EVERY === 0 });
      const now = performance.now();
      if (tensorsAfterFirstFrame < 0) tensorsAfterFirstFrame = await analyser.tensorCount();
      const guidance = faceGuidance(analysis, previous);
      if (guidance === 'ok') descriptor ??= analysis.descriptor;
      state = advanceLiveness(state ?? createLiveness({ challenges: options.challenges, startedAt: now }), analysis, now);
      const [face] = analysis.faces;
      frames.push({
        t: Math.round(now - start),
        faces: analysis.faces.length,
        yaw: face && analysis.faces.length === 1 ? Math.round(estimateYaw(face.landmarks) * 10) / 10 : null,
        guidance,
        status: state.status,
        ms: analysis.ms,
      });
      previous = analysis;
      if (state.status !== 'running' && decidedAfterMs === null) {
        decidedAfterMs = Math.round(now - start);
        if (options.stopOnDecision) break;
      }
    }
  } finally {
    camera.stop();
  }
  if (!state) throw new Error('no frame was analysed');
  const span = (frames.at(-1)?.t ?? 0) - (frames[0]?.t ?? 0);
  return {
    backend: analyser.backend,
    loadMs: analyser.loadMs,
    frames,
    fps: span > 0 ? Math.round(((frames.length - 1) * 1000 * 10) / span) / 10 : 0,
    liveness: livenessEvidence(state),
    decidedAfterMs,
    descriptor,
    tensorsAfterFirstFrame,
    tensorsAtEnd: await analyser.tensorCount(),
  };
}

declare global {
  interface Window {
    faceHarness: { run: typeof run; bench: typeof faceBench; track: typeof trackLandmarks; colour: typeof colourBench };
  }
}

window.faceHarness = { run, bench: faceBench, track: trackLandmarks, colour: colourBench };
