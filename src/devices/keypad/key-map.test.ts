import { describe, expect, it } from 'vitest';
import { keyOfStroke, keyOfUsage } from './key-map';

const stroke = (key: string, extra: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});

describe('the keypad key map, from a keyboard', () => {
  it('moves with the arrows and Tab, back with Shift+Tab', () => {
    expect(['ArrowDown', 'ArrowRight', 'Tab'].map((k) => keyOfStroke(stroke(k)))).toEqual(Array(3).fill({ kind: 'next' }));
    expect(['ArrowUp', 'ArrowLeft'].map((k) => keyOfStroke(stroke(k)))).toEqual(Array(2).fill({ kind: 'previous' }));
    expect(keyOfStroke(stroke('Tab', { shiftKey: true }))).toEqual({ kind: 'previous' });
  });

  it('presses with Enter, goes back with Escape, says the screen with F1 or ?, changes the volume with + and −', () => {
    expect(keyOfStroke(stroke('Enter'))).toEqual({ kind: 'activate' });
    expect(keyOfStroke(stroke('Escape'))).toEqual({ kind: 'back' });
    expect(keyOfStroke(stroke('F1'))).toEqual({ kind: 'help' });
    expect(keyOfStroke(stroke('?', { shiftKey: true }))).toEqual({ kind: 'help' });
    expect(keyOfStroke(stroke('+', { shiftKey: true }))).toEqual({ kind: 'volume', change: 1 });
    expect(keyOfStroke(stroke('-'))).toEqual({ kind: 'volume', change: -1 });
    expect(keyOfStroke(stroke('AudioVolumeDown'))).toEqual({ kind: 'volume', change: -1 });
  });

  it('types digits and erases with Backspace', () => {
    expect(keyOfStroke(stroke('7'))).toEqual({ kind: 'digit', digit: '7' });
    expect(keyOfStroke(stroke('0'))).toEqual({ kind: 'digit', digit: '0' });
    expect(keyOfStroke(stroke('Backspace'))).toEqual({ kind: 'erase' });
  });

  it('leaves other keys and a tester\'s Ctrl/Alt/Meta shortcuts alone', () => {
    expect(keyOfStroke(stroke('a'))).toBeNull();
    expect(keyOfStroke(stroke('Shift'))).toBeNull();
    expect(keyOfStroke(stroke('r', { ctrlKey: true }))).toBeNull();
    expect(keyOfStroke(stroke('1', { altKey: true }))).toBeNull();
    expect(keyOfStroke(stroke('ArrowDown', { metaKey: true }))).toBeNull();
  });
});

describe('the keypad key map, from HID Keyboard-page usages', () => {
  it('reads the arrows, Enter (both), Escape, F1 and Help', () => {
    expect([0x51, 0x4f, 0x52, 0x50].map((u) => keyOfUsage(u, false)?.kind)).toEqual(['next', 'next', 'previous', 'previous']);
    expect([0x28, 0x58, 0x29, 0x3a, 0x75].map((u) => keyOfUsage(u, false)?.kind)).toEqual(['activate', 'activate', 'back', 'help', 'help']);
  });

  it('reads the digits of the main row and of the number pad', () => {
    expect([0x1e, 0x26, 0x27].map((u) => keyOfUsage(u, false))).toEqual([
      { kind: 'digit', digit: '1' },
      { kind: 'digit', digit: '9' },
      { kind: 'digit', digit: '0' },
    ]);
    expect([0x59, 0x62].map((u) => keyOfUsage(u, false))).toEqual([
      { kind: 'digit', digit: '1' },
      { kind: 'digit', digit: '0' },
    ]);
  });

  it('reads Tab with and without Shift, the volume keys, Backspace, and nothing else', () => {
    expect(keyOfUsage(0x2b, false)).toEqual({ kind: 'next' });
    expect(keyOfUsage(0x2b, true)).toEqual({ kind: 'previous' });
    expect([0x80, 0x57, 0x81, 0x56].map((u) => keyOfUsage(u, false))).toEqual([
      { kind: 'volume', change: 1 },
      { kind: 'volume', change: 1 },
      { kind: 'volume', change: -1 },
      { kind: 'volume', change: -1 },
    ]);
    expect(keyOfUsage(0x2a, false)).toEqual({ kind: 'erase' });
    expect(keyOfUsage(0x04 /* a */, false)).toBeNull();
    expect(keyOfUsage(0x63 /* pad . */, false)).toBeNull();
  });
});
