import type { Point } from './face-analysis';

/*
 * The photo's expression measures from the 68 iBUG landmarks (OFIQ's EyesOpen, MouthClosed,
 * ExpressionNeutrality), each a ratio of distances so that it does not depend on how far the
 * citizen stands.
 */

const EYE_A = 36; // first of six points round the image-left eye
const EYE_B = 42;
const MOUTH_LEFT = 48;
const MOUTH_RIGHT = 54;
/** Inner lips: 61–63 upper, 67–65 lower, facing each other in these pairs. */
const INNER_PAIRS = [
  [61, 67],
  [62, 66],
  [63, 65],
] as const;
const JAW_LEFT = 0;
const JAW_RIGHT = 16;

function distance(landmarks: readonly Point[], i: number, j: number): number {
  const a = landmarks[i];
  const b = landmarks[j];
  if (!a || !b) throw new RangeError(`landmark ${a ? j : i} missing: expected 68 points, got ${landmarks.length}`);
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/**
 * Eye aspect ratio (Soukupová & Čech 2016) of the eye whose six points start at `first`: the
 * mean lid-to-lid height over the corner-to-corner width. About 0.3 open, below 0.15 shut.
 */
function eyeAspectRatio(landmarks: readonly Point[], first: number): number {
  const width = distance(landmarks, first, first + 3);
  if (width === 0) return 0;
  return (distance(landmarks, first + 1, first + 5) + distance(landmarks, first + 2, first + 4)) / (2 * width);
}

/** The less open eye's aspect ratio: one shut eye is reason enough to wait. */
export function eyesOpenness(landmarks: readonly Point[]): number {
  return Math.min(eyeAspectRatio(landmarks, EYE_A), eyeAspectRatio(landmarks, EYE_B));
}

/** Mean gap between the inner lips over the mouth's width: about 0–0.05 closed, 0.15 and more open. */
export function mouthOpening(landmarks: readonly Point[]): number {
  const width = distance(landmarks, MOUTH_LEFT, MOUTH_RIGHT);
  if (width === 0) return 0;
  const gap = INNER_PAIRS.reduce((sum, [i, j]) => sum + distance(landmarks, i, j), 0) / INNER_PAIRS.length;
  return gap / width;
}

/**
 * Mouth width over face width (the jaw outline's ends, 0 and 16). A smile stretches the mouth
 * sideways while the jaw stays put: ~0.32 neutral, 0.35–0.47 smiling on the registry faces. Both
 * widths shrink alike when the head turns a little.
 */
export function mouthToFaceWidth(landmarks: readonly Point[]): number {
  const face = distance(landmarks, JAW_LEFT, JAW_RIGHT);
  return face === 0 ? 0 : distance(landmarks, MOUTH_LEFT, MOUTH_RIGHT) / face;
}
