// The audio guidance's clips as the build names them (scripts/speech/, docs/speech.md): which clip
// says which part of a message, and which clips a page asked for.
import type { Page } from '@playwright/test';
import { CATALOGUES, type MessageKey } from '../../src/i18n';
import type { Lang } from '../../src/protocol';
import { clipsOf, splitMessage } from '../../src/speech/message-parts';
import { clipHash, speechSettings } from '../../scripts/speech/speech-settings';
import { REPO_ROOT } from './paths';

const settings = speechSettings(REPO_ROOT);
export const CLIPS = { kk: clipsOf('kk'), ru: clipsOf('ru'), en: clipsOf('en') };

/** The address of the clip that says `key` (a message's part, or a word) in `lang`, as the build names it. */
export function clipUrl(lang: Lang, key: string): string {
  const clip = CLIPS[lang].get(key);
  if (!clip) throw new Error(`no ${lang} clip for ${JSON.stringify(key)}`);
  return `/speech/${lang}/${clipHash(settings, lang, clip.spoken)}.mp3`;
}

/** The keys of a message's fixed parts, each said by its own clip. */
export function partsOf(lang: Lang, message: MessageKey): string[] {
  return splitMessage(lang, CATALOGUES[lang][message]).flatMap((s) => (s.kind === 'text' && s.key !== null ? [s.key] : []));
}

/** The clips a page asked for, as they are asked (and whether the service worker's precache answered). */
export function listenForClips(page: Page): { urls: Set<string>; fromServiceWorker: Map<string, boolean> } {
  const urls = new Set<string>();
  const fromServiceWorker = new Map<string, boolean>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/speech/')) urls.add(path);
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/speech/')) fromServiceWorker.set(path, response.fromServiceWorker() && response.status() === 200);
  });
  return { urls, fromServiceWorker };
}

/** The clips that say a title as shown: the catalogue message it is, in the language it is in. */
export function titleClips(lang: Lang, title: string): string[] {
  const catalogue = CATALOGUES[lang];
  const key = (Object.keys(catalogue) as MessageKey[]).find((k) => catalogue[k] === title);
  if (!key) throw new Error(`the ${lang} title ${JSON.stringify(title)} is no message of the catalogue`);
  return partsOf(lang, key).map((part) => clipUrl(lang, part));
}
