import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { LivenessEvidence } from '../protocol/liveness';
import type { FaceAnalysis } from './face-analysis';
import { advanceLiveness, createLiveness, LivenessConfigError, livenessEvidence, pickChallenges, type ChallengeKind, type LivenessState } from './liveness';
import { LIVENESS_THRESHOLDS } from './liveness-thresholds';
import { seededRandom } from '../domain/seeded-random';
import { descriptorNear, faceFrom, frameOf, headLandmarks, personDescriptor, withNoise, type HeadPose, type Surface } from './synthetic-head';

const FRAME_MS = 66; // 15 fps, as the fake camera clips

// Pose scripts: one entry per frame.
const hold = (n: number, pose: HeadPose = {}): HeadPose[] => Array.from({ length: n }, () => ({ ...pose }));
const ramp = (n: number, from: HeadPose, to: HeadPose): HeadPose[] =>
  Array.from({ length: n }, (_, i) => {
    const t = (i + 1) / n;
    const mix = (key: keyof HeadPose, rest: number) => (from[key] ?? rest) + ((to[key] ?? rest) - (from[key] ?? rest)) * t;
    return { yaw: mix('yaw', 0), pitch: mix('pitch', 0), eyeOpen: mix('eyeOpen', 1), smile: mix('smile', 0) };
  });
const turn = (yaw: number) => [...ramp(4, {}, { yaw }), ...hold(4, { yaw }), ...ramp(4, { yaw }, {})];
const blink = [...ramp(2, {}, { eyeOpen: 0.1 }), ...hold(1, { eyeOpen: 0.1 }), ...ramp(2, { eyeOpen: 0.1 }, {})];
const smile = [...ramp(3, {}, { smile: 1 }), ...hold(4, { smile: 1 }), ...ramp(3, { smile: 1 }, {})];

const ACTS: Record<ChallengeKind, HeadPose[]> = { turn_left: turn(30), turn_right: turn(-30), blink, smile };

/** What a live person doing these challenges in order gives: a settling pause before each. */
function liveScript(kinds: readonly ChallengeKind[]): HeadPose[] {
  return [...kinds.flatMap((k) => [...hold(6), ...ACTS[k]]), ...hold(3)];
}

interface TrackOptions {
  surface?: Surface;
  /** Landmark noise in pixels: the detector on a live camera (measured ~1 px frame to frame). */
  noise?: number;
  seed?: number;
  /** Who is in front of the camera on frame i (descriptor seed); a descriptor is taken every 4th frame. */
  person?: (i: number) => number;
  /**
   * What face-api's expression net reads as "happy" for a pose (the synthetic head has no cheeks or
   * eyes to read): by default a real smile reads as one.
   */
  happy?: (pose: HeadPose) => number;
}

const readsSmile = (pose: HeadPose) => ((pose.smile ?? 0) >= 0.5 ? 0.95 : 0.02);

function track(poses: HeadPose[], { surface, noise = 0.5, seed = 7, person = () => 1, happy = readsSmile }: TrackOptions = {}): FaceAnalysis[] {
  const random = seededRandom(seed);
  return poses.map((pose, i) => {
    // A live head sways by a millimetre or so even when "still".
    const sway = { ...pose, shift: (pose.shift ?? 0) + 0.1 * Math.sin(i / 3) };
    const landmarks = withNoise(headLandmarks(sway, surface), noise, random);
    const descriptor = i % 4 === 0 ? descriptorNear(personDescriptor(person(i)), 0.08, random) : null;
    return frameOf([{ ...faceFrom(landmarks), happy: happy(pose) }], descriptor);
  });
}

function run(kinds: readonly ChallengeKind[], frames: FaceAnalysis[], start = 1_000): LivenessState {
  let state = createLiveness({ challenges: kinds, startedAt: start });
  frames.forEach((frame, i) => {
    state = advanceLiveness(state, frame, start + (i + 1) * FRAME_MS);
  });
  return state;
}

