import { weekday } from '../../src/domain/dates';

/*
 * A centre's opening hours (migration 0012: weekday → 'HH:MM-HH:MM', a day not named is a day off)
 * over the days of a week. Public holidays are not known here and count as ordinary days: a week
 * with one reads a little lower utilisation and applications a day than it should.
 */

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const SPAN = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** Minutes open on a date; 0 for a day off or hours not written as 'HH:MM-HH:MM'. */
export function openMinutesOn(hours: Readonly<Record<string, unknown>> | null, date: string): number {
  const span = hours?.[WEEKDAY_KEYS[weekday(date)]!];
  const match = typeof span === 'string' ? SPAN.exec(span) : null;
  if (!match) return 0;
  const [opens, closes] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
  return Math.max(0, closes - opens);
}

/** Hours open and days open over the given dates. */
export function openTime(hours: Readonly<Record<string, unknown>> | null, dates: readonly string[]): { hours: number; days: number } {
  const minutes = dates.map((d) => openMinutesOn(hours, d));
  return { hours: minutes.reduce((a, b) => a + b, 0) / 60, days: minutes.filter((m) => m > 0).length };
}
