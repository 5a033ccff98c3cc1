import { describe, expect, it } from 'vitest';
import { FakeHid, FakeHidDevice } from './fake-hid';
import { SCANNED_DATA_REPORT_SIZE, scannedDataReports } from './hid-pos-report';
import { ScannerError, type ScanEvent } from './scanner';
import { requestScanner, WebHidScanner } from './webhid-scanner';

const NOW = 1_764_000_000_000;

function setUp(device = new FakeHidDevice()) {
  const hid = new FakeHid([device]);
  const scanner = new WebHidScanner({ hid, now: () => NOW });
  const scans: ScanEvent[] = [];
  const errors: ScannerError[] = [];
  scanner.on('scan', (event) => scans.push(event));
  scanner.on('error', (error) => errors.push(error));
  return { hid, device, scanner, scans, errors };
}

async function startError(scanner: WebHidScanner): Promise<unknown> {
  return scanner.start().then(
    () => null,
    (error: unknown) => error,
  );
}

describe('WebHidScanner', () => {
  it('opens the granted scanner, switches a Honeywell to HID POS and delivers each code read', async () => {
    const { device, scanner, scans } = setUp();
    await scanner.start();
    expect(device.opened).toBe(true);
    expect(device.featureReports).toEqual([{ reportId: 0xfe, data: [1] }]);

    device.scan('KZDOC1|850714300127|09|id_card|ru');
    device.scan('second');
    expect(scans).toEqual([
      { text: 'KZDOC1|850714300127|09|id_card|ru', source: 'hid', at: NOW },
      { text: 'second', source: 'hid', at: NOW },
    ]);
  });

  it('joins a code sent over several reports, a UTF-8 letter split between two of them included', async () => {
    const { device, scanner, scans } = setUp(new FakeHidDevice(0x05f9));
    await scanner.start();
    const text = `${'x'.repeat(55)}Ә${'ы'.repeat(40)}`;
    expect(scannedDataReports(text).length).toBe(3);
    device.scan(text);
    expect(scans.map((s) => s.text)).toEqual([text]);
  });

  it('reads the layout with one byte before the AIM identifier, and ignores other reports', async () => {
    const { device, scanner, scans } = setUp();
    await scanner.start();
    const shifted = new Uint8Array(SCANNED_DATA_REPORT_SIZE);
    shifted.set([3, 0x00, 0x5d, 0x51, 0x31, 0x41, 0x42, 0x43]);
    device.report(shifted);
    device.report(scannedDataReports('not a scan')[0] ?? new Uint8Array(), 0x04);
    expect(scans.map((s) => s.text)).toEqual(['ABC']);
  });

  it('does not switch a scanner of another make by Honeywell’s report', async () => {
    const { device, scanner } = setUp(new FakeHidDevice(0x05e0));
    await scanner.start();
    expect(device.featureReports).toEqual([]);
  });

  it('refuses to start without WebHID or without a scanner: scanner_missing', async () => {
    const noHid = new WebHidScanner({ hid: undefined });
    expect(await startError(noHid)).toMatchObject({ code: 'scanner_missing' });
    const { scanner } = setUp(new FakeHidDevice(0x1234, [{ usagePage: 0x0d, usage: 0x02 }])); // a signature pad, say
    expect(await startError(scanner)).toMatchObject({ code: 'scanner_missing' });
    const empty = new WebHidScanner({ hid: new FakeHid([]) });
    expect(await startError(empty)).toBeInstanceOf(ScannerError);
  });

  it('says scanner_not_pos_mode of a known scanner that only offers a keyboard', async () => {
    const { scanner } = setUp(new FakeHidDevice(0x0c2e, []));
    expect(await startError(scanner)).toMatchObject({ code: 'scanner_not_pos_mode' });
  });

  it('says scanner_failed when the device will not open, and can be started again', async () => {
    const { device, scanner, scans } = setUp();
    device.openError = new Error('NotAllowedError');
    expect(await startError(scanner)).toMatchObject({ code: 'scanner_failed' });
    device.openError = null;
    await scanner.start();
    device.scan('after');
    expect(scans.map((s) => s.text)).toEqual(['after']);
  });

  it('delivers nothing after stop() and closes the device', async () => {
    const { hid, device, scanner, scans } = setUp();
    await scanner.start();
    await scanner.stop();
    expect(device.opened).toBe(false);
    expect(device.listeners.size).toBe(0);
    expect(hid.listeners.connect.size + hid.listeners.disconnect.size).toBe(0);
    device.opened = true; // even a device still open elsewhere reaches no one
    device.scan('late');
    expect(scans).toEqual([]);
    await scanner.stop();
  });

  it('closes a device that finished opening after stop()', async () => {
    const { device, scanner } = setUp();
    let release = () => {};
    device.openGate = new Promise((resolve) => {
      release = resolve;
    });
    const starting = scanner.start();
    await scanner.stop();
    release();
    await starting;
    expect(device.opened).toBe(false);
    expect(device.listeners.size).toBe(0);
  });

  it('reports an unplugged scanner and takes it up again when plugged back', async () => {
    const { hid, device, scanner, scans, errors } = setUp();
    await scanner.start();
    hid.unplug(device);
    expect(errors.map((e) => e.code)).toEqual(['scanner_disconnected']);
    expect(device.listeners.size).toBe(0);

    const listened = device.nextListener();
    hid.plug(device);
    await listened;
    device.scan('back again');
    expect(scans.map((s) => s.text)).toEqual(['back again']);
  });

  it('ignores other devices coming and going', async () => {
    const { hid, scanner, errors } = setUp();
    await scanner.start();
    const keyboard = new FakeHidDevice(0x046d, [{ usagePage: 0x01, usage: 0x06 }]);
    hid.unplug(keyboard);
    hid.plug(keyboard);
    expect(errors).toEqual([]);
    expect(keyboard.opened).toBe(false);
  });

  it('says scan_unreadable of a read too long for any QR, drops the rest of it and reads the next one', async () => {
    const { device, scanner, scans, errors } = setUp();
    await scanner.start();
    const endless = scannedDataReports('y'.repeat(56))[0] ?? new Uint8Array();
    endless[62] = 1;
    for (let i = 0; i < 80; i++) device.report(endless);
    endless[62] = 0;
    device.report(endless); // the runaway read's last report: dropped with the rest of it
    expect(errors.map((e) => e.code)).toEqual(['scan_unreadable']);
    expect(scans).toEqual([]);
    device.scan('next');
    expect(scans.map((s) => s.text)).toEqual(['next']);
  });
});

describe('requestScanner', () => {
  it('asks the browser for HID POS scanners, and for the known makes in keyboard mode', async () => {
    const hid = new FakeHid([new FakeHidDevice()]);
    expect(await requestScanner(hid)).toBe(true);
    expect(hid.requests[0]).toContainEqual({ usagePage: 0x8c, usage: 0x02 });
    expect(hid.requests[0]).toContainEqual({ vendorId: 0x0c2e });
    expect(await requestScanner(new FakeHid([]))).toBe(false);
    await expect(requestScanner(undefined)).rejects.toMatchObject({ code: 'scanner_missing' });
  });
});
