import type { Point } from './face-analysis';
import { eyeCentres } from './head-pose';

/*
 * Distances the liveness checks measure landmarks by. The eye and mouth measures of the blink and
 * smile challenges are photo-quality-landmarks.ts's (eyesOpenness, mouthToFaceWidth).
 */

/** Distance between the two eye centres, in pixels: the face's own ruler. */
export function interOcularDistance(landmarks: readonly Point[]): number {
  const { left, right } = eyeCentres(landmarks);
  return Math.hypot(left[0] - right[0], left[1] - right[1]);
}

/** Root-mean-square distance between corresponding points of two landmark sets, in pixels. */
export function landmarkRms(a: readonly Point[], b: readonly Point[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = a[i]!;
    const q = b[i]!;
    sum += (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
  }
  return Math.sqrt(sum / n);
}
