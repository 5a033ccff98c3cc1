import { describe, expect, it } from 'vitest';
import { laplacianVariance, luminanceStats, sampleLuminance, type PixelImage } from './image-measures';

function image(width: number, height: number, luma: (x: number, y: number) => number): PixelImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = luma(x, y);
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

const checker = (cell: number) => image(64, 64, (x, y) => ((Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 0 ? 220 : 30));

describe('sampleLuminance', () => {
  it('weighs red, green and blue as Rec. 601 luma', () => {
    const red: PixelImage = { width: 1, height: 1, data: new Uint8ClampedArray([255, 0, 0, 255]) };
    expect(sampleLuminance(red, { x: 0, y: 0, width: 1, height: 1 }, 1, 1).values[0]).toBeCloseTo(0.299 * 255, 6);
  });

  it('averages each cell over its footprint when shrinking, so a fine pattern becomes grey', () => {
    const grid = sampleLuminance(checker(1), { x: 0, y: 0, width: 64, height: 64 }, 16, 16);
    for (const v of grid.values) expect(v).toBeCloseTo(125, 0);
  });

  it('samples only the region asked for', () => {
    const halves = image(40, 10, (x) => (x < 20 ? 10 : 240));
    expect(luminanceStats(sampleLuminance(halves, { x: 20, y: 0, width: 20, height: 10 }, 10, 5).values).mean).toBeCloseTo(240, 6);
  });
});

describe('laplacianVariance', () => {
  it('is zero on a flat or linearly shaded patch and large on sharp edges', () => {
    const region = { x: 0, y: 0, width: 64, height: 64 };
    expect(laplacianVariance(sampleLuminance(image(64, 64, () => 128), region, 32, 32))).toBeCloseTo(0, 6);
    expect(laplacianVariance(sampleLuminance(image(64, 64, (x) => x * 3), region, 32, 32))).toBeCloseTo(0, 3);
    expect(laplacianVariance(sampleLuminance(checker(4), region, 64, 64))).toBeGreaterThan(1000);
  });

  it('falls as the same pattern is seen coarser', () => {
    const region = { x: 0, y: 0, width: 64, height: 64 };
    const fine = laplacianVariance(sampleLuminance(checker(4), region, 64, 64));
    const coarse = laplacianVariance(sampleLuminance(checker(16), region, 64, 64));
    expect(coarse).toBeLessThan(fine / 2);
  });
});

describe('luminanceStats', () => {
  it('gives mean, standard deviation and the 5th and 95th percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const stats = luminanceStats(values);
    expect(stats.mean).toBeCloseTo(49.5, 6);
    expect(stats.std).toBeCloseTo(28.866, 2);
    expect(stats.p05).toBe(5);
    expect(stats.p95).toBe(95);
  });

  it('gives NaN for no samples, which fails any limit', () => {
    expect(luminanceStats([]).mean).toBeNaN();
  });
});
