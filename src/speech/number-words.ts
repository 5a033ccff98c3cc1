// Numbers said in words, one word a clip: the speech is made at build time, so an amount or a count
// is put together at run time from the words below (every word any number under a million uses).
import type { Lang } from '../protocol/common';

const KK_UNITS = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const KK_TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];
/** Kazakh ordinals change the last word only; жиырма and қырық change their stem. */
const KK_ORDINAL: Record<string, string> = {
  бір: 'бірінші', екі: 'екінші', үш: 'үшінші', төрт: 'төртінші', бес: 'бесінші', алты: 'алтыншы',
  жеті: 'жетінші', сегіз: 'сегізінші', тоғыз: 'тоғызыншы', он: 'оныншы', жиырма: 'жиырмасыншы',
  отыз: 'отызыншы', қырық: 'қырқыншы', елу: 'елуінші', алпыс: 'алпысыншы', жетпіс: 'жетпісінші',
  сексен: 'сексенінші', тоқсан: 'тоқсаныншы', жүз: 'жүзінші', мың: 'мыңыншы',
};

const RU_UNITS = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];
/** Ordinal stems: the ending (-ому, -ого) follows; третий's is soft (третьему). */
const RU_ORDINAL_STEMS: Record<string, string> = {
  один: 'перв', два: 'втор', три: 'треть', четыре: 'четвёрт', пять: 'пят', шесть: 'шест', семь: 'седьм',
  восемь: 'восьм', девять: 'девят', десять: 'десят', одиннадцать: 'одиннадцат', двенадцать: 'двенадцат',
  тринадцать: 'тринадцат', четырнадцать: 'четырнадцат', пятнадцать: 'пятнадцат', шестнадцать: 'шестнадцат',
  семнадцать: 'семнадцат', восемнадцать: 'восемнадцат', девятнадцать: 'девятнадцат', двадцать: 'двадцат',
  тридцать: 'тридцат', сорок: 'сороков', пятьдесят: 'пятидесят', шестьдесят: 'шестидесят',
  семьдесят: 'семидесят', восемьдесят: 'восьмидесят', девяносто: 'девяност',
};

const EN_SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_ORDINAL: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', four: 'fourth', five: 'fifth', six: 'sixth', seven: 'seventh',
  eight: 'eighth', nine: 'ninth', ten: 'tenth', eleven: 'eleventh', twelve: 'twelfth', thirteen: 'thirteenth',
  fourteen: 'fourteenth', fifteen: 'fifteenth', sixteen: 'sixteenth', seventeen: 'seventeenth',
  eighteen: 'eighteenth', nineteen: 'nineteenth', twenty: 'twentieth', thirty: 'thirtieth',
};

const ZERO: Record<Lang, string> = { kk: 'нөл', ru: 'ноль', en: 'zero' };
const MAX = 999_999;

function checked(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX) throw new RangeError(`no words for ${n}: 0 to ${MAX} only`);
  return n;
}

function kkBelowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  // 100 is "жүз", 200 "екі жүз": "бір жүз" is heard too, but the short form is the usual one.
  if (hundreds > 1) words.push(KK_UNITS[hundreds] ?? '');
  if (hundreds > 0) words.push('жүз');
  const tens = Math.floor((n % 100) / 10);
  if (tens > 0) words.push(KK_TENS[tens] ?? '');
  const units = n % 10;
  if (units > 0) words.push(KK_UNITS[units] ?? '');
  return words;
}

function ruBelowThousand(n: number, feminine: boolean): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  if (hundreds > 0) words.push(RU_HUNDREDS[hundreds] ?? '');
  const rest = n % 100;
  if (rest >= 10 && rest < 20) return [...words, RU_TEENS[rest - 10] ?? ''];
  const tens = Math.floor(rest / 10);
  if (tens > 0) words.push(RU_TENS[tens] ?? '');
  const units = rest % 10;
  if (units === 1 && feminine) words.push('одна');
  else if (units === 2 && feminine) words.push('две');
  else if (units > 0) words.push(RU_UNITS[units] ?? '');
  return words;
}

/** One, few or many: тысяча / тысячи / тысяч, and the same rule for every counted noun in Russian. */
export function ruPluralForm(n: number): 'one' | 'few' | 'many' {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 'many';
  if (last === 1) return 'one';
  if (last >= 2 && last <= 4) return 'few';
  return 'many';
}

const RU_THOUSAND = { one: 'тысяча', few: 'тысячи', many: 'тысяч' } as const;

function enBelowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  if (hundreds > 0) words.push(EN_SMALL[hundreds] ?? '', 'hundred');
  const rest = n % 100;
  if (rest > 0 && rest < 20) words.push(EN_SMALL[rest] ?? '');
  else if (rest >= 20) {
    words.push(EN_TENS[Math.floor(rest / 10)] ?? '');
    if (rest % 10 > 0) words.push(EN_SMALL[rest % 10] ?? '');
  }
  return words;
}

/**
 * 34 600 → ["отыз", "төрт", "мың", "алты", "жүз"]. `feminine` is for Russian nouns such as секунда
 * (одна, две); Kazakh and English have no gender.
 */
export function numberWords(lang: Lang, n: number, feminine = false): string[] {
  checked(n);
  if (n === 0) return [ZERO[lang]];
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (lang === 'kk') {
    // 1000 is "мың", as 100 is "жүз".
    const head = thousands === 0 ? [] : [...(thousands > 1 ? kkBelowThousand(thousands) : []), 'мың'];
    return [...head, ...kkBelowThousand(rest)];
  }
  if (lang === 'ru') {
    const head = thousands === 0 ? [] : [...(thousands > 1 ? ruBelowThousand(thousands, true) : []), RU_THOUSAND[ruPluralForm(thousands)]];
    return [...head, ...ruBelowThousand(rest, feminine)];
  }
  const head = thousands === 0 ? [] : [...enBelowThousand(thousands), 'thousand'];
  return [...head, ...enBelowThousand(rest)];
}

/** Russian ordinal endings by case: the day "к пятнадцатому", the year "двадцать седьмого года". */
export type RuCase = 'genitive' | 'dative';

function ruOrdinalWord(word: string, grammaticalCase: RuCase): string {
  if (word === 'сто') return grammaticalCase === 'genitive' ? 'сотого' : 'сотому';
  const stem = RU_ORDINAL_STEMS[word];
  if (!stem) throw new RangeError(`no Russian ordinal for ${word}`);
  const soft = stem.endsWith('ь');
  if (grammaticalCase === 'genitive') return `${stem}${soft ? 'его' : 'ого'}`;
  return `${stem}${soft ? 'ему' : 'ому'}`;
}

function ordinalOfLast(words: string[], change: (word: string) => string): string[] {
  const last = words.at(-1) ?? '';
  return [...words.slice(0, -1), change(last)];
}

/**
 * 15 → ["он", "бесінші"] (kk), ["пятнадцатому"] (ru, dative), ["fifteenth"] (en); up to 99, which
 * is all a date's day needs. `grammaticalCase` is Russian's only.
 */
export function ordinalWords(lang: Lang, n: number, grammaticalCase: RuCase = 'genitive'): string[] {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no ordinal for ${n}: 1 to 99 only`);
  const cardinal = numberWords(lang, n);
  if (lang === 'kk') return ordinalOfLast(cardinal, (w) => KK_ORDINAL[w] ?? w);
  if (lang === 'ru') return ordinalOfLast(cardinal, (w) => ruOrdinalWord(w, grammaticalCase));
  return ordinalOfLast(cardinal, (w) => EN_ORDINAL[w] ?? `${w.replace(/y$/, 'ie')}th`);
}

/** A year as a date says it: "екі мың жиырма жетінші" (kk), "две тысячи двадцать седьмого" (ru), "two thousand twenty seven" (en). */
export function yearWords(lang: Lang, year: number): string[] {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`no words for the year ${year}: 2000 to 2099 only`);
  const rest = year - 2000;
  if (lang === 'en') return numberWords('en', year);
  if (lang === 'kk') return rest === 0 ? ['екі', 'мыңыншы'] : ['екі', 'мың', ...ordinalWords('kk', rest)];
  return rest === 0 ? ['двухтысячного'] : ['две', 'тысячи', ...ordinalWords('ru', rest, 'genitive')];
}

/** Every word numberWords, ordinalWords and yearWords can give: each one is a clip made at build time. */
export function numberVocabulary(lang: Lang): string[] {
  const words = new Set<string>();
  const add = (list: string[]) => list.forEach((w) => words.add(w));
  // Below a thousand covers every word; the thousands add their own (тысяча, тысячи, тысяч, одна, две).
  for (let n = 0; n < 1000; n++) add(numberWords(lang, n));
  for (const n of [1000, 2000, 5000, 21_000]) add(numberWords(lang, n));
  for (let n = 1; n < 100; n++) {
    add(ordinalWords(lang, n, 'genitive'));
    add(ordinalWords(lang, n, 'dative'));
  }
  add(yearWords(lang, 2000));
  if (lang === 'ru') add(numberWords('ru', 2, true));
  return [...words];
}
