import { Listeners } from '../listeners';
import type { KeypadError, KeypadEventMap, KeypadKey, KeypadListener, KeypadPress } from './keypad';

/** The listener bookkeeping every Keypad shares: a press goes to the focus navigation, then, if unhandled, to the field. */
export class KeypadListeners {
  readonly #listeners = new Listeners<KeypadEventMap>();

  on<K extends keyof KeypadEventMap>(type: K, listener: KeypadListener<K>): () => void {
    return this.#listeners.on(type, listener);
  }

  /** Returns the press, `handled` when some listener did what it asks. */
  press(key: KeypadKey): KeypadPress {
    const press: KeypadPress = { key, handled: false };
    this.#listeners.emit('press', press);
    if (!press.handled) this.#listeners.emit('field', press);
    return press;
  }

  error(error: KeypadError): void {
    this.#listeners.emit('error', error);
  }
}
