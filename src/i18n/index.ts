import type { Lang } from '../protocol/common';
import { en, type Catalogue, type MessageKey } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type { MessageKey, Catalogue };
export type Params = Record<string, string | number>;

export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
export const CATALOGUES: Record<Lang, Catalogue> = { kk, ru, en };

/** The name of each language in that language, for the first screen. */
export const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fillPlaceholders(CATALOGUES[lang][key], params);
}

/** `{name}` in a text replaced by its value; one without a value stays as written, so a missing one shows. Shared with the console's catalogues. */
export function fillPlaceholders(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** Placeholders such as {n} in a message, so a test can check every language uses the same ones. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
