import { describe, expect, it } from 'vitest';
import { StrokePressure } from './stroke-pressure';
import { PEN, pressureWidth } from './signature-pad';

describe('pressureWidth', () => {
  it('runs from the thinnest line at no pressure to the widest at full pressure, linearly', () => {
    expect(pressureWidth(0)).toBe(PEN.minWidth);
    expect(pressureWidth(1)).toBe(PEN.maxWidth);
    expect(pressureWidth(0.5)).toBeCloseTo((PEN.minWidth + PEN.maxWidth) / 2);
    expect(pressureWidth(0.25, { minWidth: 1, maxWidth: 5 })).toBe(2);
  });

  it('keeps out-of-range pressures within the pen', () => {
    expect(pressureWidth(-0.2)).toBe(PEN.minWidth);
    expect(pressureWidth(3)).toBe(PEN.maxWidth);
  });
});

describe('StrokePressure', () => {
  it('leaves a finger or a mouse, at a constant 0.5, to the velocity-based width, to the lift', () => {
    const stroke = new StrokePressure();
    expect([0.5, 0.5, 0.5, 0.5, 0].map((p) => stroke.width(p))).toEqual([null, null, null, null, null]);
  });

  it('leaves a device that gives no pressure (0) to the velocity-based width', () => {
    const stroke = new StrokePressure();
    expect([0, 0, 0].map((p) => stroke.width(p))).toEqual([null, null, null]);
  });

  it('follows a stylus once its pressure varies, and keeps the last width at the lift', () => {
    const stroke = new StrokePressure();
    expect(stroke.width(0.2)).toBeNull();
    expect(stroke.width(0.6)).toBe(pressureWidth(0.6));
    expect(stroke.width(0.9)).toBe(pressureWidth(0.9));
    expect(stroke.width(0)).toBe(pressureWidth(0.9));
  });

  it('decides again for each stroke', () => {
    const stroke = new StrokePressure();
    stroke.width(0.2);
    expect(stroke.width(0.7)).not.toBeNull();
    stroke.reset();
    expect(stroke.width(0.5)).toBeNull();
    expect(stroke.width(0.5)).toBeNull();
  });
});
