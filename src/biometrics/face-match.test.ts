import { describe, expect, it } from 'vitest';
import { FACE_MATCH_THRESHOLD, FACE_REVIEW_BAND, faceDistance, faceMatchVerdict, sameFace } from './face-match';

describe('face match', () => {
  it('measures the Euclidean distance between descriptors', () => {
    expect(faceDistance([0, 0, 0], [1, 2, 2])).toBe(3);
    expect(() => faceDistance([0], [0, 0])).toThrow(RangeError);
  });

  it('takes two descriptors for one person only below the threshold', () => {
    const a = Array<number>(128).fill(0);
    const near = [FACE_MATCH_THRESHOLD * 0.99, ...Array<number>(127).fill(0)];
    const far = [FACE_MATCH_THRESHOLD, ...Array<number>(127).fill(0)];
    expect(sameFace(a, near)).toBe(true);
    expect(sameFace(a, far)).toBe(false);
  });

  it('leaves the overlap of one person and two people to a person, around the threshold', () => {
    expect(FACE_REVIEW_BAND.from).toBeLessThan(FACE_MATCH_THRESHOLD);
    expect(FACE_REVIEW_BAND.to).toBeGreaterThan(FACE_MATCH_THRESHOLD);
    expect(faceMatchVerdict(0.39)).toBe('match');
    expect(faceMatchVerdict(0.4)).toBe('review');
    expect(faceMatchVerdict(FACE_MATCH_THRESHOLD)).toBe('review');
    expect(faceMatchVerdict(0.499)).toBe('review');
    expect(faceMatchVerdict(0.5)).toBe('mismatch');
  });
});
