import type { Point } from './face-analysis';
import { interOcularDistance, landmarkRms } from './liveness-measures';
import { LIVENESS_THRESHOLDS as T } from './liveness-thresholds';

/*
 * Checks on every frame of the sequence that ask nothing of the citizen: is the stream frozen, does
 * it loop, does the face stay the same person. What they can and cannot catch: docs/biometrics.md.
 */

export type PassiveFailure = 'no_micro_motion' | 'replay' | 'identity_changed';

export interface PassiveState {
  /** Landmark fingerprint of the previous frame with a face. */
  lastKey: string | null;
  /** Fingerprints of every distinct frame so far. */
  seen: string[];
  repeatedFrames: number;
  identicalPairs: number;
  pairs: number;
  /** Since when the landmarks have not changed at all. */
  frozenSince: number | null;
  longestFrozenMs: number;
  previous: Point[] | null;
  /** Frame-to-frame landmark movement over the eye distance, for pairs that moved but little: the face's jitter. */
  jitter: number[];
  reference: { descriptor: number[]; yaw: number } | null;
  descriptorsCompared: number;
  maxIdentityDistance: number | null;
}

export function createPassive(): PassiveState {
  return {
    lastKey: null,
    seen: [],
    repeatedFrames: 0,
    identicalPairs: 0,
    pairs: 0,
    frozenSince: null,
    longestFrozenMs: 0,
    previous: null,
    jitter: [],
    reference: null,
    descriptorsCompared: 0,
    maxIdentityDistance: null,
  };
}

/** Moves larger than this (eye distances per frame) are the citizen acting, not jitter. */
const JITTER_CEILING = 0.05;

/**
 * Two 32-bit FNV-1a hashes of the landmarks at 0.01 px: equal for the same image analysed twice
 * (the detector is deterministic), different for any two camera frames (sensor noise moves
 * landmarks by ~1 px).
 */
export function landmarkKey(landmarks: readonly Point[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const [x, y] of landmarks) {
    for (const v of [Math.round(x * 100), Math.round(y * 100)]) {
      a = Math.imul(a ^ (v & 0xffff), 0x01000193) >>> 0;
      a = Math.imul(a ^ (v >>> 16), 0x01000193) >>> 0;
      b = Math.imul(b ^ (v & 0xffff), 0x811c9dc5 | 1) >>> 0;
      b = Math.imul(b ^ ((v >>> 8) & 0xffff), 0x811c9dc5 | 1) >>> 0;
    }
  }
  return `${a.toString(36)}.${b.toString(36)}`;
}

export function euclidean(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}

/** One frame with exactly one face. */
export function advancePassive(
  state: PassiveState,
  frame: { landmarks: Point[]; yaw: number; descriptor: number[] | null },
  now: number,
): { state: PassiveState; failure: PassiveFailure | null } {
  const key = landmarkKey(frame.landmarks);
  const identical = key === state.lastKey;
  let next: PassiveState = { ...state, lastKey: key, previous: frame.landmarks };

  if (state.previous) {
    next.pairs += 1;
    if (identical) next.identicalPairs += 1;
    else {
      const eyes = interOcularDistance(frame.landmarks);
      const move = eyes > 0 ? landmarkRms(state.previous, frame.landmarks) / eyes : 0;
      if (move < JITTER_CEILING) next.jitter = [...state.jitter, move];
    }
  }

  // The same image analysed twice is one frozen run; a fingerprint seen before that is not the last
  // frame's is the stream coming round again.
  if (identical) {
    const frozenSince = state.frozenSince ?? now;
    next = { ...next, frozenSince, longestFrozenMs: Math.max(state.longestFrozenMs, now - frozenSince) };
  } else {
    next.frozenSince = now;
    if (state.seen.includes(key)) next.repeatedFrames += 1;
    else next.seen = [...state.seen, key];
  }

  if (frame.descriptor) next = compareIdentity(next, frame.descriptor, frame.yaw);

  if (next.maxIdentityDistance !== null && next.maxIdentityDistance > T.identityMaxDistance) return { state: next, failure: 'identity_changed' };
  if (next.repeatedFrames >= T.replayFrames) return { state: next, failure: 'replay' };
  if (next.longestFrozenMs >= T.maxFrozenMs) return { state: next, failure: 'no_micro_motion' };
  return { state: next, failure: null };
}

function compareIdentity(state: PassiveState, descriptor: number[], yaw: number): PassiveState {
  // The first descriptor of a face looking at the screen is the reference; later ones are compared
  // only at about the same pose, since a turn alone moves the descriptor by up to 0.44.
  if (!state.reference) {
    return Math.abs(yaw) <= T.baselineMaxYaw ? { ...state, reference: { descriptor, yaw } } : state;
  }
  if (Math.abs(yaw - state.reference.yaw) > T.identityYawGate) return state;
  const distance = euclidean(state.reference.descriptor, descriptor);
  return {
    ...state,
    descriptorsCompared: state.descriptorsCompared + 1,
    maxIdentityDistance: Math.max(state.maxIdentityDistance ?? 0, distance),
  };
}

export function medianJitter(state: PassiveState): number | null {
  if (state.jitter.length === 0) return null;
  const sorted = [...state.jitter].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
