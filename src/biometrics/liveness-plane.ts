import type { Point } from './face-analysis';

/*
 * Is the motion between two landmark sets that of one flat surface? Every view of a plane (a photo
 * held up, tilted, turned, seen in perspective) is a homography of every other view, so after the
 * best-fitting homography the landmarks of a photo are left with the detector's noise only. A head
 * is not flat: when it turns, the nose slides across the cheeks and the outline, and no homography
 * follows both. The residual, over the distance between the eyes, is the parallax score.
 */

/** A 3×3 homography, row-major, h[8] = 1. */
export type Homography = [number, number, number, number, number, number, number, number, number];

interface Normaliser {
  cx: number;
  cy: number;
  scale: number;
}

/** Hartley's normalisation: centroid to the origin, mean distance √2, so the least squares are well conditioned. */
function normaliser(points: readonly Point[]): Normaliser {
  let cx = 0;
  let cy = 0;
  for (const [x, y] of points) {
    cx += x;
    cy += y;
  }
  cx /= points.length;
  cy /= points.length;
  let spread = 0;
  for (const [x, y] of points) spread += Math.hypot(x - cx, y - cy);
  spread /= points.length;
  return { cx, cy, scale: spread > 0 ? Math.SQRT2 / spread : 1 };
}

/** Solves A x = b in place by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let row = col + 1; row < n; row++) {
      const f = a[row]![col]! / a[col]![col]!;
      for (let k = col; k < n; k++) a[row]![k]! -= f * a[col]![k]!;
      b[row]! -= f * b[col]!;
    }
  }
  const x = Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
    x[row] = sum / a[row]![row]!;
  }
  return x;
}

/** Least-squares homography taking `from` onto `to` (normalised DLT with h33 = 1); null when degenerate. */
export function fitHomography(from: readonly Point[], to: readonly Point[]): Homography | null {
  const n = Math.min(from.length, to.length);
  if (n < 4) return null;
  const nf = normaliser(from.slice(0, n));
  const nt = normaliser(to.slice(0, n));
  const ata = Array.from({ length: 8 }, () => Array<number>(8).fill(0));
  const atb = Array<number>(8).fill(0);
  const add = (row: number[], rhs: number) => {
    for (let i = 0; i < 8; i++) {
      atb[i]! += row[i]! * rhs;
      for (let j = 0; j < 8; j++) ata[i]![j]! += row[i]! * row[j]!;
    }
  };
  for (let i = 0; i < n; i++) {
    const x = (from[i]![0] - nf.cx) * nf.scale;
    const y = (from[i]![1] - nf.cy) * nf.scale;
    const u = (to[i]![0] - nt.cx) * nt.scale;
    const v = (to[i]![1] - nt.cy) * nt.scale;
    add([x, y, 1, 0, 0, 0, -x * u, -y * u], u);
    add([0, 0, 0, x, y, 1, -x * v, -y * v], v);
  }
  const h = solve(ata, atb);
  if (!h) return null;
  // Undo both normalisations: H = Tto⁻¹ · Hn · Tfrom.
  const [h1, h2, h3, h4, h5, h6, h7, h8] = h as [number, number, number, number, number, number, number, number];
  const s = nf.scale;
  const fromT = [s, 0, -s * nf.cx, 0, s, -s * nf.cy, 0, 0, 1];
  const hn = [h1, h2, h3, h4, h5, h6, h7, h8, 1];
  const toInv = [1 / nt.scale, 0, nt.cx, 0, 1 / nt.scale, nt.cy, 0, 0, 1];
  const m = multiply(toInv, multiply(hn, fromT));
  const last = m[8]!;
  if (Math.abs(last) < 1e-12) return null;
  return m.map((v) => v / last) as Homography;
}

function multiply(a: readonly number[], b: readonly number[]): number[] {
  const out = Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c]! += a[r * 3 + k]! * b[k * 3 + c]!;
  return out;
}

export function applyHomography(h: Homography, [x, y]: Point): Point {
  const w = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}

/**
 * RMS distance (pixels) left between `to` and `from` carried by the best homography: the detector's
 * noise for a flat surface, noise plus parallax for a head. Infinity when no homography fits.
 */
export function planarResidual(from: readonly Point[], to: readonly Point[]): number {
  const h = fitHomography(from, to);
  if (!h) return Infinity;
  const n = Math.min(from.length, to.length);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const [x, y] = applyHomography(h, from[i]!);
    sum += (x - to[i]![0]) ** 2 + (y - to[i]![1]) ** 2;
  }
  return Math.sqrt(sum / n);
}
