// The kiosk's Speaker (speaker.ts): the screen said from the clips made at build time, a volume,
// and speech by itself when the citizen listens on headphones.
import manifest from 'virtual:kiosk-speech';
import type { Session } from '../flow/session.svelte';
import type { Lang } from '../protocol/common';
import { ClipPlayer } from './clip-player';
import { GuidanceFilter } from './guidance-filter';
import { watchHeadset } from './headset';
import type { Listening } from './screen-match';
import { elementUtterances, screenRoot, screenUtterances } from './screen-reader';
import type { Speaker, SpeechVolume } from './speaker';

/** Gains of the volume's steps: the default is the clips as made; the loudest is for a noisy hall. */
const GAINS = [0.3, 0.5, 0.75, 1, 1.4, 1.9] as const;
const DEFAULT_STEP = 3;

function clipUrl(lang: Lang, word: string): string | null {
  const file = manifest[lang]?.[word];
  return file ? `${import.meta.env.BASE_URL}${file}` : null;
}

class Volume implements SpeechVolume {
  step = $state(DEFAULT_STEP);
  readonly steps = GAINS.length;
  constructor(private readonly apply: (gain: number) => void) {}
  up(): void {
    this.#set(this.step + 1);
  }
  down(): void {
    this.#set(this.step - 1);
  }
  reset(): void {
    this.#set(DEFAULT_STEP);
  }
  #set(step: number): void {
    this.step = Math.max(0, Math.min(GAINS.length - 1, step));
    this.apply(GAINS[this.step] ?? 1);
  }
}

export class KioskSpeaker implements Speaker {
  readonly #player = new ClipPlayer(clipUrl);
  readonly volume = new Volume((gain) => this.#player.setVolume(gain));
  /** A headset is in the terminal's jack (and the profile says it has one). */
  #headset = false;

  /**
   * `testerHeadset`: ?headset=1 (src/config.ts). `jackFitted`: the profile's `headphones: 'fitted'`,
   * without which a headset is not looked for.
   */
  constructor(
    private readonly testerHeadset: boolean,
    private readonly jackFitted: boolean,
  ) {}

  /** On headphones: the screen is said by itself, personal data aloud. */
  get listening(): Listening {
    return { private: this.testerHeadset || (this.jackFitted && this.#headset) };
  }

  speakScreen(): void {
    const root = screenRoot();
    if (root) void this.#player.play(screenUtterances(root, this.listening));
  }

  speakElement(element: Element): void {
    this.speakElements([element]);
  }

  speakElements(elements: Element[]): void {
    const utterances = elements.flatMap((element) => elementUtterances(element, this.listening));
    if (utterances.length > 0) void this.#player.play(utterances);
  }

  stop(): void {
    this.#player.stop();
  }

  /**
   * Watches for a headset and for what changes on screen; the session's end stops the speech and
   * puts the volume back. Returns the stop.
   */
  start(session: Session): () => void {
    const auto = watchScreen(this);
    const stopHeadset = this.jackFitted
      ? watchHeadset((plugged) => {
          this.#headset = plugged;
          auto.look();
        })
      : () => {};
    const stopWipe = session.onWipe(() => {
      this.stop();
      this.volume.reset();
    });
    return () => {
      auto.stop();
      stopHeadset();
      stopWipe();
      this.stop();
    };
  }
}

/**
 * On headphones: a new screen (a step, an open dialog, a new title, another language) is said
 * whole; then a message that appears, and the camera's live guidance as it changes.
 */
function watchScreen(speaker: KioskSpeaker): { look(): void; stop(): void } {
  let screen = '';
  // Not state: nothing on screen depends on what was said.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  let heard = new Set<string>();
  const guidance = new GuidanceFilter();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const look = () => {
    timer = undefined;
    const root = screenRoot();
    if (!speaker.listening.private || !root) {
      screen = '';
      return;
    }
    const title = root.querySelector('h1, h2')?.textContent ?? '';
    const id = [root.getAttribute('data-step'), root.getAttribute('data-dialog'), document.documentElement.lang, title].join('|');
    const messages = [...root.querySelectorAll('[data-message]')];
    const live = root.querySelector('.guidance[aria-live]');
    const now = performance.now();
    if (id !== screen) {
      screen = id;
      heard = new Set(messages.map((m) => m.textContent ?? ''));
      guidance.reset();
      guidance.shouldSay(live?.textContent ?? '', now);
      speaker.speakScreen();
      return;
    }
    const fresh = messages.filter((m) => !heard.has(m.textContent ?? ''));
    for (const m of fresh) heard.add(m.textContent ?? '');
    const said = live && guidance.shouldSay(live.textContent ?? '', now) ? [...fresh, live] : fresh;
    if (said.length > 0) speaker.speakElements(said);
  };
  // Svelte updates the DOM in bursts: look once it has settled.
  const observer = new MutationObserver(() => (timer ??= setTimeout(look, 150)));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  timer = setTimeout(look, 150);
  return {
    look: () => (timer ??= setTimeout(look, 0)),
    stop: () => {
      observer.disconnect();
      clearTimeout(timer);
    },
  };
}
