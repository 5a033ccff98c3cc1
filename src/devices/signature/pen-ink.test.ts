import { describe, expect, it } from 'vitest';
import { padArea, penMove, toCanvas } from './pen-ink';

describe('padArea', () => {
  it('fits a wide pad across a tall canvas, centred, in the pad\'s shape', () => {
    expect(padArea(2, { width: 800, height: 600 })).toEqual({ left: 0, top: 100, width: 800, height: 400 });
  });

  it('fits a pad wider than the canvas is into its height', () => {
    expect(padArea(4 / 3, { width: 1000, height: 300 })).toEqual({ left: 300, top: 0, width: 400, height: 300 });
  });
});

describe('toCanvas', () => {
  it('scales the pad\'s 0…1 position into its area on the canvas', () => {
    const area = { left: 0, top: 100, width: 800, height: 400 };
    expect(toCanvas({ x: 0, y: 0 }, area)).toEqual({ x: 0, y: 100 });
    expect(toCanvas({ x: 0.5, y: 1 }, area)).toEqual({ x: 400, y: 500 });
  });
});

describe('penMove', () => {
  it('opens a stroke when the tip touches, continues it while it writes, and closes it when it lifts or leaves', () => {
    const down = { tip: true, inRange: true };
    const hover = { tip: false, inRange: true };
    const away = { tip: false, inRange: false };
    expect(penMove(false, hover)).toBeNull();
    expect(penMove(false, down)).toBe('begin');
    expect(penMove(true, down)).toBe('move');
    expect(penMove(true, hover)).toBe('end');
    expect(penMove(true, away)).toBe('end');
    expect(penMove(true, { tip: true, inRange: false })).toBe('end');
  });
});
