// A HID keypad for the driver's tests: a FakeHidDevice (scanner/fake-hid.ts) whose vendor-defined
// collection reports Keyboard-page usages, and the presses of its keys as the reports it sends.
import { FakeHidDevice } from '../scanner/fake-hid';
import type { HidCollectionInfo } from '../signature/hid-digitizer';
import { keyboardReport } from './keyboard-report';

/** Report 1: modifiers (0xE0…0xE7 as bits), a reserved byte, six usages 0…0xFF of the Keyboard page. */
export const KEYPAD_COLLECTIONS: readonly HidCollectionInfo[] = [
  {
    usagePage: 0xff00,
    usage: 0x01,
    type: 1,
    inputReports: [
      {
        reportId: 1,
        items: [
          { usages: [0x000700e0, 0x000700e1, 0x000700e2, 0x000700e3, 0x000700e4, 0x000700e5, 0x000700e6, 0x000700e7], reportSize: 1, reportCount: 8 },
          { isConstant: true, reportSize: 8, reportCount: 1 },
          { isArray: true, isRange: true, usageMinimum: 0x00070000, usageMaximum: 0x000700ff, reportSize: 8, reportCount: 6 },
        ],
      },
    ],
  },
];

export function fakeKeypadDevice(): FakeHidDevice {
  return new FakeHidDevice(0x16c0, KEYPAD_COLLECTIONS, 0x27db);
}

/** One key pressed and let go: the report with it held, then the empty one. */
export function tap(device: FakeHidDevice, usage: number, shift = false): void {
  device.report(keyboardReport([usage], shift), 1);
  device.report(keyboardReport([]), 1);
}
