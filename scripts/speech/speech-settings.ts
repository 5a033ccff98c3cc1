// What a clip is made with. Every setting is part of a clip's cache key, so changing one (a newer
// espeak-ng, a slower rate, another bitrate) makes every clip again, and nothing else does.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/protocol/common';

function versionOf(root: string, name: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return `${name}@${pkg.version}`;
}

export interface SpeechSettings {
  engine: string;
  encoder: string;
  /** espeak-ng's words a minute: slower than its 175, for a first-time user listening in a public hall. */
  rate: number;
  /** Mono MP3 at espeak-ng's own 22,050 Hz. */
  kbps: number;
  /** Silence kept before and after the voice, in ms: clips said one after another need no more. */
  padMs: readonly [before: number, after: number];
}

export function speechSettings(root: string): SpeechSettings {
  return {
    engine: versionOf(root, '@echogarden/espeak-ng-emscripten'),
    encoder: versionOf(root, '@breezystack/lamejs'),
    rate: 150,
    kbps: 32,
    padMs: [20, 90],
  };
}

export const SAMPLE_RATE = 22_050;

/** espeak-ng's voice for each of the kiosk's languages. */
export const VOICES: Record<Lang, string> = { kk: 'kk', ru: 'ru', en: 'en' };

/** Made clips, shared by every build on this machine, never committed (node_modules/ is ignored); bench/speech.ts starts from an empty one. */
export function cacheDir(root: string): string {
  return process.env.KIOSK_SPEECH_CACHE ?? join(root, 'node_modules', '.cache', 'kiosk-speech');
}

/** A clip's name: its text, voice and every setting, so a changed text is a new clip and the old one is not served. */
export function clipHash(settings: SpeechSettings, lang: Lang, spoken: string): string {
  return createHash('sha256').update(JSON.stringify({ settings, voice: VOICES[lang], spoken })).digest('hex').slice(0, 16);
}

/** One clip for a worker (synth-worker.ts) to make. */
export interface SynthJob {
  voice: string;
  spoken: string;
  /** Where the MP3 goes. */
  path: string;
}
export interface SynthResult {
  path: string;
  seconds: number;
  bytes: number;
}
