/**
 * The kiosk's speech, made at build time (docs/speech.md): every part of every catalogue message,
 * the language names and the words values are said with, in Kazakh, Russian and English, by
 * espeak-ng compiled to WebAssembly and encoded as MP3 in JavaScript — Node alone, no system
 * package. Clips already in the cache are not made again; the rest are shared among the cores.
 * Fails when a message has no audio in some language (the catalogue check).
 * Usage (what the Vite plugin runs; alone for a figure): node --import tsx scripts/speech/make-speech.ts
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LANGS } from '../../src/i18n';
import { clipsOf, unspokenMessages, type SpeechManifest } from '../../src/speech/message-parts';
import type { Lang } from '../../src/protocol/common';
import { cacheDir, clipHash, speechSettings, VOICES, type SpeechSettings, type SynthJob, type SynthResult } from './speech-settings';

export interface MadeSpeech {
  manifest: SpeechManifest;
  /** Each file of the build (speech/<lang>/<hash>.mp3) → the cached clip it is copied from. */
  files: Map<string, string>;
  made: number;
  cached: number;
  ms: number;
}

/** A clip shorter than this is no speech: espeak-ng said nothing for its text. */
const MIN_SECONDS = 0.05;

function runWorkers(jobs: SynthJob[], settings: SpeechSettings, root: string, onDone: (result: SynthResult) => void): Promise<void> {
  // Two cores at most: the build machine and the e2e share them; a worker has ~0.2 s of start-up.
  const count = Math.max(1, Math.min(availableParallelism(), 2, Math.ceil(jobs.length / 40)));
  const shares = Array.from({ length: count }, (_, i) => jobs.filter((_, j) => j % count === i));
  const script = join(root, 'scripts', 'speech', 'synth-worker.ts');
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          // Node 20 loads a worker's own file before any --import hook: the worker's TypeScript is imported through tsx's API.
          const boot = `const { tsImport } = await import('tsx/esm/api'); await tsImport(${JSON.stringify(pathToFileURL(script).href)}, ${JSON.stringify(pathToFileURL(root).href + '/')});`;
          const worker = new Worker(boot, { eval: true, workerData: { jobs: share, settings } });
          worker.on('message', (result: SynthResult) => onDone(result));
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`speech worker exited with ${code}`))));
        }),
    ),
  ).then(() => undefined);
}

export async function makeSpeech(root: string, log: (line: string) => void = console.log): Promise<MadeSpeech> {
  const started = performance.now();
  const settings = speechSettings(root);
  const clipsDir = join(cacheDir(root), 'clips');
  mkdirSync(clipsDir, { recursive: true });
  const manifest = { kk: {}, ru: {}, en: {} } as SpeechManifest;
  const files = new Map<string, string>();
  const jobs = new Map<string, SynthJob & { lang: Lang; key: string }>();
  let cached = 0;
  for (const lang of LANGS) {
    for (const clip of clipsOf(lang).values()) {
      const hash = clipHash(settings, lang, clip.spoken);
      const file = `speech/${lang}/${hash}.mp3`;
      const path = join(clipsDir, `${hash}.mp3`);
      manifest[lang][clip.key] = file;
      files.set(file, path);
      if (existsSync(path) && statSync(path).size > 0) cached++;
      else jobs.set(path, { voice: VOICES[lang], spoken: clip.spoken, path, lang, key: clip.key });
    }
  }
  const silent: string[] = [];
  if (jobs.size > 0) {
    log(`speech: making ${jobs.size} clips (${cached} cached)…`);
    await runWorkers([...jobs.values()], settings, root, (result) => {
      if (result.seconds < MIN_SECONDS) {
        const job = jobs.get(result.path);
        silent.push(`${job?.lang}: ${JSON.stringify(job?.key)}`);
      }
    });
  }
  // A clip made silent is dropped from the manifest, so the check below names its message.
  for (const lang of LANGS) {
    for (const [key, file] of Object.entries(manifest[lang])) {
      const path = files.get(file) ?? '';
      if (!existsSync(path) || statSync(path).size === 0) delete manifest[lang][key];
    }
  }
  const missing = unspokenMessages(manifest);
  if (missing.length > 0 || silent.length > 0) {
    const lines = [...missing.map((m) => `${m.lang} ${m.message}: ${m.part === null ? 'nothing to say' : `no audio for ${JSON.stringify(m.part)}`}`), ...silent.map((s) => `silent clip ${s}`)];
    throw new Error(`speech: the catalogue check failed — messages without audio:\n  ${lines.join('\n  ')}`);
  }
  const ms = Math.round(performance.now() - started);
  log(`speech: ${files.size} clips, ${jobs.size} made, ${cached} cached, ${ms} ms`);
  return { manifest, files, made: jobs.size, cached, ms };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await makeSpeech(process.cwd());
}
