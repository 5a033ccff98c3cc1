// Words espeak-ng says badly, written as they should sound, per language; applied to a message
// before synthesis only (the screen keeps its spelling). Found with `synthesize_ipa`
// (scripts/speech/find-mangled.ts): an abbreviation read as a word (ЖСН as "ʒəsənə"), a letter
// name switched to English, a sign skipped (₸), an abbreviation of a unit read as a letter (с).
import type { Lang } from '../protocol/common';

type Rule = readonly [pattern: RegExp, spoken: string];

/** Letter by letter, with Kazakh letter names; a Latin abbreviation by its usual reading. */
const KK: readonly Rule[] = [
  [/ЖСН/g, 'жэ эс эн'],
  [/ХҚКО/g, 'хэ қа ка о'],
  [/МАБ/g, 'эм а бэ'],
  [/БМГ/g, 'бэ эм гэ'],
  [/SMS/g, 'эс эм эс'],
  [/QR/g, 'кью ар'],
  [/egov\.kz/g, 'и гов кей зед'],
  [/₸/g, 'теңге'],
  [/№/g, 'нөмірі'],
  // A figure with a case ending: espeak-ng reads "6-ға" as "алтыра" and "+7" by English rules.
  [/\+7-ден/g, 'плюс жетіден'],
  [/7-ден/g, 'жетіден'],
  [/1-ден/g, 'бірден'],
  [/6-ға/g, 'алтыға'],
];

const RU: readonly Rule[] = [
  [/ИИН/g, 'и и эн'],
  [/БМГ/g, 'бэ эм гэ'],
  [/МРП/g, 'эм эр пэ'],
  [/SMS/g, 'эс эм эс'],
  [/QR/g, 'кью ар'],
  [/egov\.kz/g, 'и гов кей зед'],
  [/₸/g, 'тенге'],
  // Units after a count, shortened on screen ("через {s} с"): said in full. The count before them
  // is said in words at run time, so the plural is the one for most counts (пять секунд).
  [/(\{\w+\}) с(?!\p{L})/gu, '$1 секунд'],
  [/(\{\w+\}) мин(?!\p{L})/gu, '$1 минут'],
  [/(\{\w+\}) ч(?!\p{L})/gu, '$1 часов'],
];

const EN: readonly Rule[] = [
  // Read as the word "in".
  [/IIN/g, 'I I N'],
  [/₸/g, 'tenge'],
  [/egov\.kz/g, 'e gov dot kay zed'],
  [/(\{\w+\}) s(?!\p{L})/gu, '$1 seconds'],
  [/(\{\w+\}) min(?!\p{L})/gu, '$1 minutes'],
  [/(\{\w+\}) h(?!\p{L})/gu, '$1 hours'],
];

const LEXICON: Record<Lang, readonly Rule[]> = { kk: KK, ru: RU, en: EN };

/** The text as espeak-ng should read it; placeholders ({n}) stay where they are. */
export function applyLexicon(lang: Lang, text: string): string {
  return LEXICON[lang].reduce((spoken, [pattern, replacement]) => spoken.replace(pattern, replacement), text);
}
