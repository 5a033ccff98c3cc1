/**
 * Words espeak-ng may say badly, found by their phonemes (synthesize_ipa), for the lexicon
 * (src/speech/lexicon.ts): abbreviations in capitals, words it switches to another language's
 * rules for ("(en)" in the phonemes), and signs or digits. Listens to nothing; a person judges the list.
 * Usage: node --import tsx scripts/speech/find-mangled.ts [kk|ru|en]
 */
import init from '@echogarden/espeak-ng-emscripten';
import { LANGS } from '../../src/i18n';
import type { Lang } from '../../src/protocol/common';
import { clipsOf } from '../../src/speech/message-parts';
import { VOICES } from './speech-settings';

const worker = new (await init()).eSpeakNGWorker();
const only = process.argv[2] as Lang | undefined;
const SUSPECT = /^[\p{Lu}\d₸№+]{2,}|[₸№]|\d/u;

for (const lang of LANGS.filter((l) => !only || l === only)) {
  worker.set_voice(VOICES[lang]);
  const seen = new Set<string>();
  for (const clip of clipsOf(lang).values()) {
    for (const word of clip.spoken.split(/[\s,.:;!?«»()]+/u)) {
      if (seen.has(word) || word === '') continue;
      seen.add(word);
      const ipa = worker.synthesize_ipa(word, 0).ipa.trim();
      if (SUSPECT.test(word) || ipa.includes('(')) console.log(`${lang}\t${word}\t${ipa}`);
    }
  }
}
