// What speakScreen and speakElement say, read from the DOM: each element's text in its own `lang`
// (the first screen shows three languages), matched back to the catalogue (screen-match.ts).
import { CATALOGUES, LANGS } from '../i18n';
import type { Lang } from '../protocol/common';
import { personalWords, textWords, type Listening, type Utterance } from './screen-match';

/** Not said with the screen: the access bar and the keypad's digits (said when the keypad's focus is on them), the receipt's paper (printed). */
const NOT_WITH_THE_SCREEN = '[data-access-bar], .keypad, [data-device="printer"]';
const NEVER = '[aria-hidden="true"], [hidden]';
/** The texts of a screen, in the order they are shown: title, step, hint, messages, guidance, values. */
const TEXTS = 'h1, h2, p, .progress-label, [data-personal], [data-field]';

function langOf(element: Element): Lang {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : 'kk';
}

function shown(element: Element): boolean {
  if (element.closest(NEVER)) return false;
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}

/** A button's label: its accessible name where the text is a sign (⌫). */
function labelOf(element: Element): string {
  return element.getAttribute('aria-label') ?? element.textContent ?? '';
}

/** One element as said: its message, its value if personal (hidden on the loudspeaker), a button's label and that it is disabled. */
export function elementUtterances(element: Element, listening: Listening): Utterance[] {
  // Children in other languages (the first screen's "I have a QR code" in three) are said each in its own.
  const parts = [...element.children].filter((child) => child.hasAttribute('lang'));
  if (parts.length > 1) return parts.flatMap((part) => elementUtterances(part, listening));
  const lang = langOf(element);
  const personal = element.closest('[data-personal]');
  let words: string[] | null;
  if (personal) {
    // Said as shown (the phone with its +7), but nothing when nothing is typed yet (data-value empty).
    const value = personal.getAttribute('data-value') === '' ? '' : (personal.textContent ?? '');
    words = value.trim() === '' ? null : personalWords(lang, value, { spell: personal.hasAttribute('data-spell'), ...listening });
  } else {
    words = textWords(lang, labelOf(element), listening);
  }
  const disabled = element instanceof HTMLButtonElement && element.disabled;
  if (disabled && words) words = [...words, CATALOGUES[lang]['speech.disabled']];
  return words && words.length > 0 ? [{ lang, words }] : [];
}

/** What speakScreen says of: an open dialog, else the step shown. */
export function screenRoot(): Element | null {
  const dialogs = document.querySelectorAll('[data-dialog]');
  return dialogs[dialogs.length - 1] ?? document.querySelector('[data-step]');
}

/** The screen as said: its texts in order, then its controls in order. */
export function screenUtterances(root: Element, listening: Listening): Utterance[] {
  const candidates = [...root.querySelectorAll(TEXTS)].filter((el) => shown(el) && !el.closest(NOT_WITH_THE_SCREEN));
  // A text inside another one chosen (a value inside its message) is said with it.
  const texts = candidates.filter((el) => !candidates.some((other) => other !== el && other.contains(el)));
  const controls = [...root.querySelectorAll('button')].filter((el) => shown(el) && !el.closest(NOT_WITH_THE_SCREEN));
  return [...texts, ...controls].flatMap((el) => elementUtterances(el, listening));
}
