// The report's week picker speaks in { year, week }: the arithmetic is src/domain/iso-week.ts's,
// the same weeks (Kazakhstan's, UTC+5) the back office cuts the report on, whatever the zone of
// the analyst's computer.
import { addDays, kazakhstanDate } from '../../src/domain/dates';
import { formatIsoWeek, isoWeek, isoWeekOfDate, type IsoWeekRange } from '../../src/domain/iso-week';

export { weeksInYear } from '../../src/domain/iso-week';

export type Week = { year: number; week: number };

const asWeek = (range: IsoWeekRange): Week => ({ year: range.year, week: range.number });
const rangeOf = (week: Week): IsoWeekRange => isoWeek(formatWeek(week))!;

/** The ISO week a Kazakhstan date falls in (its year may be the next or the last). */
export function weekOf(date: string): Week {
  return asWeek(isoWeekOfDate(date));
}

export function formatWeek({ year, week }: Week): string {
  return formatIsoWeek(year, week);
}

/** null for anything that is not a week that exists ('2027-W53' does not; '2026-W53' does). */
export function parseWeek(text: string): Week | null {
  const range = isoWeek(text);
  return range && range.year >= 1970 ? asWeek(range) : null;
}

export function mondayOf(week: Week): string {
  return rangeOf(week).monday;
}

export function weekDates(week: Week): { from: string; to: string } {
  const range = rangeOf(week);
  return { from: range.monday, to: range.sunday };
}

export function addWeeks(week: Week, weeks: number): Week {
  return weekOf(addDays(mondayOf(week), weeks * 7));
}

export function compareWeeks(a: Week, b: Week): number {
  return a.year - b.year || a.week - b.week;
}

/**
 * The last week that is over in Kazakhstan: the report's default, and the latest the picker offers
 * (a week still going is counted afresh at every look, and never kept: server/reports/).
 */
export function lastFinishedWeek(now: Date): Week {
  return weekOf(addDays(kazakhstanDate(now), -7));
}
