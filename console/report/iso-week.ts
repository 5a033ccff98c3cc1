// ISO 8601 weeks ('2026-W49', Monday to Sunday) for the report's week picker. The weeks are
// Kazakhstan's (UTC+5): a report is asked for by the week a centre lived, whatever the zone of the
// analyst's computer. Dates are 'YYYY-MM-DD' strings, done on UTC midnights (src/domain/dates.ts).
import { addDays, kazakhstanDate, weekday } from '../../src/domain/dates';

const WEEK = /^(\d{4})-W(\d{2})$/;

export type Week = { year: number; week: number };

/** Monday 1 … Sunday 7. */
const isoWeekday = (date: string) => weekday(date) || 7;

/** The ISO week a date falls in: the week of its Thursday, whose year may be the next or the last. */
export function weekOf(date: string): Week {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(thursday) - Date.UTC(year, 0, 1)) / 86_400_000;
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** 52 or 53: 28 December is always in the year's last week. */
export function weeksInYear(year: number): number {
  return weekOf(`${String(year).padStart(4, '0')}-12-28`).week;
}

export function formatWeek({ year, week }: Week): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** null for anything that is not a week that exists ('2027-W53' does not; '2026-W53' does). */
export function parseWeek(text: string): Week | null {
  const match = WEEK.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970 || week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

/** Monday of the week: 4 January is always in week 1. */
export function mondayOf({ year, week }: Week): string {
  const january4 = `${String(year).padStart(4, '0')}-01-04`;
  return addDays(january4, 1 - isoWeekday(january4) + (week - 1) * 7);
}

export function weekDates(week: Week): { from: string; to: string } {
  const from = mondayOf(week);
  return { from, to: addDays(from, 6) };
}

export function addWeeks(week: Week, weeks: number): Week {
  return weekOf(addDays(mondayOf(week), weeks * 7));
}

export function compareWeeks(a: Week, b: Week): number {
  return a.year - b.year || a.week - b.week;
}

/**
 * The last week that is over in Kazakhstan: the report's default, and the latest the picker offers
 * (a week still going would be kept half-counted, server/reports/).
 */
export function lastFinishedWeek(now: Date): Week {
  return weekOf(addDays(kazakhstanDate(now), -7));
}
