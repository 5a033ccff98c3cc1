// The test profile's record of what the kiosk asked its speaker to say, for the e2e specs
// (e2e/keypad.spec.ts): each call with the screen it was made on. Never in a citizen's kiosk.
import type { Speaker } from '../speech/speaker';

export interface SpeechRequest {
  call: 'screen' | 'element';
  /** data-step of the screen shown, the open dialog's data-dialog, and the title (the dialog's, if open). */
  step: string | null;
  dialog: string | null;
  title: string;
  /** For `element`: what was to be said, by its data-action (or data-key) and text. */
  action: string | null;
  text: string;
}

declare global {
  interface Window {
    __kioskSpeech?: SpeechRequest[];
  }
}

/** `inner`, with every call also kept in window.__kioskSpeech. */
export function recordSpeech(inner: Speaker, target: Window = window): Speaker {
  const requests: SpeechRequest[] = [];
  target.__kioskSpeech = requests;
  const where = () => {
    const step = target.document.querySelector<HTMLElement>('[data-step]');
    const dialog = target.document.querySelector<HTMLElement>('[data-dialog]');
    return {
      step: step?.dataset.step ?? null,
      dialog: dialog?.dataset.dialog ?? null,
      title: ((dialog ?? step)?.querySelector('h1, h2')?.textContent ?? '').trim(),
    };
  };
  return {
    speakScreen() {
      requests.push({ call: 'screen', ...where(), action: null, text: '' });
      inner.speakScreen();
    },
    speakElement(element) {
      const data = element instanceof HTMLElement ? element.dataset : {};
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
      requests.push({ call: 'element', ...where(), action: data.action ?? data.key ?? null, text });
      inner.speakElement(element);
    },
    stop() {
      inner.stop();
    },
    volume: inner.volume,
  };
}
