import { fillPlaceholders, type Params } from '../../src/i18n';
import type { Lang } from '../../src/protocol/common';
import { en, type ConsoleCatalogue, type ConsoleKey } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type { ConsoleKey };

export const CONSOLE_CATALOGUES: Record<Lang, ConsoleCatalogue> = { ru, kk, en };
export const CONSOLE_LANGS: readonly Lang[] = ['ru', 'kk', 'en'];
export const LANG_NAMES: Record<Lang, string> = { ru: 'Русский', kk: 'Қазақша', en: 'English' };

/** Whether a key built from a code (a problem's category, a fault…) has words in the console. */
export function isConsoleKey(key: string): key is ConsoleKey {
  return Object.hasOwn(en, key);
}

export function translate(lang: Lang, key: ConsoleKey, params?: Params): string {
  return fillPlaceholders(CONSOLE_CATALOGUES[lang][key], params);
}

/**
 * The language a staff member last chose on this browser, else the browser's first of ours, else
 * Russian: the working language of most centres.
 */
export function pickLang(stored: string | null, browserLangs: readonly string[]): Lang {
  const ours = (tag: string): Lang | null => {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    return (CONSOLE_LANGS as readonly string[]).includes(base) ? (base as Lang) : null;
  };
  if (stored !== null && ours(stored)) return ours(stored)!;
  for (const tag of browserLangs) {
    const lang = ours(tag);
    if (lang) return lang;
  }
  return 'ru';
}

/** "12 min" / "45 s" for a wait in seconds, rounded up to whole minutes past a minute. */
export function formatWait(lang: Lang, seconds: number): string {
  return seconds < 60 ? translate(lang, 'wait.seconds', { n: Math.max(1, Math.ceil(seconds)) }) : translate(lang, 'wait.minutes', { n: Math.ceil(seconds / 60) });
}

const REVIEW_CODES = ['face_grey_zone', 'liveness_flagged', 'fee_mismatch', 'payment_mismatch'] as const;

/** The words for a check left for review (server/sync/deferred-checks.ts); a code this console does not know reads as the generic one. */
export function reviewCodeKey(code: string | null): ConsoleKey {
  return (REVIEW_CODES as readonly (string | null)[]).includes(code) ? (`reviewCode.${code}` as ConsoleKey) : 'outcome.review';
}
