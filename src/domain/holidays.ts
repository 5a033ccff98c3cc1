// Kazakhstan's public holidays (Law "On holidays in the Republic of Kazakhstan", as amended 2022).
import { addDays, weekday } from './dates';

interface FixedHoliday {
  monthDay: string; // MM-DD
  /** Religious holidays are not carried over to a working day when they fall on a weekend. */
  religious: boolean;
}

export const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { monthDay: '01-01', religious: false }, // New Year
  { monthDay: '01-02', religious: false },
  { monthDay: '01-07', religious: true }, // Orthodox Christmas
  { monthDay: '03-08', religious: false }, // International Women's Day
  { monthDay: '03-21', religious: false }, // Nauryz
  { monthDay: '03-22', religious: false },
  { monthDay: '03-23', religious: false },
  { monthDay: '05-01', religious: false }, // Unity of the People of Kazakhstan
  { monthDay: '05-07', religious: false }, // Defender of the Fatherland
  { monthDay: '05-09', religious: false }, // Victory Day
  { monthDay: '07-06', religious: false }, // Capital Day
  { monthDay: '08-30', religious: false }, // Constitution Day
  { monthDay: '10-25', religious: false }, // Republic Day
  { monthDay: '12-16', religious: false }, // Independence Day
];

/**
 * The first day of Kurban ait moves with the lunar calendar and is fixed yearly by the Spiritual
 * Administration of Muslims and a government decree. 2025 and 2026 are the announced dates;
 * 2027 is the astronomical forecast and must be checked against the decree when it is published.
 */
export type KurbanAitByYear = Readonly<Record<number, string>>;

/** The built-in dates, used until the kiosk has a signed version of the reference data (src/domain/reference-data.ts). */
export const KURBAN_AIT: KurbanAitByYear = {
  2025: '2025-06-06',
  2026: '2026-05-27',
  2027: '2027-05-16',
};

/** Per calendar (a version's Kurban ait dates), per year: a calendar object is never changed once made. */
const daysOffByCalendar = new WeakMap<KurbanAitByYear, Map<number, ReadonlySet<string>>>();

function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/**
 * Whether the year's calendar is complete. Without it a date counted across the year takes the
 * fixed holidays only (they are known every year; only Kurban ait moves): a due date is never
 * refused for want of a decree, and whoever counts flags the result for a person to look at.
 */
export function holidayCalendarKnown(year: number, kurbanAitByYear: KurbanAitByYear = KURBAN_AIT): boolean {
  return kurbanAitByYear[year] !== undefined;
}

/**
 * Holidays and the days off they bring for one year. A secular holiday on a Saturday or Sunday
 * moves the day off to the next working day (the law on holidays); consecutive ones (Nauryz)
 * push each other along. One-off transfers the government decrees each year (bridging days) are
 * not included: they are announced late in the year before, so a decree day may be counted as working.
 */
function daysOff(year: number, kurbanAitByYear: KurbanAitByYear): ReadonlySet<string> {
  let daysOffByYear = daysOffByCalendar.get(kurbanAitByYear);
  if (daysOffByYear === undefined) {
    daysOffByYear = new Map();
    daysOffByCalendar.set(kurbanAitByYear, daysOffByYear);
  }
  const cached = daysOffByYear.get(year);
  if (cached !== undefined) return cached;
  const kurbanAit = kurbanAitByYear[year];
  const fixed = FIXED_HOLIDAYS.map((holiday) => ({ date: `${year}-${holiday.monthDay}`, religious: holiday.religious }));
  const result = new Set<string>([...(kurbanAit === undefined ? [] : [kurbanAit]), ...fixed.map((holiday) => holiday.date)]);
  for (const holiday of fixed) {
    if (holiday.religious || !isWeekend(holiday.date)) continue;
    let moved = addDays(holiday.date, 1);
    while (isWeekend(moved) || result.has(moved)) moved = addDays(moved, 1);
    result.add(moved);
  }
  daysOffByYear.set(year, result);
  return result;
}

export function isWorkingDay(date: string, kurbanAitByYear: KurbanAitByYear = KURBAN_AIT): boolean {
  return !isWeekend(date) && !daysOff(Number(date.slice(0, 4)), kurbanAitByYear).has(date);
}
