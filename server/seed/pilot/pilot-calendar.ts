// When a pilot centre is open and how busy a day is: the centre's own hours (centres.hours, on
// Kazakhstan's time), closed on public holidays, busier on Mondays and in summer.
import { KAZAKHSTAN_OFFSET_MS, weekday } from '../../../src/domain/dates';
import { isWorkingDay } from '../../../src/domain/holidays';

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const HOUR_MS = 3_600_000;

/** centres.hours: { mon: '09:00-20:00', … }; a day left out is a day closed; several ranges by comma. */
export type CentreHours = Readonly<Partial<Record<(typeof DAY_KEYS)[number], string>>>;

export interface OpenSpan {
  /** Epoch milliseconds. */
  from: number;
  to: number;
}

/** The centre's open spans on a Kazakhstan date, as instants; none on a closed day or a holiday. */
export function openSpans(date: string, hours: CentreHours): OpenSpan[] {
  const day = weekday(date);
  if (day >= 1 && day <= 5 && isHoliday(date)) return [];
  const text = hours[DAY_KEYS[day]!];
  if (!text) return [];
  const midnight = Date.parse(`${date}T00:00:00Z`) - KAZAKHSTAN_OFFSET_MS;
  const spans: OpenSpan[] = [];
  for (const range of text.split(',')) {
    const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(range);
    if (!m) continue;
    const from = midnight + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
    const to = midnight + (Number(m[3]) * 60 + Number(m[4])) * 60_000;
    if (to > from) spans.push({ from, to });
  }
  return spans;
}

/** A weekday that is not a working day is a public holiday or the day off it moved to. */
function isHoliday(date: string): boolean {
  try {
    return !isWorkingDay(date);
  } catch {
    return false;
  }
}

/** People come before the summer holidays and the school year; fewer in January and early May. */
const MONTH_FACTOR = [0.75, 0.85, 0.95, 1.0, 0.9, 1.1, 1.2, 1.25, 1.05, 1.0, 0.95, 0.9] as const;
/** Sunday … Saturday: the week's first day is the busiest. */
const WEEKDAY_FACTOR = [0.8, 1.25, 1.1, 1.0, 1.0, 0.95, 0.9] as const;

export function dayFactor(date: string): number {
  return MONTH_FACTOR[Number(date.slice(5, 7)) - 1]! * WEEKDAY_FACTOR[weekday(date)]!;
}

/**
 * Relative arrivals by Kazakhstan hour of day: a morning peak, the lunch hour, an afternoon peak,
 * the evening after work. Hours outside are the same as the nearest edge.
 */
const HOURLY = [0.6, 1.0, 1.3, 1.3, 0.7, 1.0, 1.2, 1.2, 1.0, 0.9, 0.8, 0.6] as const; // 09:00 … 20:00

export function hourWeight(instant: number): number {
  const hour = Math.floor(((instant + KAZAKHSTAN_OFFSET_MS) % (24 * HOUR_MS)) / HOUR_MS);
  return HOURLY[Math.min(HOURLY.length - 1, Math.max(0, hour - 9))]!;
}

export function spanHours(spans: readonly OpenSpan[]): number {
  return spans.reduce((sum, s) => sum + (s.to - s.from) / HOUR_MS, 0);
}
