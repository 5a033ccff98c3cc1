import { describe, expect, it } from 'vitest';
import { falseMatchRate, falseNonMatchRate, percentile, summarize, summaryRow } from './threshold-stats';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 0.5)).toBe(5);
    expect(percentile(sorted, 0.95)).toBe(10);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it('refuses no values', () => {
    expect(() => percentile([], 0.5)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts before it ranks and leaves the input alone', () => {
    const values = [0.5, 0.1, 0.3];
    expect(summarize(values)).toEqual({ n: 3, min: 0.1, median: 0.3, p95: 0.5, max: 0.5 });
    expect(values).toEqual([0.5, 0.1, 0.3]);
  });

  it('gives null for an empty set', () => {
    expect(summarize([])).toBeNull();
    expect(summaryRow('none', [])).toBe('| none | 0 | | | | |');
  });
});

describe('error rates', () => {
  const impostor = [0.3, 0.4, 0.5, 0.7];
  const genuine = [0.1, 0.2, 0.4, 0.45];

  it('counts an impostor strictly below the threshold as a false match, as sameFace does', () => {
    expect(falseMatchRate(impostor, 0.4)).toBe(0.25);
    expect(falseMatchRate(impostor, 0.41)).toBe(0.5);
  });

  it('counts a genuine distance at the threshold as refused', () => {
    expect(falseNonMatchRate(genuine, 0.4)).toBe(0.5);
    expect(falseNonMatchRate(genuine, 0.5)).toBe(0);
  });

  it('is NaN, not 0, for an empty set', () => {
    expect(falseMatchRate([], 0.4)).toBeNaN();
    expect(falseNonMatchRate([], 0.4)).toBeNaN();
  });
});
