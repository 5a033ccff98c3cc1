import { describe, expect, it } from 'vitest';
import { bilinear } from './bilinear';

describe('bilinear', () => {
  // A 2×2 image: 0 10 / 20 30.
  const at = (x: number, y: number) => [0, 10, 20, 30][y * 2 + x]!;

  it('gives the pixels at whole positions and blends between them', () => {
    expect(bilinear(2, 2, 0, 0, at)).toBe(0);
    expect(bilinear(2, 2, 1, 1, at)).toBe(30);
    expect(bilinear(2, 2, 0.5, 0, at)).toBe(5);
    expect(bilinear(2, 2, 0.5, 0.5, at)).toBe(15);
  });

  it('clamps positions outside the image to its edge', () => {
    expect(bilinear(2, 2, -3, -3, at)).toBe(0);
    expect(bilinear(2, 2, 9, 0.5, at)).toBe(20);
  });
});
