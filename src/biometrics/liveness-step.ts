import type { Point } from './face-analysis';
import { LIVENESS_THRESHOLDS as T } from './liveness-thresholds';
import { interOcularDistance } from './liveness-measures';
import { planarResidual } from './liveness-plane';

/*
 * One challenge of the liveness sequence: settle a steady baseline, see the asked movement, see the
 * face come back. The same three phases for every kind; only the measure differs.
 */

/**
 * "Left" and "right" are the citizen's own, as in head-pose.ts: turn_left moves the nose to the
 * raw camera image's right (estimateYaw > 0).
 */
export type ChallengeKind = 'turn_left' | 'turn_right' | 'blink' | 'smile';
export const CHALLENGE_KINDS: readonly ChallengeKind[] = ['turn_left', 'turn_right', 'blink', 'smile'];

/** What one frame with exactly one face gives the challenges. */
export interface FaceSample {
  yaw: number;
  pitch: number;
  roll: number;
  /** Eye aspect ratio of the less open eye (photo-quality-landmarks eyesOpenness). */
  eye: number;
  /** Mouth width over face width (photo-quality-landmarks mouthToFaceWidth). */
  mouth: number;
  /** The expression net's "happy", when the worker was asked for expressions; a smile needs it. */
  happy: number | null;
  landmarks: Point[];
}

export type StepPhase = 'baseline' | 'act' | 'return' | 'passed' | 'failed';

export interface StepState {
  kind: ChallengeKind;
  phase: StepPhase;
  startedAt: number;
  endedAt: number | null;
  /** Recent samples while looking for a steady baseline. */
  recent: FaceSample[];
  baseline: FaceSample | null;
  /** Consecutive frames meeting the phase's condition (negative: frames the wrong way). */
  streak: number;
  /** Largest progress in the asked direction: degrees (turns), eye closure 0–1 (blink), mouth widening (smile). */
  peak: number;
  /** Parallax (homography residual over the eye distance) of each turned frame; turns only. */
  parallax: number[];
  /** Set when the step failed on its own account. */
  wrongDirection: boolean;
}

export function createStep(kind: ChallengeKind, startedAt: number): StepState {
  return { kind, phase: 'baseline', startedAt, endedAt: null, recent: [], baseline: null, streak: 0, peak: 0, parallax: [], wrongDirection: false };
}

const isTurn = (kind: ChallengeKind) => kind === 'turn_left' || kind === 'turn_right';

/** Movement in the asked direction, in the kind's own unit. */
function progress(kind: ChallengeKind, s: FaceSample, b: FaceSample): number {
  switch (kind) {
    case 'turn_left':
      return s.yaw - b.yaw;
    case 'turn_right':
      return b.yaw - s.yaw;
    case 'blink':
      return b.eye > 0 ? 1 - s.eye / b.eye : 0;
    case 'smile':
      return b.mouth > 0 ? s.mouth / b.mouth - 1 : 0;
  }
}

function actLimits(kind: ChallengeKind): { reach: number; frames: number; back: number } {
  if (isTurn(kind)) return { reach: T.turnDelta, frames: T.turnFrames, back: T.returnDelta };
  if (kind === 'blink') return { reach: T.blinkClosure, frames: T.blinkFrames, back: T.blinkReopen };
  return { reach: T.smileWidening, frames: T.smileFrames, back: T.smileRelax };
}

export function advanceStep(step: StepState, sample: FaceSample, now: number): StepState {
  if (step.phase === 'passed' || step.phase === 'failed') return step;
  if (step.phase === 'baseline' || !step.baseline) return settleBaseline(step, sample);
  const b = step.baseline;
  // A blink or a smile is read on a head that stays put: a nod squeezes the eyes, a turn narrows the mouth.
  if (!isTurn(step.kind) && (Math.abs(sample.yaw - b.yaw) > T.steadyYaw || Math.abs(sample.pitch - b.pitch) > T.steadyPitch)) {
    return { ...step, streak: 0 };
  }
  const p = progress(step.kind, sample, b);
  const peak = Math.max(step.peak, p);
  const { reach, frames, back } = actLimits(step.kind);

  if (step.phase === 'act') {
    if (isTurn(step.kind) && p <= -T.wrongDelta) {
      const streak = Math.min(step.streak, 0) - 1;
      return streak <= -T.wrongFrames ? { ...step, phase: 'failed', endedAt: now, streak, peak, wrongDirection: true } : { ...step, streak, peak };
    }
    if (p >= reach && (step.kind !== 'smile' || (sample.happy ?? 0) >= T.smileHappy)) {
      const streak = Math.max(step.streak, 0) + 1;
      const parallax = isTurn(step.kind) ? [...step.parallax, parallaxOf(b, sample)] : step.parallax;
      return streak >= frames ? { ...step, phase: 'return', streak: 0, peak, parallax } : { ...step, streak, peak, parallax };
    }
    return { ...step, streak: 0, peak };
  }
  // return: turns come back within `back` either side; a blink reopens, a smile relaxes.
  const home = isTurn(step.kind) ? Math.abs(p) <= back : p <= back;
  if (!home) return { ...step, streak: 0, peak };
  const streak = step.streak + 1;
  return streak >= T.returnFrames ? { ...step, phase: 'passed', endedAt: now, streak, peak } : { ...step, streak, peak };
}

function parallaxOf(baseline: FaceSample, sample: FaceSample): number {
  const eyes = interOcularDistance(baseline.landmarks);
  return eyes > 0 ? planarResidual(baseline.landmarks, sample.landmarks) / eyes : Infinity;
}

function spread(values: number[]): number {
  return Math.max(...values) - Math.min(...values);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function settleBaseline(step: StepState, sample: FaceSample): StepState {
  // Never a baseline from a head held turned or still moving (the camera may start mid-turn).
  if (Math.abs(sample.yaw) > T.baselineMaxYaw) return { ...step, recent: [] };
  const recent = [...step.recent, sample].slice(-T.baselineFrames);
  if (recent.length < T.baselineFrames) return { ...step, recent };
  const eye = median(recent.map((s) => s.eye));
  const mouth = median(recent.map((s) => s.mouth));
  const steady =
    spread(recent.map((s) => s.yaw)) <= T.baselineYawSpread &&
    spread(recent.map((s) => s.eye)) <= T.baselineEyeSpread * eye &&
    spread(recent.map((s) => s.mouth)) <= T.baselineMouthSpread * mouth;
  if (!steady) return { ...step, recent };
  const baseline: FaceSample = {
    yaw: median(recent.map((s) => s.yaw)),
    pitch: median(recent.map((s) => s.pitch)),
    roll: median(recent.map((s) => s.roll)),
    eye,
    mouth,
    happy: null,
    landmarks: sample.landmarks,
  };
  return { ...step, phase: 'act', recent: [], baseline, streak: 0 };
}

/** Median parallax of a turn's turned frames, or null for a step without any. */
export function stepParallax(step: StepState): number | null {
  return step.parallax.length > 0 ? median(step.parallax) : null;
}
