import { FormatRegistry } from '@sinclair/typebox';
import { isValidDate } from '../domain/dates';

/*
 * The JSON Schema `format`s of the wire schemas: what a pattern cannot say (February has 28 days,
 * PostgreSQL refuses a NUL). One definition for both sides: the back office gives WIRE_FORMATS to
 * Fastify's ajv (server/app.ts), and common.ts registers them with TypeBox's FormatRegistry for the
 * kiosk's and the packet intake's Value.Check.
 */

/**
 * The window every date and instant on the wire must fall in: from 2020-01-01 (before the first
 * kiosk; nothing made earlier is real) to before 2100-01-01. Static, so a verdict never depends on
 * the day it is given; the rules that need a year's data (fees, holidays) say themselves what they
 * do with a year they do not know.
 */
export const EARLIEST_WIRE_YEAR = 2020;
export const LATEST_WIRE_YEAR = 2099;

const EARLIEST_MS = Date.UTC(EARLIEST_WIRE_YEAR, 0, 1);
const END_MS = Date.UTC(LATEST_WIRE_YEAR + 1, 0, 1);

// Up to 9 fraction digits (nanoseconds); the kiosk writes 3. Offsets as RFC 3339 has them, never
// lower-case letters nor a bare hour.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The farthest any zone is from UTC (Kiribati, +14:00). */
const MAX_OFFSET_MINUTES = 14 * 60;

/** An RFC 3339 date-time naming a real instant (calendar date, 00:00:00–23:59:59, offset within ±14:00) inside the wire window. */
export function isWireInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return false;
  let offsetMinutes = 0;
  if (match[7]) {
    const offsetHours = Number(match[8]);
    const offsetMins = Number(match[9]);
    if (offsetMins > 59) return false;
    offsetMinutes = (match[7] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
    if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return false;
  }
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  return utcMs >= EARLIEST_MS && utcMs < END_MS;
}

/** A YYYY-MM-DD calendar date inside the wire window. */
export function isWireDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  return isValidDate(year, month, day) && year >= EARLIEST_WIRE_YEAR && year <= LATEST_WIRE_YEAR;
}

// In a unicode regex a surrogate matches only when it is alone: a pair is read as one code point.
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Text PostgreSQL can store: no NUL (refused in text and in jsonb) and no lone surrogate (refused
 * in jsonb, and turned into U+FFFD in text, so not what was sent).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** By name, as the schemas write them: `format: 'wire-instant'` and so on. */
export const WIRE_FORMATS = {
  'wire-instant': isWireInstant,
  'wire-date': isWireDate,
  'storable-text': isStorableText,
} as const satisfies Record<string, (value: string) => boolean>;

export type WireFormat = keyof typeof WIRE_FORMATS;

/** For TypeBox's Value.Check; idempotent, so every module that needs the formats may call it. */
export function registerWireFormats(): void {
  for (const [name, check] of Object.entries(WIRE_FORMATS)) {
    if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
  }
}
