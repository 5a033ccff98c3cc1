import { bilinear } from './bilinear';
import type { Box } from './face-analysis';

/** An RGBA raster: ImageData, or what jpeg-js decodes. */
export interface PixelImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** Luminance samples on a cols × rows grid, row by row, 0–255. */
export interface LuminanceGrid {
  cols: number;
  rows: number;
  values: Float64Array;
}

/**
 * Rec. 601 luma of `region` (image pixels) resampled to cols × rows. Each cell averages a grid of
 * bilinear samples over its footprint, so shrinking does not alias and enlarging interpolates:
 * the grid sees the region at a fixed resolution whatever the camera's, which is what makes a
 * sharpness figure comparable between a near and a far face.
 */
export function sampleLuminance(image: PixelImage, region: Box, cols: number, rows: number): LuminanceGrid {
  const values = new Float64Array(cols * rows);
  const sx = region.width / cols;
  const sy = region.height / rows;
  const nx = Math.max(1, Math.ceil(sx));
  const ny = Math.max(1, Math.ceil(sy));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++) {
          sum += lumaAt(image, region.x + (c + (i + 0.5) / nx) * sx - 0.5, region.y + (r + (j + 0.5) / ny) * sy - 0.5);
        }
      }
      values[r * cols + c] = sum / (nx * ny);
    }
  }
  return { cols, rows, values };
}

function lumaAt(image: PixelImage, fx: number, fy: number): number {
  return bilinear(image.width, image.height, fx, fy, (x, y) => luma(image, x, y));
}

function luma(image: PixelImage, x: number, y: number): number {
  const o = (y * image.width + x) * 4;
  const d = image.data;
  return 0.299 * (d[o] ?? 0) + 0.587 * (d[o + 1] ?? 0) + 0.114 * (d[o + 2] ?? 0);
}

/** Variance of the 4-neighbour Laplacian over the grid's interior: high for crisp edges, low when blurred. */
export function laplacianVariance({ cols, rows, values }: LuminanceGrid): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let r = 1; r < rows - 1; r++) {
    for (let c = 1; c < cols - 1; c++) {
      const i = r * cols + c;
      const lap = values[i - 1]! + values[i + 1]! + values[i - cols]! + values[i + cols]! - 4 * values[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

export interface LuminanceStats {
  mean: number;
  std: number;
  /** 5th and 95th percentiles: the spread between them is the dynamic range, ignoring speculars and pupils. */
  p05: number;
  p95: number;
}

export function luminanceStats(values: ArrayLike<number>): LuminanceStats {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN, p05: NaN, p95: NaN };
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(n - 1, Math.floor(p * n))]!;
  return { mean, std: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), p05: at(0.05), p95: at(0.95) };
}
