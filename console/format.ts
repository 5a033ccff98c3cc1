// How the console writes times and amounts: Kazakhstan's time (UTC+5, the whole country since 2024),
// whatever the staff member's computer is set to, as dd.mm.yyyy the way the centres write dates.
import { KAZAKHSTAN_OFFSET_MS } from '../src/domain/dates';

const two = (n: number) => String(n).padStart(2, '0');

/** "15.06.2026 09:05" for an instant. */
export function formatInstant(iso: string): string {
  const at = new Date(Date.parse(iso) + KAZAKHSTAN_OFFSET_MS);
  return `${formatDay(at.toISOString().slice(0, 10))} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
}

/** "15.06.2026" for a calendar day (YYYY-MM-DD). */
export function formatDay(day: string): string {
  return day.split('-').reverse().join('.');
}

/** "2 h 5 min", "45 min", "< 1 min": how long something has lasted, in the console's units. */
export function formatDuration(seconds: number, units: { h: string; min: string }): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return `< 1 ${units.min}`;
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} ${units.h} ${minutes % 60} ${units.min}` : `${minutes} ${units.min}`;
}
