import { describe, expect, it } from 'vitest';
import { advanceChallenge, CHALLENGE_LIMITS, createChallenge, pickChallenge, type ChallengeKind, type ChallengeState } from './challenge';
import type { FaceAnalysis } from './face-analysis';
import { analysisOf, syntheticFace, syntheticFaceMeasuring } from './synthetic-face';

const FRAME_MS = 70;

/** Feeds one frame per measured yaw (null: no face; 'two': two faces), FRAME_MS apart. */
function run(kind: ChallengeKind, track: Array<number | null | 'two'>, start = 1_000): ChallengeState {
  let state = createChallenge(kind, start);
  track.forEach((yaw, i) => {
    state = advanceChallenge(state, frame(yaw), start + (i + 1) * FRAME_MS);
  });
  return state;
}

function frame(yaw: number | null | 'two'): FaceAnalysis {
  if (yaw === null) return analysisOf([]);
  if (yaw === 'two') return analysisOf([syntheticFace({ size: 80 }), syntheticFace({ size: 60, cx: 100 })]);
  return analysisOf([syntheticFaceMeasuring(yaw, { size: 80 })]);
}

const still = (n: number, yaw = 0) => Array<number>(n).fill(yaw);
const turnLeft = [...still(4), 8, 16, 28, 30, 30, 20, 8, 2, 0, 0];
const mirrored = (track: number[]) => track.map((y) => -y);

describe('turn challenge', () => {
  it('passes a turn to the left and back', () => {
    const state = run('turn_left', turnLeft);
    expect(state.status).toBe('passed');
    expect(state.peak).toBeGreaterThan(CHALLENGE_LIMITS.turnDelta);
  });

  it('passes a turn to the right and back', () => {
    expect(run('turn_right', mirrored(turnLeft)).status).toBe('passed');
  });

  it('goes through baseline, turn and return in order', () => {
    const statuses = turnLeft.map((_, i) => run('turn_left', turnLeft.slice(0, i + 1)).status);
    expect(statuses[0]).toBe('waiting_baseline');
    expect(statuses[3]).toBe('waiting_turn');
    expect(statuses).toContain('waiting_return');
    expect(statuses.indexOf('waiting_return')).toBeLessThan(statuses.indexOf('passed'));
  });

  it('measures the turn from the baseline, not from zero', () => {
    // A citizen who stands a little turned: 10° at rest, 24° is only 14° of turn.
    expect(run('turn_left', [...still(4, 10), 18, 24, 24, 24, 12, 10, 10]).status).toBe('waiting_turn');
    expect(run('turn_left', [...still(4, 10), 20, 30, 34, 34, 20, 12, 10, 10]).status).toBe('passed');
  });

  it('never takes a head held turned as the baseline (the camera may start mid-turn)', () => {
    // As seen on the fake camera: the clip was holding its turn when the challenge began.
    const track = [...still(6, 18), 10, 3, -4, -8, ...still(4, -9), 3, 18, 18, 18, 3, -9, -9];
    expect(run('turn_left', track).status).toBe('passed');
  });

  it('does not pass a face that stays still, and times out', () => {
    const frames = Math.ceil(CHALLENGE_LIMITS.timeoutMs / FRAME_MS) + 2;
    const jitter = Array.from({ length: frames }, (_, i) => (i % 3) - 1);
    const state = run('turn_left', jitter);
    expect(state.status).toBe('failed');
    expect(state.reason).toBe('timeout');
  });

  it('does not pass a turn that never comes back', () => {
    expect(run('turn_left', [...still(4), 16, 28, 30, 30, 30, 30]).status).toBe('waiting_return');
  });

  it('fails a turn the wrong way', () => {
    const state = run('turn_right', turnLeft);
    expect(state.status).toBe('failed');
    expect(state.reason).toBe('wrong_direction');
  });

  it('forgives a missed frame but fails when the face is gone', () => {
    expect(run('turn_left', [...still(4), null, 8, 16, 28, 30, null, 20, 8, 2, 0, 0]).status).toBe('passed');
    const gone = Math.ceil(CHALLENGE_LIMITS.faceLostMs / FRAME_MS) + 1;
    const state = run('turn_left', [...still(4), ...Array<null>(gone).fill(null)]);
    expect(state.reason).toBe('face_lost');
  });

  it('fails when a second face stays in view, not when one passes behind', () => {
    const passing = Math.floor(CHALLENGE_LIMITS.crowdMs / FRAME_MS) - 1;
    expect(run('turn_left', [...still(4), ...Array<'two'>(passing).fill('two'), 0]).status).toBe('waiting_turn');
    const staying = Math.ceil(CHALLENGE_LIMITS.crowdMs / FRAME_MS) + 1;
    const state = run('turn_left', [...still(4), ...Array<'two'>(staying).fill('two')]);
    expect(state.reason).toBe('several_faces');
  });

  it('waits for a frontal, steady baseline', () => {
    expect(run('turn_left', still(6, 35)).status).toBe('waiting_baseline');
    expect(run('turn_left', [0, 12, 0, 12, 0]).status).toBe('waiting_baseline');
  });

  it('stays finished once passed or failed', () => {
    const passed = run('turn_left', turnLeft);
    expect(advanceChallenge(passed, frame(null), passed.startedAt + CHALLENGE_LIMITS.timeoutMs * 2)).toBe(passed);
  });
});

describe('pickChallenge', () => {
  it('picks either side from the random source', () => {
    expect(pickChallenge(() => 0.1)).toBe('turn_left');
    expect(pickChallenge(() => 0.9)).toBe('turn_right');
  });
});
