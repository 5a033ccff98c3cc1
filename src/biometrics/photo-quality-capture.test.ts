import { describe, expect, it } from 'vitest';
import { advanceCapture, CAPTURE_START, STEADY_MS, type CaptureState } from './photo-quality-capture';

/** Feeds frames 66 ms apart (15 fps) and returns the phase after each. */
function run(verdicts: boolean[], start: CaptureState = CAPTURE_START): string[] {
  let state = start;
  return verdicts.map((ok, i) => {
    state = advanceCapture(state, ok, 1000 + i * 66);
    return state.phase;
  });
}

describe('advanceCapture', () => {
  it('waits while a check fails', () => {
    expect(run([false, false, false])).toEqual(['waiting', 'waiting', 'waiting']);
  });

  it('captures once every check has held for STEADY_MS, not before', () => {
    const frames = Math.ceil(STEADY_MS / 66) + 1; // the first good frame starts the clock
    const phases = run(Array<boolean>(frames).fill(true));
    expect(phases.slice(0, -1).every((p) => p === 'steady')).toBe(true);
    expect(phases.at(-1)).toBe('capture');
  });

  it('starts the run again after a single failing frame', () => {
    const phases = run([...Array<boolean>(10).fill(true), false, ...Array<boolean>(10).fill(true)]);
    expect(phases[9]).toBe('steady');
    expect(phases[10]).toBe('waiting');
    expect(phases[20]).toBe('steady'); // 10 frames after the break: 594 ms, not yet 700
  });

  it('measures time, not frames: two good frames 700 ms apart are enough', () => {
    const first = advanceCapture(CAPTURE_START, true, 0);
    expect(first.phase).toBe('steady');
    expect(advanceCapture(first, true, STEADY_MS - 1).phase).toBe('steady');
    expect(advanceCapture(first, true, STEADY_MS).phase).toBe('capture');
  });

  it('stays ready to capture while frames stay good, and starts again on a failing one', () => {
    const captured: CaptureState = { phase: 'capture', since: 0 };
    expect(advanceCapture(captured, true, 5000)).toEqual({ phase: 'capture', since: 0 });
    expect(advanceCapture(captured, false, 5000)).toEqual(CAPTURE_START);
  });
});
