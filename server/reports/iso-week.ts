import { addDays, KAZAKHSTAN_OFFSET_MS, kazakhstanDate, toIsoDate, weekday } from '../../src/domain/dates';
import { ReportError } from './report-error';

/*
 * ISO 8601 weeks ('2026-W49') cut on Kazakhstan's time (UTC+5 all year since 2024-03-01): Monday
 * 00:00 to the next Monday 00:00 there. Week 1 is the week holding the year's first Thursday, so a
 * year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year (2020, 2026).
 * Plain date arithmetic on a fixed offset: no time-zone library needed.
 */

export interface IsoWeekRange {
  /** '2026-W49'. */
  week: string;
  year: number;
  number: number;
  /** Monday and Sunday, Kazakhstan's dates. */
  monday: string;
  sunday: string;
  /** The seven dates, Monday first. */
  days: string[];
  /** Monday 00:00 and the next Monday 00:00 in Kazakhstan: the week is [from, to). */
  from: Date;
  to: Date;
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday of week 1: the Monday on or before 4 January. */
function firstMonday(year: number): string {
  const jan4 = toIsoDate(year, 1, 4);
  return addDays(jan4, -((weekday(jan4) + 6) % 7));
}

/** 52 or 53. */
export function weeksInYear(year: number): number {
  const days = (Date.parse(`${firstMonday(year + 1)}T00:00:00Z`) - Date.parse(`${firstMonday(year)}T00:00:00Z`)) / 86_400_000;
  return days / 7;
}

export function formatIsoWeek(year: number, number: number): string {
  return `${String(year).padStart(4, '0')}-W${String(number).padStart(2, '0')}`;
}

/** The week of '2026-W49'; a malformed string, week 00 or a week 53 the year does not have is `invalid_week`. */
export function parseIsoWeek(week: string): IsoWeekRange {
  const match = ISO_WEEK.exec(week);
  const year = Number(match?.[1]);
  const number = Number(match?.[2]);
  if (!match || year < 1 || number < 1) throw new ReportError('invalid_week', `not an ISO week like 2026-W49: ${JSON.stringify(week)}`);
  if (number > weeksInYear(year)) throw new ReportError('invalid_week', `${year} has ${weeksInYear(year)} ISO weeks, not ${number}`);
  return rangeOf(year, number);
}

function rangeOf(year: number, number: number): IsoWeekRange {
  const monday = addDays(firstMonday(year), (number - 1) * 7);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const from = new Date(Date.parse(`${monday}T00:00:00Z`) - KAZAKHSTAN_OFFSET_MS);
  return { week: formatIsoWeek(year, number), year, number, monday, sunday: days[6]!, days, from, to: new Date(from.getTime() + 7 * 86_400_000) };
}

/** The week holding a Kazakhstan date ('2027-01-01' → 2026-W53). */
export function isoWeekOfDate(date: string): IsoWeekRange {
  const monday = addDays(date, -((weekday(date) + 6) % 7));
  // The ISO year is the year of the week's Thursday.
  const year = Number(addDays(monday, 3).slice(0, 4));
  const number = (Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${firstMonday(year)}T00:00:00Z`)) / (7 * 86_400_000) + 1;
  return rangeOf(year, number);
}

/** The week holding an instant, on Kazakhstan's time. */
export function isoWeekOf(instant: Date): IsoWeekRange {
  return isoWeekOfDate(kazakhstanDate(instant));
}

/** The week before (2027-W01 → 2026-W53). */
export function previousIsoWeek(week: string): IsoWeekRange {
  return isoWeekOfDate(addDays(parseIsoWeek(week).monday, -7));
}

export function nextIsoWeek(week: string): IsoWeekRange {
  return isoWeekOfDate(addDays(parseIsoWeek(week).monday, 7));
}
