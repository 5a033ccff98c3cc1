// How the report writes its numbers and dates in the console's language, through Intl: "12 345,7"
// in Russian and Kazakh, "12,345.7" in English; tenge from tiyn; the week's dates. A figure the
// week has nothing to measure for (null) reads as a dash, never as 0.
import type { Lang } from '../../src/protocol/common';
import { KAZAKHSTAN_OFFSET_MS } from '../../src/domain/dates';
import { translate, type ConsoleKey } from '../i18n';

export const NO_FIGURE = '—';

const PREFERRED: Record<Lang, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

/**
 * The locale Intl writes with, and whether it names months. Debian's Chromium has no Kazakh locale
 * data and falls back to the root locale ("2026 M06 8–14", "21,188"): Kazakh then borrows Russian's
 * grouping and decimal comma, which are Kazakh's too, and writes dates in figures (08.06.2026), so no
 * month is named in Russian on a Kazakh page.
 */
export function localeOf(lang: Lang): { locale: string; monthNames: boolean } {
  const preferred = PREFERRED[lang];
  return hasLocaleData(preferred) ? { locale: preferred, monthNames: true } : { locale: 'ru-RU', monthNames: false };
}

/**
 * Chromium says it supports 'kk-KZ' yet writes June as the root locale's "M06": a locale counts only
 * if it names a month.
 */
function hasLocaleData(tag: string): boolean {
  if (Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 0) return false;
  return !/^M\d+$/.test(new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 5, 15)));
}
const numbersIn = (lang: Lang) => localeOf(lang).locale;

export function formatCount(lang: Lang, n: number | null): string {
  return n === null ? NO_FIGURE : new Intl.NumberFormat(numbersIn(lang), { maximumFractionDigits: 0 }).format(n);
}

/** One decimal at most: applications a day per terminal, minutes. */
export function formatDecimal(lang: Lang, n: number | null, digits = 1): string {
  return n === null ? NO_FIGURE : new Intl.NumberFormat(numbersIn(lang), { maximumFractionDigits: digits }).format(n);
}

/** A share 0…1 as a percentage with one decimal. */
export function formatShare(lang: Lang, share: number | null): string {
  return share === null ? NO_FIGURE : new Intl.NumberFormat(numbersIn(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Seconds as minutes with one decimal: "4,2 мин". */
export function formatMinutes(lang: Lang, seconds: number | null): string {
  return seconds === null ? NO_FIGURE : translate(lang, 'report.unit.minutes', { n: formatDecimal(lang, seconds / 60) });
}

/** Money is integer tiyn end to end; 100 tiyn to the tenge. */
export function formatTenge(lang: Lang, tiyn: number): string {
  return new Intl.NumberFormat(numbersIn(lang), { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol' }).format(tiyn / 100);
}

/** A change with its sign: "+1,5", "−0,3", "0". */
export function formatSigned(lang: Lang, n: number, digits = 1): string {
  return new Intl.NumberFormat(numbersIn(lang), { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(n);
}

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);
const WEEKDAY_KEYS: ConsoleKey[] = ['day.sun', 'day.mon', 'day.tue', 'day.wed', 'day.thu', 'day.fri', 'day.sat'];

/** "30 нояб. – 6 дек. 2026 г.": Monday to Sunday, as the language writes a range. */
export function formatDateRange(lang: Lang, from: string, to: string): string {
  const { locale, monthNames } = localeOf(lang);
  const style: Intl.DateTimeFormatOptions = monthNames ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' }).formatRange(utcDay(from), utcDay(to));
}

/** "пн, 30 нояб.": a day of the week's throughput. */
export function formatWeekday(lang: Lang, date: string): string {
  const { locale, monthNames } = localeOf(lang);
  if (!monthNames) return `${translate(lang, WEEKDAY_KEYS[utcDay(date).getUTCDay()]!)} ${date.slice(8, 10)}.${date.slice(5, 7)}`;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcDay(date));
}

/**
 * "06.12.2026, 14:05" in Kazakhstan's time, for when the report was computed or a problem happened:
 * shifted by the fixed UTC+5 rather than 'Asia/Almaty', which a browser with older time zone data
 * still puts at UTC+6.
 */
export function formatInstant(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(localeOf(lang).locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(Date.parse(iso) + KAZAKHSTAN_OFFSET_MS));
}
