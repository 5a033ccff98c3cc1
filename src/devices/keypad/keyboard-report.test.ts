import { describe, expect, it } from 'vitest';
import { keyboardReport, KeyPresses, readKeyboardReport } from './keyboard-report';

const view = (bytes: Uint8Array) => new DataView(bytes.buffer);

describe('the keypad\'s keyboard report', () => {
  it('reads the keys held and Shift, skipping empty slots and roll-over errors', () => {
    expect(readKeyboardReport(view(new Uint8Array([0x02, 0, 0x2b, 0, 0, 0, 0, 0])))).toEqual({ shift: true, held: [0x2b] });
    expect(readKeyboardReport(view(new Uint8Array([0x20, 0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01])))).toEqual({ shift: true, held: [] });
    expect(readKeyboardReport(view(new Uint8Array([0, 0, 0x51, 0x28])))).toEqual({ shift: false, held: [0x51, 0x28] });
  });

  it('gives nothing for a report too short to hold a key', () => {
    expect(readKeyboardReport(view(new Uint8Array([0x02])))).toEqual({ shift: false, held: [] });
  });

  it('presses a key once when it goes down, not while it is held nor when it comes up', () => {
    const presses = new KeyPresses();
    expect(presses.push(view(keyboardReport([0x51])))).toEqual([{ kind: 'next' }]);
    expect(presses.push(view(keyboardReport([0x51])))).toEqual([]);
    expect(presses.push(view(keyboardReport([])))).toEqual([]);
    expect(presses.push(view(keyboardReport([0x51])))).toEqual([{ kind: 'next' }]);
  });

  it('presses a second key held with the first, and Shift+Tab as "previous"', () => {
    const presses = new KeyPresses();
    presses.push(view(keyboardReport([0x1e])));
    expect(presses.push(view(keyboardReport([0x1e, 0x1f])))).toEqual([{ kind: 'digit', digit: '2' }]);
    expect(presses.push(view(keyboardReport([0x2b], true)))).toEqual([{ kind: 'previous' }]);
  });

  it('drops keys the keypad does not use, and after reset() presses a held key again', () => {
    const presses = new KeyPresses();
    expect(presses.push(view(keyboardReport([0x04, 0x28])))).toEqual([{ kind: 'activate' }]);
    presses.reset();
    expect(presses.push(view(keyboardReport([0x28])))).toEqual([{ kind: 'activate' }]);
  });
});
