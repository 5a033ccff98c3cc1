// A keypad that types keys (a USB keypad in keyboard mode), and a tester's physical keyboard.
import { keyOfStroke, type KeyStroke } from './key-map';
import type { Keypad, KeypadEventMap, KeypadKey, KeypadListener } from './keypad';
import { KeypadListeners } from './keypad-listeners';

/** The part of `window` the driver listens on. */
export interface KeyTarget {
  addEventListener(type: 'keydown', listener: (event: KeyboardEvent) => void, options: { capture: boolean }): void;
  removeEventListener(type: 'keydown', listener: (event: KeyboardEvent) => void, options: { capture: boolean }): void;
}

/** Keys a keypad without navigation still gives: the number field's, as a keyboard always typed them. */
const TYPING: ReadonlySet<KeypadKey['kind']> = new Set(['digit', 'erase', 'activate']);
/** Keys whose press, held down, means one press: a held Enter is not two applications sent. */
const ONCE: ReadonlySet<KeypadKey['kind']> = new Set(['activate', 'back', 'help', 'digit']);

export interface KeyboardKeypadOptions {
  /** False for a terminal without a keypad (profile `none`): digits, Backspace and Enter only. */
  navigates: boolean;
  /** Defaults to window. */
  target?: KeyTarget;
}

export class KeyboardKeypad implements Keypad {
  readonly driver;
  readonly navigates: boolean;
  readonly #target: KeyTarget | undefined;
  readonly #listeners = new KeypadListeners();
  #listening = false;

  constructor(options: KeyboardKeypadOptions) {
    this.navigates = options.navigates;
    this.driver = options.navigates ? ('keyboard' as const) : ('none' as const);
    this.#target = options.target ?? (typeof window === 'undefined' ? undefined : window);
  }

  on<K extends keyof KeypadEventMap>(type: K, listener: KeypadListener<K>): () => void {
    return this.#listeners.on(type, listener);
  }

  start(): Promise<void> {
    if (!this.#listening) this.#target?.addEventListener('keydown', this.#onKey, { capture: true });
    this.#listening = true;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.#target?.removeEventListener('keydown', this.#onKey, { capture: true });
    this.#listening = false;
    return Promise.resolve();
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    if (this.take(event, event.target)) event.preventDefault();
  };

  /** What one keydown does; true when a listener took the key (its browser default is then prevented). */
  take(stroke: KeyStroke & { repeat?: boolean }, target: unknown): boolean {
    // A technician's form fields keep every key (technician mode has inputs; no step does).
    if (isEditable(target)) return false;
    const key = keyOfStroke(stroke);
    if (!key || (!this.navigates && !TYPING.has(key.kind))) return false;
    if (stroke.repeat === true && ONCE.has(key.kind)) return true;
    // Unhandled, a key keeps its browser meaning (a Tab in technician mode, where nothing navigates).
    return this.#listeners.press(key).handled;
  }
}

function isEditable(target: unknown): boolean {
  if (typeof target !== 'object' || target === null || !('tagName' in target)) return false;
  const tag = String(target.tagName).toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || ('isContentEditable' in target && target.isContentEditable === true);
}
