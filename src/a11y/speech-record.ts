// The test profile's record of what the kiosk asked its speaker to say, for the e2e specs
// (e2e/keypad.spec.ts): each call with the screen it was made on. Never in a citizen's kiosk.
import type { Speaker } from '../speech/speaker';

export interface SpeechRequest {
  call: 'screen' | 'element';
  /** data-step of the screen shown, and the open dialog's data-dialog. */
  step: string | null;
  dialog: string | null;
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
  const where = () => ({
    step: target.document.querySelector<HTMLElement>('[data-step]')?.dataset.step ?? null,
    dialog: target.document.querySelector<HTMLElement>('[data-dialog]')?.dataset.dialog ?? null,
  });
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
  };
}
