import type { Lang } from '../../src/protocol/common';

export const TRACKING_LANGS: readonly Lang[] = ['kk', 'ru', 'en'];

const isLang = (value: unknown): value is Lang => typeof value === 'string' && (TRACKING_LANGS as readonly string[]).includes(value);

/**
 * The page's language: the one the citizen chose on the page (`?lang=`), else the receipt's (the
 * application's), else the phone's (Accept-Language), else Kazakh, the state language. A `lang`
 * that is none of the three is ignored, not refused: the page is still worth showing.
 */
export function trackingLang(query: unknown, applicationLang: string | null, acceptLanguage: string | undefined): Lang {
  const asked = typeof query === 'object' && query !== null ? (query as Record<string, unknown>).lang : undefined;
  if (isLang(asked)) return asked;
  if (isLang(applicationLang)) return applicationLang;
  return fromAcceptLanguage(acceptLanguage) ?? 'kk';
}

/** The first of kk, ru, en in the header by its q-values ("ru-RU,ru;q=0.9,en;q=0.8" → ru). */
export function fromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.lang).find(isLang) ?? null;
}