describe('a live sequence', () => {
  const kinds: ChallengeKind[] = ['turn_left', 'blink', 'smile'];
  const state = run(kinds, track(liveScript(kinds)));

  it('passes three challenges in the order asked', () => {
    expect(state.status).toBe('passed');
    expect(state.reason).toBeNull();
    expect(state.steps.map((s) => [s.kind, s.phase])).toEqual(kinds.map((k) => [k, 'passed']));
  });

  it('records plain JSON evidence the back office can validate', () => {
    const evidence = livenessEvidence(state);
    expect(Value.Check(LivenessEvidence, evidence)).toBe(true);
    expect(JSON.parse(JSON.stringify(evidence))).toEqual(evidence);
    expect(evidence.thresholdsVersion).toBe(LIVENESS_THRESHOLDS.version);
    expect(evidence.fps).toBeCloseTo(1000 / FRAME_MS, 0);
    const [turned, blinked, smiled] = evidence.challenges;
    expect(turned?.peak).toBeGreaterThan(LIVENESS_THRESHOLDS.turnDelta);
    expect(turned?.parallax).toBeGreaterThan(LIVENESS_THRESHOLDS.minParallax);
    expect(blinked?.peak).toBeGreaterThan(LIVENESS_THRESHOLDS.blinkClosure);
    expect(smiled?.peak).toBeGreaterThan(LIVENESS_THRESHOLDS.smileWidening);
    // One after the other, each starting where the last ended.
    expect(blinked?.startMs).toBe(turned?.endMs);
    expect(smiled?.startMs).toBe(blinked?.endMs);
    expect(evidence.passive.descriptorsCompared).toBeGreaterThan(3);
    expect(evidence.passive.maxIdentityDistance).toBeLessThan(LIVENESS_THRESHOLDS.identityMaxDistance);
    expect(evidence.passive.repeatedFrames).toBe(0);
  });

  it('passes every kind, each direction of turn its own', () => {
    for (const kinds of [['turn_right', 'smile'], ['blink', 'turn_left'], ['smile', 'blink', 'turn_right']] as ChallengeKind[][]) {
      expect(run(kinds, track(liveScript(kinds))).status, kinds.join()).toBe('passed');
    }
  });

  it('passes the e2e clips\' kind of turn: a photo warped as on a cylinder is not flat', () => {
    const kinds: ChallengeKind[] = ['turn_left', 'blink'];
    expect(run(kinds, track(liveScript(kinds), { surface: { kind: 'cylinder_warp' } })).status).toBe('passed');
  });

  it('tells the citizen what to do at each point', () => {
    const kinds: ChallengeKind[] = ['smile', 'turn_right'];
    const frames = track(liveScript(kinds));
    const seen: string[] = [];
    let s = createLiveness({ challenges: kinds, startedAt: 0 });
    frames.forEach((f, i) => {
      s = advanceLiveness(s, f, (i + 1) * FRAME_MS);
      if (s.guidance && seen.at(-1) !== s.guidance) seen.push(s.guidance);
    });
    expect(seen).toEqual(['hold_still', 'smile', 'relax', 'hold_still', 'turn_right', 'return']);
  });
});

describe('each attack fails with its own reason', () => {
  const kinds: ChallengeKind[] = ['turn_left', 'blink'];

  it('a still image fed as the camera: no micro-motion', () => {
    const [image] = track(hold(1), { noise: 0 });
    const state = run(kinds, Array.from({ length: 40 }, () => image!));
    expect(state.reason).toBe('no_micro_motion');
    expect(livenessEvidence(state).passive.identicalShare).toBe(1);
  });

  it('a photo held still before a real camera shows sensor noise, so it fails only by doing nothing', () => {
    const frames = Math.ceil(LIVENESS_THRESHOLDS.challengeTimeoutMs / FRAME_MS) + 2;
    const state = run(kinds, track(hold(frames), { noise: 1, surface: { kind: 'photo' } }));
    expect(state.reason).toBe('timeout');
  });

  it('a flat photo turned before a wide-angle lens: its perspective reads as a turn, but the motion is planar', () => {
    const surface: Surface = { kind: 'photo', distance: 20 };
    const state = run(kinds, track([...hold(6), ...turn(65), ...hold(10)], { surface }));
    expect(state.steps[0]?.peak).toBeGreaterThan(LIVENESS_THRESHOLDS.turnDelta);
    expect(state.reason).toBe('planar_motion');
  });

  it('a looping clip fed as the camera: replay', () => {
    // One loop shows the turn, the next loop comes round while the blink is awaited.
    const loop = track([...hold(6), ...turn(30), ...hold(6)]);
    const state = run(kinds, [...loop, ...loop, ...loop]);
    expect(state.steps[0]?.phase).toBe('passed');
    expect(state.reason).toBe('replay');
    expect(livenessEvidence(state).passive.repeatedFrames).toBe(LIVENESS_THRESHOLDS.replayFrames);
  });

  it('another face swapped in mid-sequence: identity changed', () => {
    const script = liveScript(kinds);
    const swapAt = 24;
    const state = run(kinds, track(script, { person: (i) => (i < swapAt ? 1 : 2) }));
    expect(state.reason).toBe('identity_changed');
    expect(state.endedAt).toBeGreaterThan(1_000 + swapAt * FRAME_MS);
  });

  it('a live face that never does what is asked: timeout, with the challenge marked failed', () => {
    const frames = Math.ceil(LIVENESS_THRESHOLDS.challengeTimeoutMs / FRAME_MS) + 2;
    const state = run(['blink', 'smile'], track(hold(frames)));
    expect(state.reason).toBe('timeout');
    const evidence = livenessEvidence(state);
    expect(evidence.challenges.map((c) => c.outcome)).toEqual(['failed', 'not_reached']);
    expect(evidence.challenges[0]?.endMs).toBeGreaterThan(LIVENESS_THRESHOLDS.challengeTimeoutMs);
    expect(Value.Check(LivenessEvidence, evidence)).toBe(true);
  });

  it('a mouth pulled wide that the expression net does not read as a smile: the smile never counts, timeout', () => {
    const kinds: ChallengeKind[] = ['smile', 'turn_left'];
    const frames = Math.ceil(LIVENESS_THRESHOLDS.challengeTimeoutMs / FRAME_MS) + 2;
    const stretched = [...hold(6), ...ramp(3, {}, { smile: 1 }), ...hold(frames, { smile: 1 })];
    const state = run(kinds, track(stretched, { happy: () => 0.02 }));
    expect(state.reason).toBe('timeout');
    // The mouth did widen as far as a smile: only the net's reading held it back.
    expect(livenessEvidence(state).challenges[0]?.peak).toBeGreaterThan(LIVENESS_THRESHOLDS.smileWidening);
    expect(run(kinds, track(liveScript(kinds))).status).toBe('passed');
  });

  it('a turn the other way: wrong direction', () => {
    expect(run(['turn_right', 'blink'], track(liveScript(['turn_left']))).reason).toBe('wrong_direction');
  });

  it('a second face that stays, or a face that leaves: several faces, face lost', () => {
    const live = track(hold(60));
    const crowded = live.map((f, i) => (i < 8 ? f : frameOf([...f.faces, faceFrom(headLandmarks({ shift: 12 }))])));
    expect(run(kinds, crowded).reason).toBe('several_faces');
    expect(livenessEvidence(run(kinds, crowded)).passive.maxFaces).toBe(2);
    const gone = [...live.slice(0, 8), ...Array.from({ length: 30 }, () => frameOf([]))];
    expect(run(kinds, gone).reason).toBe('face_lost');
  });
});

