// How the values put into a message's placeholders are said: a count or an amount in words, a
// date as the receipt shows it, a number such as the IIN or 7K2M-… character by character.
// Each word returned is one clip made at build time (valueVocabulary lists them all).
import type { Lang } from '../protocol/common';
import { numberVocabulary, numberWords, ordinalWords, ruPluralForm, yearWords } from './number-words';

/** A short silence between groups: the IIN's date and the rest, the phone's groups. */
export const PAUSE = '';

const DIGITS: Record<Lang, readonly string[]> = {
  kk: ['нөл', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'],
  ru: ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
};

/**
 * The application number's letters (Crockford's base32: no I, L, O, U) by their English names, as
 * a Latin letter is usually named in Kazakhstan; written for each voice to say them alike.
 */
const LETTERS: Record<Lang, Readonly<Record<string, string>>> = {
  kk: { A: 'эй', B: 'би', C: 'си', D: 'ди', E: 'и', F: 'эф', G: 'джи', H: 'эйч', J: 'джей', K: 'кей', M: 'эм', N: 'эн', P: 'пи', Q: 'кью', R: 'ар', S: 'эс', T: 'ти', V: 'ви', W: 'дабл ю', X: 'экс', Y: 'уай', Z: 'зед' },
  ru: { A: 'эй', B: 'би', C: 'си', D: 'ди', E: 'и', F: 'эф', G: 'джи', H: 'эйч', J: 'джей', K: 'кей', M: 'эм', N: 'эн', P: 'пи', Q: 'кью', R: 'ар', S: 'эс', T: 'ти', V: 'ви', W: 'дабл ю', X: 'экс', Y: 'уай', Z: 'зед' },
  en: { A: 'ay', B: 'bee', C: 'see', D: 'dee', E: 'ee', F: 'ef', G: 'gee', H: 'aitch', J: 'jay', K: 'kay', M: 'em', N: 'en', P: 'pee', Q: 'cue', R: 'ar', S: 'ess', T: 'tee', V: 'vee', W: 'double you', X: 'ex', Y: 'why', Z: 'zed' },
};

const PLUS: Record<Lang, string> = { kk: 'плюс', ru: 'плюс', en: 'plus' };

/** The word said for what is hidden on screen (a masked digit) or kept from the loudspeaker: the catalogue's speech.hidden. */
export type HiddenWord = string;

/**
 * "+7 701 *** ** 78" → плюс жеті, жеті нөл бір, <hidden>, жеті сегіз: digits and letters one by one,
 * a pause where the screen has a space or a dash, one "hidden" for a run of masked characters.
 */
export function spellWords(lang: Lang, text: string, hidden: HiddenWord): string[] {
  const words: string[] = [];
  let inMask = false;
  for (const char of text.toUpperCase()) {
    if (char === '*' || char === '•') {
      if (!inMask) words.push(hidden);
      inMask = true;
      continue;
    }
    if (/\s|-/.test(char)) {
      if (!inMask && words.length > 0 && words.at(-1) !== PAUSE) words.push(PAUSE);
      continue;
    }
    inMask = false;
    if (/[0-9]/.test(char)) words.push(DIGITS[lang][Number(char)] ?? '');
    else if (LETTERS[lang][char]) words.push(LETTERS[lang][char]);
    else if (char === '+') words.push(PLUS[lang]);
  }
  return words.at(-1) === PAUSE ? words.slice(0, -1) : words;
}

const TENGE: Record<Lang, string> = { kk: 'теңге', ru: 'тенге', en: 'tenge' };
const TIYN: Record<Lang, Record<'one' | 'few' | 'many', string>> = {
  kk: { one: 'тиын', few: 'тиын', many: 'тиын' },
  ru: { one: 'тиын', few: 'тиына', many: 'тиынов' },
  en: { one: 'tiyn', few: 'tiyn', many: 'tiyn' },
};

/** "34 600 ₸", "786,40 ₸", "786.40 ₸" (formatTiyn's forms) → words; null when it is no amount. */
export function amountWords(lang: Lang, text: string): string[] | null {
  const match = /^([\d\s\u00a0,.]*?\d)(?:[.,](\d{2}))?\s*₸$/.exec(text.trim());
  if (!match) return null;
  const tenge = Number((match[1] ?? '').replace(/[^\d]/g, ''));
  const tiyn = match[2] ? Number(match[2]) : 0;
  if (!Number.isSafeInteger(tenge) || tenge > 999_999) return null;
  const words = [...numberWords(lang, tenge), TENGE[lang]];
  if (tiyn > 0) words.push(...numberWords(lang, tiyn), TIYN[lang][lang === 'ru' ? ruPluralForm(tiyn) : 'many']);
  return words;
}

/** Months as "by {date}" needs them: Kazakh's dative (қаңтарға дейін), Russian's genitive (к 15 января), English's own. */
const MONTHS: Record<Lang, readonly string[]> = {
  kk: ['қаңтарға', 'ақпанға', 'наурызға', 'сәуірге', 'мамырға', 'маусымға', 'шілдеге', 'тамызға', 'қыркүйекке', 'қазанға', 'қарашаға', 'желтоқсанға'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * "15.01.2027" (the ready-by date on the last screen) → the words of "by that date" in each language:
 * "екі мың жиырма жетінші жылғы он бесінші қаңтарға" (дейін follows), "пятнадцатому января две тысячи
 * двадцать седьмого года" (к comes before), "the fifteenth of January two thousand twenty seven".
 * Null when it is no date.
 */
export function dateWords(lang: Lang, text: string): string[] | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const monthName = MONTHS[lang][month - 1];
  if (!monthName || day < 1 || day > 31 || year < 2000 || year > 2099) return null;
  if (lang === 'kk') return [...yearWords('kk', year), 'жылғы', ...ordinalWords('kk', day), monthName];
  if (lang === 'ru') return [...ordinalWords('ru', day, 'dative'), monthName, ...yearWords('ru', year), 'года'];
  return ['the', ...ordinalWords('en', day), 'of', monthName, ...yearWords('en', year)];
}

/** Every word the functions above can say, in one language: each is a clip made at build time. */
export function valueVocabulary(lang: Lang): string[] {
  const words = new Set<string>([...numberVocabulary(lang), ...DIGITS[lang], ...Object.values(LETTERS[lang]), PLUS[lang], TENGE[lang], ...Object.values(TIYN[lang]), ...MONTHS[lang]]);
  for (const word of lang === 'kk' ? ['жылғы'] : lang === 'ru' ? ['года'] : ['the', 'of']) words.add(word);
  return [...words];
}
