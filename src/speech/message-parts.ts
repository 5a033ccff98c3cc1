// A catalogue message cut at its {placeholders} into the fixed parts that are spoken as clips made
// at build time; the values between them are said at run time from the vocabulary (spoken-values.ts).
// The build (scripts/speech/) and the kiosk cut the same way, so a part's text is its clip's key.
import { CATALOGUES, LANG_NAMES, LANGS, type MessageKey } from '../i18n';
import type { Lang } from '../protocol/common';
import { applyLexicon } from './lexicon';
import { valueVocabulary } from './spoken-values';

export type Segment =
  /** `key` is null for a part with nothing to say, such as the ", " between two placeholders. */
  | { kind: 'text'; shown: string; key: string | null; spoken: string }
  | { kind: 'slot'; name: string };

const SLOT = /\{(\w+)\}/g;

/** Whitespace as one space, as the screen's text is compared. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The part said, without the punctuation that joined it to a placeholder ("(", ": ", "-"); null if nothing is left to say. */
export function clipText(text: string): string | null {
  const cleaned = normalise(text)
    .replace(/^[\s,.:;()«»\-–—]+/u, '')
    .replace(/[\s,:;()«\-–—]+$/u, '');
  return /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : null;
}

function splitAtSlots(template: string): Array<{ kind: 'text'; text: string } | { kind: 'slot'; name: string }> {
  const out: Array<{ kind: 'text'; text: string } | { kind: 'slot'; name: string }> = [];
  let last = 0;
  for (const match of template.matchAll(SLOT)) {
    if (match.index > last) out.push({ kind: 'text', text: template.slice(last, match.index) });
    out.push({ kind: 'slot', name: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < template.length) out.push({ kind: 'text', text: template.slice(last) });
  return out;
}

/**
 * "Төлеуге: {amount}" → the part "Төлеуге" and the slot amount. The lexicon is applied to the whole
 * message first (a rule may look at a placeholder: "{s} с" → "{s} секунд"), then both are cut alike.
 */
export function splitMessage(lang: Lang, template: string): Segment[] {
  const shown = splitAtSlots(template);
  const spoken = splitAtSlots(applyLexicon(lang, template));
  if (shown.length !== spoken.length) throw new Error(`the ${lang} lexicon changed the placeholders of ${JSON.stringify(template)}`);
  return shown.map((segment, i) => {
    if (segment.kind === 'slot') return segment;
    const said = spoken[i];
    const key = clipText(segment.text);
    return { kind: 'text', shown: segment.text, key, spoken: said?.kind === 'text' ? (clipText(said.text) ?? '') : '' };
  });
}

/** One clip to make: `key` is what the kiosk looks it up by, `spoken` what espeak-ng reads. */
export interface ClipNeed {
  key: string;
  spoken: string;
}

/** Where a clip is needed: a catalogue message's part, a language's name, or a word for values. */
export type ClipSource = { message: MessageKey } | { language: Lang } | { vocabulary: true };

/**
 * Every clip one language needs, each once: the parts of every message of its catalogue, its name
 * on the first screen, and the words that values are said with.
 */
export function clipsOf(lang: Lang): Map<string, ClipNeed & { sources: ClipSource[] }> {
  const clips = new Map<string, ClipNeed & { sources: ClipSource[] }>();
  const add = (need: ClipNeed, source: ClipSource) => {
    const known = clips.get(need.key);
    if (known) known.sources.push(source);
    else clips.set(need.key, { ...need, sources: [source] });
  };
  for (const [message, template] of Object.entries(CATALOGUES[lang]) as Array<[MessageKey, string]>) {
    for (const segment of splitMessage(lang, template)) {
      if (segment.kind === 'text' && segment.key !== null) add({ key: segment.key, spoken: segment.spoken }, { message });
    }
  }
  add({ key: LANG_NAMES[lang], spoken: LANG_NAMES[lang] }, { language: lang });
  for (const word of valueVocabulary(lang)) add({ key: word, spoken: applyLexicon(lang, word) }, { vocabulary: true });
  return clips;
}

/** What the build made: per language, each clip's key → its file under the kiosk's origin. */
export type SpeechManifest = Record<Lang, Record<string, string>>;

/**
 * The catalogue check: messages (and language names) with a part that has no clip in `manifest`,
 * or with nothing to say at all. The build fails on any (scripts/speech/build-speech.ts).
 */
export function unspokenMessages(manifest: SpeechManifest): Array<{ lang: Lang; message: string; part: string | null }> {
  const missing: Array<{ lang: Lang; message: string; part: string | null }> = [];
  for (const lang of LANGS) {
    const clips = manifest[lang] ?? {};
    for (const [message, template] of Object.entries(CATALOGUES[lang])) {
      const segments = splitMessage(lang, template);
      if (!segments.some((s) => s.kind === 'slot' || s.key !== null)) missing.push({ lang, message, part: null });
      for (const segment of segments) {
        if (segment.kind === 'text' && segment.key !== null && !clips[segment.key]) missing.push({ lang, message, part: segment.key });
      }
    }
    if (!clips[LANG_NAMES[lang]]) missing.push({ lang, message: 'language name', part: LANG_NAMES[lang] });
  }
  return missing;
}
