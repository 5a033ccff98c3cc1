import { describe, expect, it } from 'vitest';
import { interOcularDistance, landmarkRms } from './liveness-measures';
import { eyesOpenness, mouthToFaceWidth } from './photo-quality-landmarks';
import { headLandmarks } from './synthetic-head';

describe('liveness measures', () => {
  it('measures the eye distance whatever the face size', () => {
    const near = headLandmarks();
    const far = near.map(([x, y]): [number, number] => [320 + (x - 320) / 2, 200 + (y - 200) / 2]);
    expect(interOcularDistance(near)).toBeCloseTo(80, -1);
    expect(interOcularDistance(far)).toBeCloseTo(interOcularDistance(near) / 2, 6);
  });

  it('measures how far landmarks moved', () => {
    const a = headLandmarks();
    expect(landmarkRms(a, a)).toBe(0);
    expect(landmarkRms(a, a.map(([x, y]): [number, number] => [x + 3, y + 4]))).toBeCloseTo(5, 9);
  });
});

// The synthetic head's expressions must move the measures the blink and smile challenges read.
describe('the synthetic head on the blink and smile measures', () => {
  it('opens near 0.3 and shuts near 0', () => {
    expect(eyesOpenness(headLandmarks())).toBeCloseTo(0.3, 1);
    expect(eyesOpenness(headLandmarks({ eyeOpen: 0 }))).toBeLessThan(0.02);
  });

  it('smiles with a mouth a fifth wider', () => {
    expect(mouthToFaceWidth(headLandmarks({ smile: 1 })) / mouthToFaceWidth(headLandmarks())).toBeGreaterThan(1.2);
  });
});
