// Calendar dates as 'YYYY-MM-DD' strings. Arithmetic is done on UTC midnights so that the host's
// timezone (a kiosk in Almaty, a server in UTC) never shifts a day.
import { DomainError } from './domain-error';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || !isValidDate(year, month, day)) {
    throw new DomainError('invalid_date', `not a calendar date: ${JSON.stringify(date)}`);
  }
  return { year, month, day };
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toEpochDay(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function addDays(date: string, days: number): string {
  const d = new Date((toEpochDay(date) + days) * DAY_MS);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekday(date: string): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
}

// Kazakhstan has kept one time zone, UTC+5, since 1 March 2024; "today" for a tariff, an expiry or
// a due date is the date there, whatever the zone of the machine (a kiosk offline, a server).
export const KAZAKHSTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

export function kazakhstanDate(instant: Date): string {
  return new Date(instant.getTime() + KAZAKHSTAN_OFFSET_MS).toISOString().slice(0, 10);
}
