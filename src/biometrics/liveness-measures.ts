import type { Point } from './face-analysis';
import { eyeCentres } from './head-pose';

/*
 * Eye and mouth measures on the 68 iBUG landmarks for the blink and smile challenges, each a ratio
 * of distances inside the
 * face so that it does not change with the face's size in the frame.
 */

const EYE_A = [36, 37, 38, 39, 40, 41] as const;
const EYE_B = [42, 43, 44, 45, 46, 47] as const;
const MOUTH_LEFT = 48;
const MOUTH_RIGHT = 54;

function at(landmarks: readonly Point[], i: number): Point {
  const p = landmarks[i];
  if (!p) throw new RangeError(`landmark ${i} missing: expected 68 points, got ${landmarks.length}`);
  return p;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/**
 * Eye aspect ratio (Soukupová & Čech 2016) of one eye given as its six points p1…p6: the two lid
 * gaps over twice the eye's width. About 0.25–0.35 open, under 0.15 shut.
 */
function eyeAspect(landmarks: readonly Point[], eye: readonly number[]): number {
  const [p1, p2, p3, p4, p5, p6] = eye.map((i) => at(landmarks, i)) as [Point, Point, Point, Point, Point, Point];
  const width = distance(p1, p4);
  return width > 0 ? (distance(p2, p6) + distance(p3, p5)) / (2 * width) : 0;
}

/** Mean eye aspect ratio of both eyes: a blink takes both down together. */
export function eyeAspectRatio(landmarks: readonly Point[]): number {
  return (eyeAspect(landmarks, EYE_A) + eyeAspect(landmarks, EYE_B)) / 2;
}

/** Distance between the two eye centres, in pixels: the face's own ruler. */
export function interOcularDistance(landmarks: readonly Point[]): number {
  const { left, right } = eyeCentres(landmarks);
  return distance(left, right);
}

/**
 * Mouth width (corner to corner) over the distance between the eyes: about 0.8–0.9 at rest, a
 * smile pulls the corners apart by 15–30%. A turn shrinks both distances alike, so the ratio holds.
 */
export function mouthWidthRatio(landmarks: readonly Point[]): number {
  const eyes = interOcularDistance(landmarks);
  return eyes > 0 ? distance(at(landmarks, MOUTH_LEFT), at(landmarks, MOUTH_RIGHT)) / eyes : 0;
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
