import { describe, expect, it } from 'vitest';
import { amountWords, dateWords, PAUSE, spellWords, valueVocabulary } from './spoken-values';
import { formatTiyn } from '../domain/fees';

describe('values said', () => {
  it('reads an IIN digit by digit, with a pause where the screen groups it', () => {
    expect(spellWords('kk', '900101 300123', 'жасырын')).toEqual(['тоғыз', 'нөл', 'нөл', 'бір', 'нөл', 'бір', PAUSE, 'үш', 'нөл', 'нөл', 'бір', 'екі', 'үш']);
  });

  it('reads an application number with its letters, and a masked phone with one "hidden"', () => {
    expect(spellWords('ru', '7K2M-0Z', 'скрыто')).toEqual(['семь', 'кей', 'два', 'эм', PAUSE, 'ноль', 'зед']);
    expect(spellWords('en', '+7 701 *** ** 78', 'hidden')).toEqual(['plus', 'seven', PAUSE, 'seven', 'zero', 'one', PAUSE, 'hidden', 'seven', 'eight']);
  });

  it('says the amounts the payment step shows, in words', () => {
    expect(amountWords('kk', formatTiyn(78_640, 'kk'))).toEqual(['жеті', 'жүз', 'сексен', 'алты', 'теңге', 'қырық', 'тиын']);
    expect(amountWords('ru', formatTiyn(3_460_000, 'ru'))).toEqual(['тридцать', 'четыре', 'тысячи', 'шестьсот', 'тенге']);
    expect(amountWords('ru', formatTiyn(78_622, 'ru'))?.slice(-3)).toEqual(['двадцать', 'два', 'тиына']);
    expect(amountWords('en', formatTiyn(3_460_000, 'en'))).toEqual(['thirty', 'four', 'thousand', 'six', 'hundred', 'tenge']);
    expect(amountWords('en', 'free')).toBeNull();
  });

  it('says the ready-by date as "by that date" needs it', () => {
    expect(dateWords('kk', '15.01.2027')).toEqual(['екі', 'мың', 'жиырма', 'жетінші', 'жылғы', 'он', 'бесінші', 'қаңтарға']);
    expect(dateWords('ru', '03.12.2026')).toEqual(['третьему', 'декабря', 'две', 'тысячи', 'двадцать', 'шестого', 'года']);
    expect(dateWords('en', '01.05.2026')?.join(' ')).toBe('the first of May two thousand twenty six');
    expect(dateWords('ru', '31.13.2026')).toBeNull();
  });

  it.each(['kk', 'ru', 'en'] as const)('says every %s value with words made at build time', (lang) => {
    const vocabulary = new Set(valueVocabulary(lang));
    const words = [
      ...spellWords(lang, '0123456789 ABCDEFGHJKMNPQRSTVWXYZ +', 'x'),
      ...(amountWords(lang, formatTiyn(99_999_999, lang)) ?? []),
      ...(dateWords(lang, '28.02.2031') ?? []),
    ].filter((w) => w !== PAUSE && w !== 'x');
    expect(words.filter((w) => !vocabulary.has(w))).toEqual([]);
  });
});
