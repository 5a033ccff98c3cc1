/**
 * Exponential backoff with full jitter: the wait before the next try is anywhere between nothing
 * and an exponentially growing ceiling. Spreading the retries over the whole range keeps many
 * kiosks that lost the same back office at the same moment from all coming back at once.
 */

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** The wait after a failed try, given how many tries had failed before it; `random` is in [0, 1). */
export function nextDelayMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempts);
  return Math.floor(random() * ceiling);
}