describe('what is not an attack', () => {
  it('forgives a missed detection and the same camera frame analysed twice', () => {
    const kinds: ChallengeKind[] = ['turn_left', 'smile'];
    const live = track(liveScript(kinds));
    // Analysis outran the camera on every third frame; detection missed every tenth.
    const frames = live.flatMap((f, i) => (i % 10 === 9 ? [frameOf([])] : i % 3 === 0 ? [f, f] : [f]));
    expect(run(kinds, frames).status).toBe('passed');
  });

  it('does not take a blink made while turning the head', () => {
    const script = [...hold(6), ...ramp(3, {}, { yaw: 25 }), ...hold(2, { yaw: 25, eyeOpen: 0.1 }), ...ramp(3, { yaw: 25 }, {}), ...hold(4)];
    expect(run(['blink', 'smile'], track(script)).steps[0]?.phase).toBe('act');
  });
});

describe('pickChallenges and createLiveness', () => {
  it('draws distinct challenges, always one head turn, every kind in time', () => {
    const random = seededRandom(3);
    const drawn = Array.from({ length: 200 }, (_, i) => pickChallenges(random, i % 2 === 0 ? 2 : 3));
    for (const kinds of drawn) {
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(kinds.some((k) => k === 'turn_left' || k === 'turn_right')).toBe(true);
    }
    expect(new Set(drawn.map((k) => k.length))).toEqual(new Set([2, 3]));
    expect(new Set(drawn.map((k) => k[0]))).toEqual(new Set(['turn_left', 'turn_right', 'blink', 'smile']));
  });

  it('refuses a sequence of the wrong length, a repeated challenge or other thresholds', () => {
    const make = (challenges: ChallengeKind[], thresholdsVersion?: string) => () => createLiveness({ challenges, startedAt: 0, thresholdsVersion });
    expect(make(['blink'])).toThrow(LivenessConfigError);
    expect(make(['blink', 'smile', 'turn_left', 'turn_right'])).toThrow(LivenessConfigError);
    expect(make(['blink', 'blink'])).toThrow(LivenessConfigError);
    expect(make(['blink', 'smile'], 'liveness-1999-01-01')).toThrow(expect.objectContaining({ code: 'liveness_thresholds' }));
    expect(make(['blink', 'smile'], LIVENESS_THRESHOLDS.version)()).toMatchObject({ current: 'blink', status: 'running' });
  });

  it('stays finished once passed or failed', () => {
    const kinds: ChallengeKind[] = ['turn_left', 'blink'];
    const passed = run(kinds, track(liveScript(kinds)));
    expect(passed.status).toBe('passed');
    expect(advanceLiveness(passed, frameOf([]), 1e9)).toBe(passed);
  });
});
