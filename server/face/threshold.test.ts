import { describe, expect, it } from 'vitest';
import { faceDistance } from './threshold';

describe('faceDistance', () => {
  it('is the Euclidean distance', () => {
    expect(faceDistance([0, 0, 0], [3, 4, 0])).toBe(5);
    expect(faceDistance([1, 2], [1, 2])).toBe(0);
  });

  it('refuses descriptors of different lengths', () => {
    expect(() => faceDistance([1, 2], [1])).toThrow(RangeError);
  });
});
