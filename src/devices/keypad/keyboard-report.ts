// The HID keyboard report a keypad sends (the boot protocol's layout, HID 1.11 appendix B.1, which
// Storm's AudioNav and most USB keypads use): byte 0 the modifier bits, byte 1 reserved, bytes 2…7
// the usages of the keys held down, 0 where none. A key is pressed when its usage first appears;
// a held key repeats the same report, and the keypad's own repeat is not a press.
import { keyOfUsage } from './key-map';
import type { KeypadKey } from './keypad';

export const KEYBOARD_REPORT_SIZE = 8;
const SHIFT_BITS = 0b0010_0010; // left and right Shift
/** 0x01 "ErrorRollOver": more keys held than the report holds; 0x02, 0x03 likewise errors, not keys. */
const FIRST_KEY_USAGE = 0x04;

/** The usages held down in one report, and whether Shift is. */
export function readKeyboardReport(data: DataView): { shift: boolean; held: number[] } {
  if (data.byteLength < 3) return { shift: false, held: [] };
  const held: number[] = [];
  for (let at = 2; at < Math.min(data.byteLength, KEYBOARD_REPORT_SIZE); at++) {
    const usage = data.getUint8(at);
    if (usage >= FIRST_KEY_USAGE) held.push(usage);
  }
  return { shift: (data.getUint8(0) & SHIFT_BITS) !== 0, held };
}

/** Turns a keypad's reports into key presses: one per key going down, in the report's order. */
export class KeyPresses {
  #held = new Set<number>();

  push(data: DataView): KeypadKey[] {
    const { shift, held } = readKeyboardReport(data);
    const pressed = held.filter((usage) => !this.#held.has(usage));
    this.#held = new Set(held);
    return pressed.map((usage) => keyOfUsage(usage, shift)).filter((key): key is KeypadKey => key !== null);
  }

  reset(): void {
    this.#held.clear();
  }
}

/** The report a keypad sends with `usages` held (and Shift, if asked): what tests and the emulation feed the driver. */
export function keyboardReport(usages: readonly number[], shift = false): Uint8Array {
  const report = new Uint8Array(KEYBOARD_REPORT_SIZE);
  report[0] = shift ? 0b0000_0010 : 0;
  report.set(usages.slice(0, 6), 2);
  return report;
}
