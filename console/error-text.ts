import type { Lang } from '../src/protocol/common';
import type { ConsoleError } from './api';
import { CONSOLE_CATALOGUES, formatWait, translate, type ConsoleKey } from './i18n';

/** What a staff member reads for a refusal: the code's own words, with the wait where there is one. */
export function errorText(lang: Lang, error: ConsoleError): string {
  const key = `error.${error.code}`;
  if (key === 'error.too_many_attempts' || error.status === 429) {
    return translate(lang, 'error.too_many_attempts', { wait: formatWait(lang, error.retryAfterS ?? 60) });
  }
  if (key in CONSOLE_CATALOGUES[lang]) return translate(lang, key as ConsoleKey);
  if (error.code === 'bad_response') return translate(lang, 'error.server');
  return translate(lang, 'error.unknown', { code: error.code });
}
