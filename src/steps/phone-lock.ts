import { KAZAKHSTAN_OFFSET_MS, kazakhstanDate } from '../domain/dates';

/** The message and its clock time saying until when the SMS code cannot be typed. */
export interface LockEnd {
  key: 'phone.code.lockedUntil' | 'phone.code.lockedUntilTomorrow';
  time: string;
}

/**
 * Until when a lock of `retryAfterS` seconds (the back office's Retry-After) lasts, as the clock on
 * the wall of a service centre in Kazakhstan says it: rounded up to the minute, so that at the time
 * shown the code can surely be typed again, and "tomorrow" when the day changes on the way.
 */
export function lockEnd(retryAfterS: number, now: Date): LockEnd {
  const endMs = Math.ceil((now.getTime() + Math.max(0, retryAfterS) * 1000) / 60_000) * 60_000;
  const end = new Date(endMs);
  const time = new Date(endMs + KAZAKHSTAN_OFFSET_MS).toISOString().slice(11, 16);
  const sameDay = kazakhstanDate(end) === kazakhstanDate(now);
  return { key: sameDay ? 'phone.code.lockedUntil' : 'phone.code.lockedUntilTomorrow', time };
}
