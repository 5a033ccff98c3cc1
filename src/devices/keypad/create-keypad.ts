import type { KeypadDriver } from '../profile';
import { KeyboardKeypad } from './keyboard-keypad';
import type { Keypad } from './keypad';
import { WebHidKeypad } from './webhid-keypad';

/**
 * The keypad the profile names. A terminal without one (`none`) still takes digits, Backspace and
 * Enter from a keyboard into the number fields, as the kiosk always did, but moves no focus.
 */
export function createKeypad(driver: KeypadDriver): Keypad {
  if (driver === 'webhid') return new WebHidKeypad();
  return new KeyboardKeypad({ navigates: driver === 'keyboard' });
}
