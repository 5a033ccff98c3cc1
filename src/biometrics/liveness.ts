import type { LivenessEvidence } from '../protocol/liveness';
import type { DetectedFace, FaceAnalysis } from './face-analysis';
import { estimatePitch, estimateRoll, estimateYaw } from './head-pose';
import { eyesOpenness, mouthToFaceWidth } from './photo-quality-landmarks';
import { advancePassive, createPassive, medianJitter, type PassiveFailure, type PassiveState } from './liveness-passive';
import { advanceStep, CHALLENGE_KINDS, createStep, stepParallax, type ChallengeKind, type FaceSample, type StepState } from './liveness-step';
import { LIVENESS_THRESHOLDS as T } from './liveness-thresholds';

/*
 * The liveness sequence: two or three challenges in a row (turn left, turn right, blink, smile),
 * while passive checks watch every frame. Pure: the kiosk feeds it the worker's FaceAnalysis and
 * the time, and reads status, the current challenge and what to tell the citizen.
 */

export type { ChallengeKind } from './liveness-step';

export type LivenessStatus = 'running' | 'passed' | 'failed';

export type LivenessFailure = 'timeout' | 'face_lost' | 'several_faces' | 'wrong_direction' | 'planar_motion' | PassiveFailure;

/** What to show the citizen now; the kiosk maps it to a message in kk/ru/en. */
export type LivenessGuidance = 'hold_still' | 'turn_left' | 'turn_right' | 'blink' | 'smile' | 'return' | 'open_eyes' | 'relax';

type Range = [number, number];

export interface LivenessState {
  status: LivenessStatus;
  reason: LivenessFailure | null;
  thresholdsVersion: string;
  startedAt: number;
  endedAt: number | null;
  /** The challenges to ask, in order. */
  challenges: ChallengeKind[];
  /** One per challenge reached so far; the last is the current one. */
  steps: StepState[];
  /** The challenge being asked, null once the sequence ended. */
  current: ChallengeKind | null;
  guidance: LivenessGuidance | null;
  frames: number;
  firstFrameAt: number | null;
  lastFrameAt: number | null;
  /** Last time exactly one face was seen. */
  lastSeenAt: number;
  longestFaceGapMs: number;
  /** Since when more than one face has been in view, or null. */
  crowdSince: number | null;
  maxFaces: number;
  passive: PassiveState;
  pose: { yaw: Range; pitch: Range; roll: Range } | null;
}

export class LivenessConfigError extends Error {
  constructor(
    readonly code: 'liveness_challenges' | 'liveness_thresholds',
    message: string,
  ) {
    super(message);
    this.name = 'LivenessConfigError';
  }
}

/**
 * `count` distinct challenges in random order, always one head turn among them: the turn is what
 * the planar-motion check measures, and blink and smile alone leave a flat photo with holes cut
 * for eyes and mouth unchallenged in depth.
 */
