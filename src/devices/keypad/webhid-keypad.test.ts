import { describe, expect, it } from 'vitest';
import { FakeHid, FakeHidDevice } from '../scanner/fake-hid';
import { fakeKeypadDevice, tap } from './fake-keypad';
import { keyboardReport } from './keyboard-report';
import { KeypadError, type KeypadKey } from './keypad';
import { requestKeypad, WebHidKeypad } from './webhid-keypad';

function setUp(device = fakeKeypadDevice()) {
  const hid = new FakeHid([device]);
  const keypad = new WebHidKeypad({ hid });
  const keys: KeypadKey[] = [];
  const errors: KeypadError[] = [];
  keypad.on('press', (press) => keys.push(press.key));
  keypad.on('error', (error) => errors.push(error));
  return { hid, device, keypad, keys, errors };
}

async function startError(keypad: WebHidKeypad): Promise<unknown> {
  return keypad.start().then(
    () => null,
    (error: unknown) => error,
  );
}

describe('WebHidKeypad', () => {
  it('opens the granted keypad and gives each key as it goes down', async () => {
    const { device, keypad, keys } = setUp();
    await keypad.start();
    expect(device.opened).toBe(true);
    tap(device, 0x51); // down
    tap(device, 0x28); // Enter
    tap(device, 0x2b, true); // Shift+Tab
    tap(device, 0x62); // number pad 0
    expect(keys).toEqual([{ kind: 'next' }, { kind: 'activate' }, { kind: 'previous' }, { kind: 'digit', digit: '0' }]);
  });

  it('gives a held key once', async () => {
    const { device, keypad, keys } = setUp();
    await keypad.start();
    for (let i = 0; i < 5; i++) device.report(keyboardReport([0x28]), 1);
    expect(keys).toEqual([{ kind: 'activate' }]);
  });

  it('hands a press no navigation took to the number field, and not one it took', async () => {
    const { device, keypad } = setUp();
    const field: string[] = [];
    keypad.on('press', (press) => {
      if (press.key.kind === 'activate') press.handled = true;
    });
    keypad.on('field', (press) => field.push(press.key.kind));
    await keypad.start();
    tap(device, 0x1e);
    tap(device, 0x28);
    tap(device, 0x2a);
    expect(field).toEqual(['digit', 'erase']);
  });

  it('refuses to start without WebHID, or with only other devices granted: keypad_missing', async () => {
    expect(await startError(new WebHidKeypad({ hid: undefined }))).toMatchObject({ code: 'keypad_missing' });
    const scanner = new FakeHidDevice(); // a HID POS scanner
    const pen = new FakeHidDevice(0x056a, [{ usagePage: 0x0d, usage: 0x02 }]);
    const vendorWithoutKeys = new FakeHidDevice(0x16c0, [{ usagePage: 0xff00, usage: 0x01 }]);
    const { keypad } = setUp(scanner);
    expect(await startError(keypad)).toMatchObject({ code: 'keypad_missing' });
    const others = new WebHidKeypad({ hid: new FakeHid([pen, vendorWithoutKeys]) });
    expect(await startError(others)).toBeInstanceOf(KeypadError);
  });

  it('says keypad_failed when the keypad will not open, and starts once it does', async () => {
    const { device, keypad, keys } = setUp();
    device.openError = new Error('NotAllowedError');
    expect(await startError(keypad)).toMatchObject({ code: 'keypad_failed' });
    device.openError = null;
    await keypad.start();
    tap(device, 0x29);
    expect(keys).toEqual([{ kind: 'back' }]);
  });

  it('gives nothing after stop() and closes the keypad', async () => {
    const { hid, device, keypad, keys } = setUp();
    await keypad.start();
    await keypad.stop();
    expect(device.opened).toBe(false);
    expect(device.listeners.size).toBe(0);
    expect(hid.listeners.connect.size + hid.listeners.disconnect.size).toBe(0);
    device.opened = true;
    tap(device, 0x51);
    expect(keys).toEqual([]);
  });

  it('reports an unplugged keypad and takes it up again when plugged back, a key held at the pull not pressed twice', async () => {
    const { hid, device, keypad, keys, errors } = setUp();
    await keypad.start();
    device.report(keyboardReport([0x51]), 1);
    hid.unplug(device);
    expect(errors.map((e) => e.code)).toEqual(['keypad_disconnected']);
    const listened = device.nextListener();
    hid.plug(device);
    await listened;
    tap(device, 0x52);
    expect(keys).toEqual([{ kind: 'next' }, { kind: 'previous' }]);
  });

  it('asks the browser for a vendor-defined collection and says whether a keypad was granted', async () => {
    const hid = new FakeHid([fakeKeypadDevice()]);
    expect(await requestKeypad(hid)).toBe(true);
    expect(hid.requests).toEqual([[{ usagePage: 0xff00 }]]);
    expect(await requestKeypad(new FakeHid([new FakeHidDevice()]))).toBe(false);
    await expect(requestKeypad(undefined)).rejects.toMatchObject({ code: 'keypad_missing' });
  });
});
