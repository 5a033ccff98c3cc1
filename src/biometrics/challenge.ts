import type { FaceAnalysis } from './face-analysis';
import { GUIDANCE_LIMITS } from './guidance';
import { estimateYaw } from './head-pose';

/**
 * "Left" and "right" are the citizen's own: turn_left asks them to turn towards their left hand.
 * The preview is mirrored, so on screen their face turns to the screen's left too; in the raw
 * camera frame (what the worker analyses) the nose moves to the image's right, which
 * estimateYaw reports as a positive yaw.
 */
export type ChallengeKind = 'turn_left' | 'turn_right';

export type ChallengeFailure = 'timeout' | 'face_lost' | 'several_faces' | 'wrong_direction';

export type ChallengeStatus = 'waiting_baseline' | 'waiting_turn' | 'waiting_return' | 'passed' | 'failed';

export interface ChallengeState {
  kind: ChallengeKind;
  status: ChallengeStatus;
  startedAt: number;
  /** Median yaw of the frontal frames that opened the challenge. */
  baseline: number | null;
  /** Recent yaws while looking for a steady baseline. */
  recent: number[];
  /** Consecutive frames meeting the current step's condition. */
  streak: number;
  /** Last time exactly one face was seen. */
  lastSeenAt: number;
  /** Since when more than one face has been in view, or null. */
  crowdSince: number | null;
  /** Largest yaw change from the baseline in the asked direction, for the log. */
  peak: number;
  reason: ChallengeFailure | null;
}

export const CHALLENGE_LIMITS = {
  /**
   * Frontal frames to settle the baseline, their largest spread and largest |yaw|. Tight, so a
   * baseline is never taken from a head that is still moving (the camera may start mid-turn).
   */
  baselineFrames: 4,
  baselineSpread: 4,
  /** As faceGuidance's "look at the screen" limit: a head held turned is never the baseline. */
  baselineMaxYaw: GUIDANCE_LIMITS.maxYaw,
  /** A turn: yaw moved this far from the baseline in the asked direction … */
  turnDelta: 15,
  /** … for this many frames in a row. */
  turnFrames: 2,
  /** Back: within this of the baseline for this many frames. */
  returnDelta: 8,
  returnFrames: 2,
  /** The same change the other way fails the challenge: a replayed video turning both ways must not pass. */
  wrongDelta: 15,
  wrongFrames: 2,
  timeoutMs: 12_000,
  /** Detection misses a frame now and then; only a longer absence counts as the face gone. */
  faceLostMs: 1_500,
  /** A passer-by behind the citizen is common: only a second face that stays this long fails. */
  crowdMs: 2_000,
} as const;

export function pickChallenge(random: () => number): ChallengeKind {
  return random() < 0.5 ? 'turn_left' : 'turn_right';
}

export function createChallenge(kind: ChallengeKind, startedAt: number): ChallengeState {
  return {
    kind,
    status: 'waiting_baseline',
    startedAt,
    baseline: null,
    recent: [],
    streak: 0,
    lastSeenAt: startedAt,
    crowdSince: null,
    peak: 0,
    reason: null,
  };
}

export function advanceChallenge(state: ChallengeState, analysis: FaceAnalysis, now: number): ChallengeState {
  if (state.status === 'passed' || state.status === 'failed') return state;
  if (now - state.startedAt > CHALLENGE_LIMITS.timeoutMs) return fail(state, 'timeout');

  if (analysis.faces.length > 1) {
    const crowdSince = state.crowdSince ?? now;
    return now - crowdSince >= CHALLENGE_LIMITS.crowdMs ? fail(state, 'several_faces') : { ...state, crowdSince };
  }
  const face = analysis.faces[0];
  if (!face) {
    return now - state.lastSeenAt > CHALLENGE_LIMITS.faceLostMs ? fail(state, 'face_lost') : { ...state, crowdSince: null };
  }
  const seen = { ...state, lastSeenAt: now, crowdSince: null };
  const yaw = estimateYaw(face.landmarks);

  if (seen.status === 'waiting_baseline' || seen.baseline === null) return settleBaseline(seen, yaw);

  // Positive means "towards the side that was asked".
  const delta = (yaw - seen.baseline) * (seen.kind === 'turn_left' ? 1 : -1);
  const peak = Math.max(seen.peak, delta);
  if (seen.status === 'waiting_turn') {
    if (delta <= -CHALLENGE_LIMITS.wrongDelta) {
      const streak = Math.min(seen.streak, 0) - 1;
      return streak <= -CHALLENGE_LIMITS.wrongFrames ? fail({ ...seen, peak }, 'wrong_direction') : { ...seen, streak, peak };
    }
    if (delta >= CHALLENGE_LIMITS.turnDelta) {
      const streak = Math.max(seen.streak, 0) + 1;
      return streak >= CHALLENGE_LIMITS.turnFrames
        ? { ...seen, status: 'waiting_return', streak: 0, peak }
        : { ...seen, streak, peak };
    }
    return { ...seen, streak: 0, peak };
  }
  // waiting_return
  if (Math.abs(delta) <= CHALLENGE_LIMITS.returnDelta) {
    const streak = seen.streak + 1;
    return streak >= CHALLENGE_LIMITS.returnFrames ? { ...seen, status: 'passed', streak, peak } : { ...seen, streak, peak };
  }
  return { ...seen, streak: 0, peak };
}

function settleBaseline(state: ChallengeState, yaw: number): ChallengeState {
  if (Math.abs(yaw) > CHALLENGE_LIMITS.baselineMaxYaw) return { ...state, recent: [] };
  const recent = [...state.recent, yaw].slice(-CHALLENGE_LIMITS.baselineFrames);
  const spread = Math.max(...recent) - Math.min(...recent);
  if (recent.length < CHALLENGE_LIMITS.baselineFrames || spread > CHALLENGE_LIMITS.baselineSpread) return { ...state, recent };
  const sorted = [...recent].sort((a, b) => a - b);
  const baseline = sorted[Math.floor(sorted.length / 2)]!;
  return { ...state, status: 'waiting_turn', baseline, recent, streak: 0 };
}

function fail(state: ChallengeState, reason: ChallengeFailure): ChallengeState {
  return { ...state, status: 'failed', reason };
}
