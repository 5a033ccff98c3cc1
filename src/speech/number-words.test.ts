import { describe, expect, it } from 'vitest';
import { numberVocabulary, numberWords, ordinalWords, ruPluralForm, yearWords } from './number-words';

const said = (words: string[]) => words.join(' ');

describe('numbers in words', () => {
  it('says an amount in Kazakh', () => {
    expect(said(numberWords('kk', 0))).toBe('нөл');
    expect(said(numberWords('kk', 786))).toBe('жеті жүз сексен алты');
    expect(said(numberWords('kk', 34_600))).toBe('отыз төрт мың алты жүз');
    expect(said(numberWords('kk', 1_100))).toBe('мың жүз');
    expect(said(numberWords('kk', 2_026))).toBe('екі мың жиырма алты');
  });

  it('says thousands in Russian with тысяча, тысячи and тысяч', () => {
    expect(said(numberWords('ru', 1_000))).toBe('тысяча');
    expect(said(numberWords('ru', 21_000))).toBe('двадцать одна тысяча');
    expect(said(numberWords('ru', 2_000))).toBe('две тысячи');
    expect(said(numberWords('ru', 34_600))).toBe('тридцать четыре тысячи шестьсот');
    expect(said(numberWords('ru', 5_000))).toBe('пять тысяч');
    expect(said(numberWords('ru', 11_000))).toBe('одиннадцать тысяч');
    expect(said(numberWords('ru', 912))).toBe('девятьсот двенадцать');
    expect(said(numberWords('ru', 2, true))).toBe('две');
  });

  it('says numbers in English', () => {
    expect(said(numberWords('en', 786))).toBe('seven hundred eighty six');
    expect(said(numberWords('en', 34_600))).toBe('thirty four thousand six hundred');
    expect(said(numberWords('en', 15))).toBe('fifteen');
  });

  it('refuses what it cannot say rather than saying it wrong', () => {
    expect(() => numberWords('kk', 1_000_000)).toThrow(RangeError);
    expect(() => numberWords('ru', -1)).toThrow(RangeError);
    expect(() => numberWords('en', 1.5)).toThrow(RangeError);
  });

  it('picks the Russian plural form', () => {
    expect([1, 2, 5, 11, 14, 21, 22, 25, 111].map(ruPluralForm)).toEqual(['one', 'few', 'many', 'many', 'many', 'one', 'few', 'many', 'many']);
  });

  it('says ordinals for a date', () => {
    expect(said(ordinalWords('kk', 15))).toBe('он бесінші');
    expect(said(ordinalWords('kk', 20))).toBe('жиырмасыншы');
    expect(said(ordinalWords('kk', 6))).toBe('алтыншы');
    expect(said(ordinalWords('ru', 3, 'dative'))).toBe('третьему');
    expect(said(ordinalWords('ru', 21, 'dative'))).toBe('двадцать первому');
    expect(said(ordinalWords('ru', 27, 'genitive'))).toBe('двадцать седьмого');
    expect(said(ordinalWords('ru', 40, 'genitive'))).toBe('сорокового');
    expect(said(ordinalWords('en', 22))).toBe('twenty second');
    expect(said(ordinalWords('en', 30))).toBe('thirtieth');
    expect(said(yearWords('kk', 2027))).toBe('екі мың жиырма жетінші');
    expect(said(yearWords('ru', 2027))).toBe('две тысячи двадцать седьмого');
    expect(said(yearWords('ru', 2000))).toBe('двухтысячного');
  });

  it.each(['kk', 'ru', 'en'] as const)('in %s, every number to a million is said with the words made at build time', (lang) => {
    const vocabulary = new Set(numberVocabulary(lang));
    for (let n = 0; n < 1_000_000; n += 997) for (const word of numberWords(lang, n)) expect(vocabulary.has(word), `${n}: ${word}`).toBe(true);
    for (let d = 1; d <= 31; d++) for (const word of ordinalWords(lang, d, 'dative')) expect(vocabulary.has(word), word).toBe(true);
    for (let y = 2000; y < 2100; y++) for (const word of yearWords(lang, y)) expect(vocabulary.has(word), word).toBe(true);
  });
});
