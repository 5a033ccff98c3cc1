import { DeviceError } from '../device-error';
import type { KeypadDriver } from '../profile';

/**
 * What a key of the tactile keypad means, whatever sent it (docs/accessibility.md, "The tactile
 * keypad"): move the focus, press the focused control, go back, hear the screen again, change the
 * volume, or type into the step's number field.
 */
export type KeypadKey =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'activate' }
  | { kind: 'back' }
  | { kind: 'help' }
  | { kind: 'volume'; change: 1 | -1 }
  | { kind: 'digit'; digit: string }
  | { kind: 'erase' };

/**
 * One key press. It goes to the `press` listeners (the focus navigation) first, and only if none
 * of them `handled` it to the `field` listeners (the step's number field): Enter that pressed the
 * focused control is not also the field's "submit".
 */
export interface KeypadPress {
  readonly key: KeypadKey;
  handled: boolean;
}

/**
 * `keypad_missing`: the profile names a WebHID keypad and none is granted (or there is no WebHID);
 * `keypad_failed`: it would not open; `keypad_disconnected`: unplugged while in use (taken up again
 * when plugged back).
 */
export type KeypadErrorCode = 'keypad_missing' | 'keypad_failed' | 'keypad_disconnected';

export class KeypadError extends DeviceError<KeypadErrorCode> {}

export interface KeypadEventMap {
  press: KeypadPress;
  /** A press no `press` listener handled: digits, Backspace, and Enter while no control has the keypad's focus. */
  field: KeypadPress;
  /** Trouble after start() succeeded; start() itself rejects with a KeypadError instead. */
  error: KeypadError;
}

export type KeypadListener<K extends keyof KeypadEventMap> = (event: KeypadEventMap[K]) => void;

/**
 * The tactile keypad. Presses are delivered between start() and stop(), both safe to call twice.
 * `navigates` is false for a terminal without one (profile `none`): a keyboard still types digits
 * into the number fields, as it always did, but moves no focus.
 */
export interface Keypad {
  readonly driver: KeypadDriver;
  readonly navigates: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Returns the function that removes the listener. */
  on<K extends keyof KeypadEventMap>(type: K, listener: KeypadListener<K>): () => void;
}
