// The screen back to the catalogue: a text shown is matched to the message it was made from
// (placeholders as wildcards), and said as that message's clips with its values in between.
import { CATALOGUES, LANG_NAMES, type MessageKey } from '../i18n';
import type { Lang } from '../protocol/common';
import { normalise, splitMessage, type Segment } from './message-parts';
import { numberWords } from './number-words';
import { amountWords, dateWords, spellWords } from './spoken-values';

/** What to say: clip keys in one language, PAUSE ('') for a short silence. */
export interface Utterance {
  lang: Lang;
  words: string[];
}

/** Whether the citizen listens on headphones: only then is personal data said aloud. */
export interface Listening {
  private: boolean;
}

type SlotKind = 'count' | 'amount' | 'date' | 'spell' | 'message';
/** The catalogue's placeholders by what they hold; a new placeholder name is said as a message, a number or spelt. */
const SLOT_KINDS: Readonly<Record<string, SlotKind>> = { n: 'count', total: 'count', s: 'count', amount: 'amount', date: 'date', phone: 'spell', wait: 'message' };
/** Placeholders that hold personal data: kept from the loudspeaker as data-personal elements are. */
const PERSONAL_SLOTS: ReadonlySet<string> = new Set(['phone', 'name']);
const SLOT_PATTERN: Readonly<Record<SlotKind, string>> = { count: '(\\d+)', date: '(\\d{1,2}\\.\\d{1,2}\\.\\d{4})', amount: '(.+?)', spell: '(.+?)', message: '(.+?)' };

interface Template {
  key: MessageKey | 'language.name';
  segments: Segment[];
  pattern: RegExp;
  /** How much of it is fixed text: the most specific template wins ("Новый код через {s} с" over "{n} с"). */
  fixed: number;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(lang: Lang, key: Template['key'], template: string): Template {
  const segments = splitMessage(lang, normalise(template));
  const source = segments.map((s) => (s.kind === 'slot' ? SLOT_PATTERN[SLOT_KINDS[s.name] ?? 'message'] : escape(s.shown))).join('');
  const fixed = segments.reduce((sum, s) => sum + (s.kind === 'text' ? s.shown.length : 0), 0);
  return { key, segments, pattern: new RegExp(`^${source}$`, 'u'), fixed };
}

const compiled = new Map<Lang, Template[]>();
function templates(lang: Lang): Template[] {
  let list = compiled.get(lang);
  if (!list) {
    list = (Object.entries(CATALOGUES[lang]) as Array<[MessageKey, string]>).map(([key, text]) => compile(lang, key, text));
    list.push(compile(lang, 'language.name', LANG_NAMES[lang]));
    list.sort((a, b) => b.fixed - a.fixed);
    compiled.set(lang, list);
  }
  return list;
}

/** The message a text shown was made from, and its values; null when no message makes it. */
export function matchMessage(lang: Lang, text: string): { key: Template['key']; values: Record<string, string> } | null {
  const shown = normalise(text);
  for (const template of templates(lang)) {
    const match = template.pattern.exec(shown);
    if (!match) continue;
    const values: Record<string, string> = {};
    let group = 1;
    for (const segment of template.segments) if (segment.kind === 'slot') values[segment.name] = match[group++] ?? '';
    return { key: template.key, values };
  }
  return null;
}

function hiddenWord(lang: Lang): string {
  return CATALOGUES[lang]['speech.hidden'];
}

/** A value put into a placeholder, said by what it holds; null when it cannot be said. */
function valueWords(lang: Lang, slot: string, value: string, listening: Listening): string[] | null {
  if (PERSONAL_SLOTS.has(slot) && !listening.private) return [hiddenWord(lang)];
  const kind = SLOT_KINDS[slot] ?? 'message';
  if (kind === 'count' && /^\d+$/.test(value)) return numberWords(lang, Number(value));
  if (kind === 'amount') return amountWords(lang, value);
  if (kind === 'date') return dateWords(lang, value);
  if (kind === 'spell') return spellWords(lang, value, hiddenWord(lang));
  const nested = messageWords(lang, value, listening);
  if (nested) return nested;
  return /^\d+$/.test(value) ? numberWords(lang, Number(value)) : null;
}

function messageWords(lang: Lang, text: string, listening: Listening): string[] | null {
  const matched = matchMessage(lang, text);
  if (!matched) return null;
  const words: string[] = [];
  for (const segment of splitMessage(lang, templateText(lang, matched.key))) {
    if (segment.kind === 'text') {
      if (segment.key !== null) words.push(segment.key);
      continue;
    }
    const said = valueWords(lang, segment.name, matched.values[segment.name] ?? '', listening);
    if (said === null) return null;
    words.push(...said);
  }
  return words;
}

function templateText(lang: Lang, key: Template['key']): string {
  return key === 'language.name' ? LANG_NAMES[lang] : normalise(CATALOGUES[lang][key]);
}

/**
 * A text shown, as clips: one message, or sentences of several shown together (which the catalogue
 * rules forbid, but an element that breaks it is still said), or a number on a key said digit by digit.
 * Null when the text is not from the catalogue: it is not said rather than said wrong.
 */
export function textWords(lang: Lang, text: string, listening: Listening): string[] | null {
  const shown = normalise(text);
  if (shown === '') return null;
  const whole = messageWords(lang, shown, listening);
  if (whole) return whole;
  if (/^[\d\s]+$/.test(shown)) return spellWords(lang, shown, hiddenWord(lang));
  const sentences = shown.split(/(?<=[.!?…])\s+/u);
  if (sentences.length < 2) return null;
  const words: string[] = [];
  let start = 0;
  // The longest run of sentences that is one message, then the rest.
  while (start < sentences.length) {
    let end = sentences.length;
    let said: string[] | null = null;
    while (end > start) {
      said = messageWords(lang, sentences.slice(start, end).join(' '), listening);
      if (said) break;
      end--;
    }
    if (!said) return null;
    words.push(...said);
    start = end;
  }
  return words;
}

/**
 * An element marked data-personal (the IIN's digits, the phone, the code, the application number):
 * said only on headphones, character by character when data-spell says so; else "hidden".
 */
export function personalWords(lang: Lang, text: string, options: { spell: boolean } & Listening): string[] | null {
  if (!options.private) return [hiddenWord(lang)];
  if (options.spell) return spellWords(lang, text, hiddenWord(lang));
  return textWords(lang, text, options);
}
