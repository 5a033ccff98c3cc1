// The tactile keypad's key map (docs/accessibility.md, "The tactile keypad"), modelled on the
// accessible-kiosk keypads (EZ Access, Storm AudioNav): up/down (and left/right) move, the round
// select key presses, Back goes back, Help says the screen again, volume + and −. Such keypads
// send USB keyboard codes (AudioNav's code tables); a tester's keyboard gives the same keys, and
// Tab / Shift+Tab move as testers expect.
import type { KeypadKey } from './keypad';

/** The fields of a KeyboardEvent the map reads. */
export interface KeyStroke {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const BY_KEY: Readonly<Record<string, KeypadKey>> = {
  ArrowDown: { kind: 'next' },
  ArrowRight: { kind: 'next' },
  ArrowUp: { kind: 'previous' },
  ArrowLeft: { kind: 'previous' },
  Enter: { kind: 'activate' },
  Escape: { kind: 'back' },
  BrowserBack: { kind: 'back' },
  F1: { kind: 'help' },
  Help: { kind: 'help' },
  '?': { kind: 'help' },
  '+': { kind: 'volume', change: 1 },
  AudioVolumeUp: { kind: 'volume', change: 1 },
  '-': { kind: 'volume', change: -1 },
  AudioVolumeDown: { kind: 'volume', change: -1 },
  Backspace: { kind: 'erase' },
};

/** What a key typed on a keyboard (or a keypad that types keys) means; null for any other key. */
export function keyOfStroke(stroke: KeyStroke): KeypadKey | null {
  // Ctrl/Alt/Meta chords are a tester's browser shortcuts, never the keypad's.
  if (stroke.ctrlKey || stroke.altKey || stroke.metaKey) return null;
  if (stroke.key === 'Tab') return { kind: stroke.shiftKey ? 'previous' : 'next' };
  if (/^[0-9]$/.test(stroke.key)) return { kind: 'digit', digit: stroke.key };
  return BY_KEY[stroke.key] ?? null;
}

/** HID Keyboard/Keypad page (0x07) usages, HID Usage Tables 1.4 §10. */
export const KEYBOARD_USAGE_PAGE = 0x07;
const USAGE = {
  digit1: 0x1e, // 1…9 then 0 at 0x27
  enter: 0x28,
  escape: 0x29,
  backspace: 0x2a,
  tab: 0x2b,
  minus: 0x2d,
  equals: 0x2e, // "=+": the + of a keyboard without its shift
  f1: 0x3a,
  right: 0x4f,
  left: 0x50,
  down: 0x51,
  up: 0x52,
  padMinus: 0x56,
  padPlus: 0x57,
  padEnter: 0x58,
  pad1: 0x59, // 1…9 then 0 at 0x62
  help: 0x75,
  volumeUp: 0x80,
  volumeDown: 0x81,
} as const;

const BY_USAGE: ReadonlyMap<number, KeypadKey> = new Map<number, KeypadKey>([
  [USAGE.down, { kind: 'next' }],
  [USAGE.right, { kind: 'next' }],
  [USAGE.up, { kind: 'previous' }],
  [USAGE.left, { kind: 'previous' }],
  [USAGE.enter, { kind: 'activate' }],
  [USAGE.padEnter, { kind: 'activate' }],
  [USAGE.escape, { kind: 'back' }],
  [USAGE.f1, { kind: 'help' }],
  [USAGE.help, { kind: 'help' }],
  [USAGE.padPlus, { kind: 'volume', change: 1 }],
  [USAGE.equals, { kind: 'volume', change: 1 }],
  [USAGE.volumeUp, { kind: 'volume', change: 1 }],
  [USAGE.padMinus, { kind: 'volume', change: -1 }],
  [USAGE.minus, { kind: 'volume', change: -1 }],
  [USAGE.volumeDown, { kind: 'volume', change: -1 }],
  [USAGE.backspace, { kind: 'erase' }],
]);

/** What a Keyboard-page usage pressed on a HID keypad means; `shift` held turns Tab into "previous". */
export function keyOfUsage(usage: number, shift: boolean): KeypadKey | null {
  if (usage === USAGE.tab) return { kind: shift ? 'previous' : 'next' };
  for (const first of [USAGE.digit1, USAGE.pad1]) {
    const at = usage - first;
    if (at >= 0 && at < 10) return { kind: 'digit', digit: String((at + 1) % 10) };
  }
  return BY_USAGE.get(usage) ?? null;
}
