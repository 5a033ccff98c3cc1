import { describe, expect, it } from 'vitest';
import { estimatePitch, estimateRoll, estimateYaw, noseHeightRatio } from './head-pose';
import { syntheticLandmarks } from './synthetic-face';

describe('estimateYaw', () => {
  it('reads a frontal face as about 0°', () => {
    expect(Math.abs(estimateYaw(syntheticLandmarks()))).toBeLessThan(1);
  });

  it('is positive when the person turns to their left (nose to the image right) and negative the other way', () => {
    expect(estimateYaw(syntheticLandmarks({ yaw: 20 }))).toBeGreaterThan(10);
    expect(estimateYaw(syntheticLandmarks({ yaw: -20 }))).toBeLessThan(-10);
  });

  it('grows with the turn', () => {
    const yaws = [0, 10, 20, 30].map((yaw) => estimateYaw(syntheticLandmarks({ yaw })));
    expect(yaws).toEqual([...yaws].sort((a, b) => a - b));
    expect(new Set(yaws).size).toBe(4);
  });

  it('does not read a tilted head as a turn', () => {
    expect(Math.abs(estimateYaw(syntheticLandmarks({ roll: 25 })))).toBeLessThan(1);
  });

  it('refuses fewer than 68 points', () => {
    expect(() => estimateYaw(syntheticLandmarks().slice(0, 20))).toThrow(RangeError);
  });
});

describe('estimateRoll and noseHeightRatio', () => {
  it('recovers the tilt of the eye line', () => {
    expect(estimateRoll(syntheticLandmarks({ roll: 15 }))).toBeCloseTo(15, 0);
    expect(estimateRoll(syntheticLandmarks())).toBeCloseTo(0, 5);
  });

  it('puts the nose tip a little above the middle between eyes and chin', () => {
    const ratio = noseHeightRatio(syntheticLandmarks());
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(0.55);
  });
});

describe('estimatePitch', () => {
  it('reads a level head as about 0°, whatever its turn or tilt', () => {
    expect(Math.abs(estimatePitch(syntheticLandmarks()))).toBeLessThan(1);
    expect(Math.abs(estimatePitch(syntheticLandmarks({ roll: 20 })))).toBeLessThan(1);
    expect(Math.abs(estimatePitch(syntheticLandmarks({ yaw: 15 })))).toBeLessThan(1.5);
  });

  it('is positive with the chin up and negative with the head bowed, growing with the angle', () => {
    const pitches = [-20, -10, 0, 10, 20].map((pitch) => estimatePitch(syntheticLandmarks({ pitch })));
    expect(pitches).toEqual([...pitches].sort((a, b) => a - b));
    expect(pitches[3]).toBeGreaterThan(7);
    expect(pitches[1]).toBeLessThan(-7);
  });

  it('is not confused by an open mouth, which moves only the lower lip', () => {
    expect(Math.abs(estimatePitch(syntheticLandmarks({ mouthOpen: 0.4 })))).toBeLessThan(1);
  });
});
