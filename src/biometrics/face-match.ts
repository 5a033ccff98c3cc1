/**
 * Euclidean distance between two face descriptors below which they are taken to be the same person.
 * Chosen from data by scripts/faces/threshold-study.ts; the figures are in docs/biometrics.md.
 */
export const FACE_MATCH_THRESHOLD = 0.45;

/**
 * Where the measured distributions of one person and of two people overlap (docs/biometrics.md:
 * genuine faces up to 0.46, impostors from 0.42), the rule alone should not decide a citizen who is
 * no longer at the kiosk: a face sealed offline at a distance in [from, to) goes to a person
 * (server/sync/deferred-checks.ts). Online the citizen is still there and may try again, so the
 * identify route keeps its threshold and only marks a match above `from` for review.
 */
export const FACE_REVIEW_BAND = { from: 0.4, to: 0.5 } as const;

export type FaceMatchVerdict = 'match' | 'review' | 'mismatch';

/** The deferred check's verdict on a distance: inside the review band a person decides. */
export function faceMatchVerdict(distance: number): FaceMatchVerdict {
  if (distance < FACE_REVIEW_BAND.from) return 'match';
  return distance < FACE_REVIEW_BAND.to ? 'review' : 'mismatch';
}

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
