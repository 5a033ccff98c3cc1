import { describe, expect, it } from 'vitest';
import type { Point } from './face-analysis';
import { applyHomography, fitHomography, planarResidual, type Homography } from './liveness-plane';
import { interOcularDistance } from './liveness-measures';
import { headLandmarks, type Surface } from './synthetic-head';

const parallax = (surface: Surface, yaw: number) => {
  const before = headLandmarks({}, surface);
  return planarResidual(before, headLandmarks({ yaw }, surface)) / interOcularDistance(before);
};

describe('fitHomography', () => {
  it('recovers a homography from the points it moved', () => {
    const h: Homography = [1.1, 0.05, 12, -0.03, 0.95, -7, 0.0002, -0.0001, 1];
    const from = headLandmarks();
    const fitted = fitHomography(from, from.map((p) => applyHomography(h, p)));
    expect(fitted).not.toBeNull();
    fitted!.forEach((v, i) => expect(v).toBeCloseTo(h[i]!, 5));
  });

  it('gives up on points that fix no homography', () => {
    const line: Point[] = [0, 1, 2, 3, 4].map((i) => [i, i]);
    expect(fitHomography(line, line)).toBeNull();
    expect(planarResidual(line, line)).toBe(Infinity);
  });
});

describe('planarResidual: the parallax of a turn, over the eye distance', () => {
  it('is nil for a flat photo in any pose, perspective included', () => {
    for (const distance of [50, 20]) expect(parallax({ kind: 'photo', distance }, 60)).toBeLessThan(1e-6);
  });

  it('is large for a head turning, growing with the turn', () => {
    const [a, b] = [15, 30].map((yaw) => parallax({ kind: 'head' }, yaw));
    expect(a).toBeGreaterThan(0.04);
    expect(b).toBeGreaterThan(a!);
  });

  it('cannot tell a photo bent round a tight curve, or warped on a cylinder, from a head: both are not flat', () => {
    expect(parallax({ kind: 'cylinder_warp' }, 30)).toBeGreaterThan(0.04);
    expect(parallax({ kind: 'bent_photo', bendRadius: 10 }, 40)).toBeGreaterThan(0.04);
    // A card only gently curved stays nearly flat.
    expect(parallax({ kind: 'bent_photo', bendRadius: 60 }, 40)).toBeLessThan(0.01);
  });
});
