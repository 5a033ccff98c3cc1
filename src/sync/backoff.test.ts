import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, nextDelayMs } from './backoff';

const almostOne = () => 0.999_999;

describe('nextDelayMs', () => {
  it('doubles the ceiling with every failed try, from the base', () => {
    expect(nextDelayMs(0, almostOne)).toBe(BACKOFF_BASE_MS - 1);
    expect(nextDelayMs(1, almostOne)).toBe(2 * BACKOFF_BASE_MS - 1);
    expect(nextDelayMs(4, almostOne)).toBe(16 * BACKOFF_BASE_MS - 1);
  });

  it('never waits longer than the cap, however many tries failed', () => {
    expect(nextDelayMs(7, almostOne)).toBe(128 * BACKOFF_BASE_MS - 1);
    expect(nextDelayMs(8, almostOne)).toBe(BACKOFF_CAP_MS - 1);
    expect(nextDelayMs(10_000, almostOne)).toBe(BACKOFF_CAP_MS - 1);
  });

  it('draws the wait uniformly below the ceiling (full jitter)', () => {
    expect(nextDelayMs(3, () => 0)).toBe(0);
    expect(nextDelayMs(3, () => 0.5)).toBe(4 * BACKOFF_BASE_MS);
    expect(nextDelayMs(3, () => 0.25)).toBe(2 * BACKOFF_BASE_MS);
  });
});
