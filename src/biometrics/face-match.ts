/**
 * Euclidean distance between two face descriptors below which they are taken to be the same person.
 * Chosen from data by scripts/faces/threshold-study.ts; the figures are in docs/biometrics.md.
 */
export const FACE_MATCH_THRESHOLD = 0.45;

export function faceDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`descriptor lengths differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/** Whether two descriptors are of one person: the back office's rule, also used on the kiosk to check that the photo shows the person identified. */
export function sameFace(a: readonly number[], b: readonly number[]): boolean {
  return faceDistance(a, b) < FACE_MATCH_THRESHOLD;
}
