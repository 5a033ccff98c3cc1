import { describe, expect, it } from 'vitest';
import { backChoice, commandFor, moveFrom, screenKey, spokenOrder, type Placed, type Region } from './focus-order';

const control = (element: string, region: Region, extra: Partial<Placed<string>> = {}): Placed<string> => ({
  element,
  region,
  primary: false,
  action: element,
  ...extra,
});

// The IIN step as the DOM lists it: access bar, keypad, then the footer with Cancel before Next.
const IIN_STEP = [
  control('listen', 'access'),
  control('text-size', 'access'),
  control('key-1', 'keys'),
  control('key-erase', 'keys'),
  control('cancel', 'cancel'),
  control('back', 'actions'),
  control('next', 'actions', { primary: true }),
];

describe('the spoken order', () => {
  it('goes through a step\'s choices, its main button first, the keypad\'s keys, the access bar, and Cancel last', () => {
    const service = [control('listen', 'access'), control('service-07', 'choices'), control('service-09', 'choices'), control('cancel', 'cancel')];
    expect(spokenOrder(service, false)).toEqual(['service-07', 'service-09', 'listen', 'cancel']);
    expect(spokenOrder(IIN_STEP, false)).toEqual(['next', 'back', 'key-1', 'key-erase', 'listen', 'text-size', 'cancel']);
  });

  it('keeps to the open dialog\'s buttons, in their order, while a dialog is open', () => {
    const withDialog = [...IIN_STEP, control('cancel-no', 'dialog'), control('cancel-yes', 'dialog', { primary: true })];
    expect(spokenOrder(withDialog, true)).toEqual(['cancel-no', 'cancel-yes']);
  });

  it('moves round from the last control to the first and back', () => {
    const order = ['a', 'b', 'c'];
    expect(moveFrom(order, 'b', 1)).toBe('c');
    expect(moveFrom(order, 'c', 1)).toBe('a');
    expect(moveFrom(order, 'a', -1)).toBe('c');
  });

  it('starts from the first control going forward and the last going back, when nothing of the order has the focus', () => {
    expect(moveFrom(['a', 'b', 'c'], null, 1)).toBe('a');
    expect(moveFrom(['a', 'b', 'c'], null, -1)).toBe('c');
    expect(moveFrom(['a', 'b'], 'gone', 1)).toBe('a');
    expect(moveFrom([], null, 1)).toBeNull();
  });
});

describe('the Back key', () => {
  it('takes the step\'s Back button, and nothing on a step without one', () => {
    expect(backChoice(IIN_STEP, false)).toBe('back');
    expect(backChoice([control('next', 'actions', { primary: true }), control('cancel', 'cancel')], false)).toBeNull();
  });

  it('in a dialog takes its way out without consequence: the first button that is not the main one, or the only button', () => {
    expect(backChoice([...IIN_STEP, control('cancel-no', 'dialog'), control('cancel-yes', 'dialog', { primary: true })], true)).toBe('cancel-no');
    expect(backChoice([control('stay', 'dialog', { primary: true })], true)).toBe('stay');
    expect(backChoice([control('yes', 'dialog', { primary: true }), control('also', 'dialog', { primary: true })], true)).toBeNull();
  });
});

describe('what a key asks', () => {
  it('moves, says the screen, goes back and changes the volume whatever has the focus', () => {
    expect(commandFor({ kind: 'next' }, false)).toEqual({ kind: 'move', direction: 1 });
    expect(commandFor({ kind: 'previous' }, true)).toEqual({ kind: 'move', direction: -1 });
    expect(commandFor({ kind: 'help' }, false)).toEqual({ kind: 'speak-screen' });
    expect(commandFor({ kind: 'back' }, false)).toEqual({ kind: 'back' });
    expect(commandFor({ kind: 'volume', change: -1 }, false)).toEqual({ kind: 'volume', change: -1 });
  });

  it('presses with Enter the control the keypad focused, and otherwise leaves Enter to the number field', () => {
    expect(commandFor({ kind: 'activate' }, true)).toEqual({ kind: 'press' });
    expect(commandFor({ kind: 'activate' }, false)).toBeNull();
  });

  it('leaves digits and erasing to the number field', () => {
    expect(commandFor({ kind: 'digit', digit: '4' }, true)).toBeNull();
    expect(commandFor({ kind: 'erase' }, true)).toBeNull();
  });
});

describe('a new screen', () => {
  it('is another step, another title on the same step, or a dialog opening or closing', () => {
    const iin = screenKey({ step: 'iin', title: 'IIN', dialog: null });
    expect(screenKey({ step: 'iin', title: 'IIN', dialog: null })).toBe(iin);
    expect(screenKey({ step: 'phone', title: 'IIN', dialog: null })).not.toBe(iin);
    expect(screenKey({ step: 'photo', title: 'Your photo', dialog: null })).not.toBe(screenKey({ step: 'photo', title: 'Is it good?', dialog: null }));
    expect(screenKey({ step: 'iin', title: 'IIN', dialog: 'cancel' })).not.toBe(iin);
  });
});
