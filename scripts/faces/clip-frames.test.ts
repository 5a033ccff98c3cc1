import { describe, expect, it } from 'vitest';
import { pickFrames } from './clip-frames';
import { liveSchedule, turnSchedule } from './frames';

describe('pickFrames', () => {
  it('spreads the frontal frames over the still ones', () => {
    const schedule = [0, 0, 0, 0, 10, 20, 0, 0, 0, 0];
    expect(pickFrames(schedule, 2, []).map((f) => f.index)).toEqual([2, 8]);
  });

  it('takes the first frame made with the turn nearest each target, either side', () => {
    const schedule = [0, 5, 11, 18, 30, 18, 0, -14, -30, 0];
    expect(pickFrames(schedule, 0, [15, -15, 36])).toEqual([
      { index: 3, turn: 18 },
      { index: 4, turn: 30 },
      { index: 7, turn: -14 },
    ]);
  });

  it('never picks a frame twice', () => {
    expect(pickFrames([0, 0, 0], 3, [0, 0])).toEqual([0, 1, 2].map((index) => ({ index, turn: 0 })));
  });

  it('finds turns of 15–36° both ways in the live clip and one way in the turn clip', () => {
    const turns = (picked: { turn: number }[]) => picked.filter((f) => f.turn !== 0).map((f) => Math.round(f.turn));
    const live = pickFrames(liveSchedule(30, 36), 4, [15, 25, 36, -15, -25, -36]);
    expect(turns(live).sort((a, b) => a - b)).toEqual([-36, -25, -15, 15, 25, 36].map((t) => expect.closeTo(t, -1) as number));
    expect(turns(pickFrames(turnSchedule(36), 1, [15, 25, 36]))).toEqual([18, 25, 36]);
  });
});