export function pickChallenges(random: () => number, count: 2 | 3): ChallengeKind[] {
  const turn: ChallengeKind = random() < 0.5 ? 'turn_left' : 'turn_right';
  const others = shuffle(
    CHALLENGE_KINDS.filter((k) => k !== turn),
    random,
  ).slice(0, count - 1);
  return shuffle([turn, ...others], random);
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface LivenessOptions {
  /** 2–3 distinct kinds, asked in this order (a test device profile may fix it). */
  challenges: readonly ChallengeKind[];
  startedAt: number;
  /** The thresholds the caller expects; a mismatch would record evidence under rules that were not applied. */
  thresholdsVersion?: string;
}

export function createLiveness({ challenges, startedAt, thresholdsVersion = T.version }: LivenessOptions): LivenessState {
  if (challenges.length < 2 || challenges.length > 3 || new Set(challenges).size !== challenges.length) {
    throw new LivenessConfigError('liveness_challenges', `expected 2–3 distinct challenges, got ${challenges.join(', ')}`);
  }
  if (thresholdsVersion !== T.version) {
    throw new LivenessConfigError('liveness_thresholds', `thresholds ${thresholdsVersion} asked for, ${T.version} built in`);
  }
  return {
    status: 'running',
    reason: null,
    thresholdsVersion,
    startedAt,
    endedAt: null,
    challenges: [...challenges],
    steps: [createStep(challenges[0]!, startedAt)],
    current: challenges[0]!,
    guidance: 'hold_still',
    frames: 0,
    firstFrameAt: null,
    lastFrameAt: null,
    lastSeenAt: startedAt,
    longestFaceGapMs: 0,
    crowdSince: null,
    maxFaces: 0,
    passive: createPassive(),
    pose: null,
  };
}

export function advanceLiveness(state: LivenessState, analysis: FaceAnalysis, now: number): LivenessState {
  if (state.status !== 'running') return state;
  const counted: LivenessState = {
    ...state,
    frames: state.frames + 1,
    firstFrameAt: state.firstFrameAt ?? now,
    lastFrameAt: now,
    maxFaces: Math.max(state.maxFaces, analysis.faces.length),
  };
  const step = counted.steps.at(-1)!;
  if (now - step.startedAt > T.challengeTimeoutMs) return fail(counted, 'timeout', now);

  if (analysis.faces.length > 1) {
    const crowdSince = counted.crowdSince ?? now;
    return now - crowdSince >= T.crowdMs ? fail(counted, 'several_faces', now) : { ...counted, crowdSince };
  }
  const face = analysis.faces[0];
  const gap = now - counted.lastSeenAt;
  const longestFaceGapMs = Math.max(counted.longestFaceGapMs, gap);
  if (!face) {
    const missing = { ...counted, crowdSince: null, longestFaceGapMs };
    return gap > T.faceLostMs ? fail(missing, 'face_lost', now) : missing;
  }

  const sample = sampleOf(face);
  const seen: LivenessState = { ...counted, lastSeenAt: now, longestFaceGapMs, crowdSince: null, pose: widen(counted.pose, sample) };
  const passive = advancePassive(seen.passive, { landmarks: face.landmarks, yaw: sample.yaw, descriptor: analysis.descriptor }, now);
  const checked = { ...seen, passive: passive.state };
  if (passive.failure) return fail(checked, passive.failure, now);

  const advanced = advanceStep(step, sample, now);
  const next = { ...checked, steps: [...checked.steps.slice(0, -1), advanced] };
  if (advanced.phase === 'failed') return fail(next, 'wrong_direction', now);
  if (advanced.phase !== 'passed') return { ...next, guidance: guidanceOf(advanced) };

  const parallax = stepParallax(advanced);
  if (parallax !== null && parallax < T.minParallax) return fail(next, 'planar_motion', now);
  const following = next.challenges[next.steps.length];
  if (!following) return { ...next, status: 'passed', endedAt: now, current: null, guidance: null };
  return { ...next, steps: [...next.steps, createStep(following, now)], current: following, guidance: 'hold_still' };
}

function sampleOf(face: DetectedFace): FaceSample {
  const { landmarks } = face;
  return {
    yaw: estimateYaw(landmarks),
    pitch: estimatePitch(landmarks),
    roll: estimateRoll(landmarks),
    eye: eyesOpenness(landmarks),
    mouth: mouthToFaceWidth(landmarks),
    happy: face.happy ?? null,
    landmarks,
  };
}

function widen(pose: LivenessState['pose'], s: FaceSample): NonNullable<LivenessState['pose']> {
  const span = (r: Range | undefined, v: number): Range => (r ? [Math.min(r[0], v), Math.max(r[1], v)] : [v, v]);
  return { yaw: span(pose?.yaw, s.yaw), pitch: span(pose?.pitch, s.pitch), roll: span(pose?.roll, s.roll) };
}

function guidanceOf(step: StepState): LivenessGuidance {
  if (step.phase === 'baseline') return 'hold_still';
  if (step.phase === 'act') return step.kind;
  if (step.kind === 'blink') return 'open_eyes';
  if (step.kind === 'smile') return 'relax';
  return 'return';
}

function fail(state: LivenessState, reason: LivenessFailure, now: number): LivenessState {
  const last = state.steps.at(-1);
  const steps = last && last.phase !== 'failed' && last.phase !== 'passed' ? [...state.steps.slice(0, -1), { ...last, phase: 'failed' as const, endedAt: now }] : state.steps;
  return { ...state, steps, status: 'failed', reason, endedAt: now, current: null, guidance: null };
}

const round = (v: number, places = 3) => Math.round(v * 10 ** places) / 10 ** places;

/** The sequence as plain JSON for the application: what was asked, when, how far the face went, and under which thresholds. */
export function livenessEvidence(state: LivenessState): LivenessEvidence {
  const span = state.firstFrameAt !== null && state.lastFrameAt !== null ? state.lastFrameAt - state.firstFrameAt : 0;
  const at = (t: number | null) => (t === null ? null : Math.round(t - state.startedAt));
  const jitter = medianJitter(state.passive);
  const { passive } = state;
  return {
    thresholdsVersion: state.thresholdsVersion,
    status: state.status,
    reason: state.reason,
    durationMs: Math.round((state.endedAt ?? state.lastFrameAt ?? state.startedAt) - state.startedAt),
    frameCount: state.frames,
    fps: span > 0 ? round(((state.frames - 1) * 1000) / span, 1) : 0,
    challenges: state.challenges.map((kind, i) => {
      const s = state.steps[i];
      if (!s) return { kind, outcome: 'not_reached', startMs: null, endMs: null, peak: 0, parallax: null };
      const parallax = stepParallax(s);
      return {
        kind,
        outcome: s.phase === 'passed' || s.phase === 'failed' ? s.phase : 'pending',
        startMs: at(s.startedAt),
        endMs: at(s.endedAt),
        peak: round(s.peak),
        parallax: parallax === null ? null : round(parallax, 4),
      };
    }),
    passive: {
      longestFrozenMs: Math.round(passive.longestFrozenMs),
      identicalShare: passive.pairs > 0 ? round(passive.identicalPairs / passive.pairs) : 0,
      medianJitter: jitter === null ? null : round(jitter, 4),
      repeatedFrames: passive.repeatedFrames,
      descriptorsCompared: passive.descriptorsCompared,
      maxIdentityDistance: passive.maxIdentityDistance === null ? null : round(passive.maxIdentityDistance),
      maxFaces: state.maxFaces,
      longestFaceGapMs: Math.round(state.longestFaceGapMs),
    },
    pose: state.pose && {
      yaw: [round(state.pose.yaw[0], 1), round(state.pose.yaw[1], 1)],
      pitch: [round(state.pose.pitch[0], 1), round(state.pose.pitch[1], 1)],
      roll: [round(state.pose.roll[0], 1), round(state.pose.roll[1], 1)],
    },
  };
}
