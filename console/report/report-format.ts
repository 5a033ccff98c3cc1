// How the report writes its numbers and dates in the console's language, through Intl: "12 345,7"
// in Russian and Kazakh, "12,345.7" in English; tenge from tiyn; the week's dates. A figure the
// week has nothing to measure for (null) reads as a dash, never as 0.
import type { Lang } from '../../src/protocol/common';
import { KAZAKHSTAN_OFFSET_MS } from '../../src/domain/dates';
import { translate } from '../i18n';

export const NO_FIGURE = '—';

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };
export const localeOf = (lang: Lang) => LOCALES[lang];

export function formatCount(lang: Lang, n: number | null): string {
  return n === null ? NO_FIGURE : new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(n);
}

/** One decimal at most: applications a day per terminal, minutes. */
export function formatDecimal(lang: Lang, n: number | null, digits = 1): string {
  return n === null ? NO_FIGURE : new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(n);
}

/** A share 0…1 as a percentage with one decimal. */
export function formatShare(lang: Lang, share: number | null): string {
  return share === null ? NO_FIGURE : new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Seconds as minutes with one decimal: "4,2 мин". */
export function formatMinutes(lang: Lang, seconds: number | null): string {
  return seconds === null ? NO_FIGURE : translate(lang, 'report.unit.minutes', { n: formatDecimal(lang, seconds / 60) });
}

/** Money is integer tiyn end to end; 100 tiyn to the tenge. */
export function formatTenge(lang: Lang, tiyn: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol' }).format(tiyn / 100);
}

/** A change with its sign: "+1,5", "−0,3", "0". */
export function formatSigned(lang: Lang, n: number, digits = 1): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(n);
}

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** "30 нояб. – 6 дек. 2026 г.": Monday to Sunday, as the language writes a range. */
export function formatDateRange(lang: Lang, from: string, to: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(utcDay(from), utcDay(to));
}

/** "пн, 30 нояб.": a day of the week's throughput. */
export function formatWeekday(lang: Lang, date: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcDay(date));
}

/**
 * "06.12.2026, 14:05" in Kazakhstan's time, for when the report was computed or a problem happened:
 * shifted by the fixed UTC+5 rather than 'Asia/Almaty', which a browser with older time zone data
 * still puts at UTC+6.
 */
export function formatInstant(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(Date.parse(iso) + KAZAKHSTAN_OFFSET_MS));
}
