import { describe, expect, it } from 'vitest';
import { createKeypad } from './create-keypad';
import { KeyboardKeypad } from './keyboard-keypad';
import type { KeypadKey } from './keypad';

const stroke = (key: string, extra: Partial<{ shiftKey: boolean; ctrlKey: boolean; repeat: boolean }> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});
const BUTTON = { tagName: 'BUTTON' };

function listen(keypad: KeyboardKeypad, navigationTakes: (key: KeypadKey) => boolean = () => true) {
  const pressed: KeypadKey[] = [];
  const field: KeypadKey[] = [];
  keypad.on('press', (press) => {
    pressed.push(press.key);
    press.handled = navigationTakes(press.key);
  });
  keypad.on('field', (press) => {
    field.push(press.key);
    press.handled = true;
  });
  return { pressed, field };
}

describe('KeyboardKeypad', () => {
  it('gives the keypad\'s keys from the keyboard, and takes them from the browser when handled', () => {
    const keypad = new KeyboardKeypad({ navigates: true, target: undefined });
    const { pressed } = listen(keypad);
    expect(keypad.take(stroke('ArrowDown'), BUTTON)).toBe(true);
    expect(keypad.take(stroke('Tab', { shiftKey: true }), BUTTON)).toBe(true);
    expect(keypad.take(stroke('x'), BUTTON)).toBe(false);
    expect(pressed).toEqual([{ kind: 'next' }, { kind: 'previous' }]);
  });

  it('leaves a key nobody handled to the browser', () => {
    const keypad = new KeyboardKeypad({ navigates: true, target: undefined });
    listen(keypad, () => false);
    keypad.on('field', (press) => {
      press.handled = false;
    });
    expect(keypad.take(stroke('Tab'), BUTTON)).toBe(false);
  });

  it('gives Enter to the number field when the navigation did not press a control with it', () => {
    const keypad = new KeyboardKeypad({ navigates: true, target: undefined });
    const { field } = listen(keypad, (key) => key.kind !== 'activate' && key.kind !== 'digit');
    keypad.take(stroke('5'), BUTTON);
    keypad.take(stroke('Enter'), BUTTON);
    keypad.take(stroke('ArrowDown'), BUTTON);
    expect(field).toEqual([{ kind: 'digit', digit: '5' }, { kind: 'activate' }]);
  });

  it('takes a held Enter or digit as one press', () => {
    const keypad = new KeyboardKeypad({ navigates: true, target: undefined });
    const { pressed } = listen(keypad);
    keypad.take(stroke('Enter'), BUTTON);
    expect(keypad.take(stroke('Enter', { repeat: true }), BUTTON)).toBe(true);
    keypad.take(stroke('3', { repeat: true }), BUTTON);
    keypad.take(stroke('ArrowDown', { repeat: true }), BUTTON);
    expect(pressed).toEqual([{ kind: 'activate' }, { kind: 'next' }]);
  });

  it('leaves every key of a technician\'s form field alone', () => {
    const keypad = new KeyboardKeypad({ navigates: true, target: undefined });
    const { pressed } = listen(keypad);
    expect(keypad.take(stroke('1'), { tagName: 'input' })).toBe(false);
    expect(keypad.take(stroke('ArrowDown'), { tagName: 'SELECT' })).toBe(false);
    expect(pressed).toEqual([]);
  });

  it('on a terminal without a keypad, types digits, Backspace and Enter but moves nothing', () => {
    const keypad = createKeypad('none') as KeyboardKeypad;
    expect([keypad.driver, keypad.navigates]).toEqual(['none', false]);
    const { pressed } = listen(keypad);
    for (const key of ['4', 'Backspace', 'Enter', 'ArrowDown', 'Tab', 'Escape', 'F1']) keypad.take(stroke(key), BUTTON);
    expect(pressed.map((k) => k.kind)).toEqual(['digit', 'erase', 'activate']);
  });

  it('listens on its target from start() until stop()', async () => {
    const added: string[] = [];
    const target = {
      addEventListener: (type: string) => added.push(`+${type}`),
      removeEventListener: (type: string) => added.push(`-${type}`),
    };
    const keypad = new KeyboardKeypad({ navigates: true, target });
    await keypad.start();
    await keypad.start();
    await keypad.stop();
    expect(added).toEqual(['+keydown', '-keydown']);
  });
});
