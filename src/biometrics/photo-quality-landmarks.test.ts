import { describe, expect, it } from 'vitest';
import { eyesOpenness, mouthOpening, mouthToFaceWidth } from './photo-quality-landmarks';
import { syntheticLandmarks } from './synthetic-face';

describe('photo expression measures', () => {
  it('reads open eyes near 0.35 and shut ones far lower, taking the less open eye', () => {
    expect(eyesOpenness(syntheticLandmarks())).toBeCloseTo(0.35, 1);
    expect(eyesOpenness(syntheticLandmarks({ eyeOpen: 0.2 }))).toBeLessThan(0.1);
    const oneShut = syntheticLandmarks();
    // Close only the image-left eye: lids 37/38 onto 41/40.
    oneShut[37] = [oneShut[37]![0], oneShut[41]![1]];
    oneShut[38] = [oneShut[38]![0], oneShut[40]![1]];
    expect(eyesOpenness(oneShut)).toBeLessThan(0.01);
  });

  it('reads closed lips as a small gap and an open mouth as a large one', () => {
    expect(mouthOpening(syntheticLandmarks())).toBeLessThan(0.05);
    expect(mouthOpening(syntheticLandmarks({ mouthOpen: 0.3 }))).toBeGreaterThan(0.25);
  });

  it('reads a smile as a wider mouth against the same jaw, and a small turn as no change', () => {
    const neutral = mouthToFaceWidth(syntheticLandmarks());
    expect(mouthToFaceWidth(syntheticLandmarks({ smile: 1 }))).toBeGreaterThan(neutral * 1.2);
    expect(mouthToFaceWidth(syntheticLandmarks({ yaw: 5 }))).toBeCloseTo(neutral, 2);
  });

  it('refuses fewer than 68 points', () => {
    expect(() => mouthOpening(syntheticLandmarks().slice(0, 60))).toThrow(RangeError);
  });
});
