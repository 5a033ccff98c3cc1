// Plays the clips with the Web Audio API: fetched (so the service worker's precache answers
// offline), decoded, said one after another through one GainNode for the volume. One utterance at
// a time: a new one stops the old.
import type { Lang } from '../protocol/common';
import type { Utterance } from './screen-match';
import { PAUSE } from './spoken-values';

const PAUSE_S = 0.2;
/** Between two elements (a title and its hint, two buttons): longer than between words. */
const BETWEEN_S = 0.45;
/** Decoded clips kept: a screen's worth and the vocabulary's digits, not the whole catalogue. */
const KEEP = 160;

export type ClipUrl = (lang: Lang, word: string) => string | null;

export class ClipPlayer {
  #context: AudioContext | null = null;
  #gain: GainNode | null = null;
  readonly #decoded = new Map<string, Promise<AudioBuffer | null>>();
  #sources: AudioBufferSourceNode[] = [];
  /** Bumped by every play and stop: a clip still loading for an older utterance is never started. */
  #turn = 0;
  #volume = 1;

  constructor(private readonly urlOf: ClipUrl) {}

  setVolume(volume: number): void {
    this.#volume = volume;
    if (this.#gain) this.#gain.gain.value = volume;
  }

  stop(): void {
    this.#turn++;
    for (const source of this.#sources) {
      try {
        source.stop();
      } catch {
        // Not started yet, or ended: nothing to stop.
      }
    }
    this.#sources = [];
  }

  async play(utterances: Utterance[]): Promise<void> {
    this.stop();
    const turn = this.#turn;
    const context = this.#audio();
    // A kiosk launched with --autoplay-policy=no-user-gesture-required starts at once; a browser
    // without it starts after the first touch (the listen button is one).
    if (context.state === 'suspended') await context.resume().catch(() => {});
    const plan = utterances.flatMap((u, i) => [...(i > 0 ? [null] : []), ...u.words.map((word) => ({ lang: u.lang, word }))]);
    // Every clip is asked for at once; each is started as soon as it and those before it are there.
    const loads = plan.map((item) => (item === null || item.word === PAUSE ? null : this.#load(item.lang, item.word)));
    let at = context.currentTime + 0.05;
    for (const [i, item] of plan.entries()) {
      if (item === null || item.word === PAUSE) {
        at += item === null ? BETWEEN_S : PAUSE_S;
        continue;
      }
      const buffer = await loads[i];
      if (turn !== this.#turn) return;
      if (!buffer) continue;
      at = Math.max(at, context.currentTime + 0.02);
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(this.#gain ?? context.destination);
      source.start(at);
      source.onended = () => (this.#sources = this.#sources.filter((s) => s !== source));
      this.#sources.push(source);
      at += buffer.duration;
    }
  }

  #audio(): AudioContext {
    if (!this.#context) {
      this.#context = new AudioContext();
      this.#gain = this.#context.createGain();
      this.#gain.gain.value = this.#volume;
      this.#gain.connect(this.#context.destination);
    }
    return this.#context;
  }

  #load(lang: Lang, word: string): Promise<AudioBuffer | null> {
    const url = this.urlOf(lang, word);
    if (url === null) {
      console.warn(`speech: no clip for ${lang} ${JSON.stringify(word)}`);
      return Promise.resolve(null);
    }
    const known = this.#decoded.get(url);
    if (known) {
      // Most recently used last, so the oldest is dropped first.
      this.#decoded.delete(url);
      this.#decoded.set(url, known);
      return known;
    }
    const loading = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} for ${url}`);
        return response.arrayBuffer();
      })
      .then((bytes) => this.#audio().decodeAudioData(bytes))
      .catch((error: unknown) => {
        // A clip that cannot be had is skipped, and asked for again next time.
        console.warn('speech: a clip could not be played', error);
        this.#decoded.delete(url);
        return null;
      });
    this.#decoded.set(url, loading);
    if (this.#decoded.size > KEEP) this.#decoded.delete(this.#decoded.keys().next().value ?? '');
    return loading;
  }
}
