// The fake WebUSB printer (support/fake-usb.ts) in Chromium, driven as a driver drives it and by
// the kiosk's own WebUsbPrinter, bundled here for the page: what later specs rely on when the
// journey prints through WebUSB.
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { build, type Rolldown } from 'vite';
import type * as WebUsbModule from '../src/devices/printer/webusb-printer';
import { installFakeUsb, printedBytes, sentBytes, setFakePrinterStatus, unplugFakePrinter } from './support/fake-usb';

type PageWindow = Window & { KioskPrinter: typeof WebUsbModule; printer: WebUsbModule.WebUsbPrinter };

let driverScript = '';

test.beforeAll(async () => {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: 'src/devices/printer/webusb-printer.ts', formats: ['iife'], name: 'KioskPrinter' } },
  });
  const [output] = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = output?.output[0];
  if (!chunk || chunk.type !== 'chunk') throw new Error('fake-usb.spec: the driver did not bundle');
  driverScript = chunk.code;
});

/** A page of the back office's origin, a secure context as the kiosk's is, with nothing on it. */
async function blankPage(page: Page): Promise<void> {
  await page.route('**/fake-usb-blank', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>fake usb</title>' }));
  await page.goto('/fake-usb-blank');
}

/** The kiosk's driver in the page, as `window.printer`, sending what it is given unchanged. */
async function withDriver(page: Page): Promise<void> {
  await blankPage(page);
  await page.addScriptTag({ content: driverScript });
  await page.evaluate(() => {
    const w = window as unknown as PageWindow;
    w.printer = new w.KioskPrinter.WebUsbPrinter({ encode: () => new Uint8Array() });
  });
}

const printBytes = (page: Page, bytes: number[]): Promise<string | null> =>
  page.evaluate(
    (b) =>
      (window as unknown as PageWindow).printer.printBytes(Uint8Array.from(b)).then(
        () => null,
        (error: { code?: string }) => error.code ?? String(error),
      ),
    bytes,
  );

const statusOf = (page: Page): Promise<unknown> =>
  page.evaluate(() => (window as unknown as PageWindow).printer.status().catch((error: { code?: string }) => error.code));

test('the fake printer is granted, records what it is sent and answers DLE EOT', async ({ page }) => {
  await installFakeUsb(page, { status: 'ready' });
  await blankPage(page);
  const answers = await page.evaluate(async () => {
    type Device = {
      vendorId: number;
      open(): Promise<void>;
      selectConfiguration(n: number): Promise<void>;
      claimInterface(n: number): Promise<void>;
      transferOut(ep: number, data: BufferSource): Promise<{ bytesWritten: number }>;
      transferIn(ep: number, length: number): Promise<{ status: string; data: DataView }>;
    };
    const usb = (navigator as unknown as { usb: { getDevices(): Promise<Device[]>; requestDevice(o: object): Promise<Device> } }).usb;
    const granted = await usb.getDevices();
    const device = await usb.requestDevice({ filters: [{ vendorId: 0x04b8 }] });
    await device.open();
    await device.selectConfiguration(1);
    await device.claimInterface(0);
    const written = await device.transferOut(1, Uint8Array.of(0x1b, 0x40, 0x41, 0x0a));
    await device.transferOut(1, Uint8Array.of(0x10, 0x04, 0x04));
    const answer = await device.transferIn(2, 64);
    return { granted: granted.length, same: granted[0] === device, written: written.bytesWritten, status: answer.status, byte: answer.data.getUint8(0) };
  });
  expect(answers).toEqual({ granted: 1, same: true, written: 4, status: 'ok', byte: 0x12 });
  expect([...(await sentBytes(page))]).toEqual([0x1b, 0x40, 0x41, 0x0a, 0x10, 0x04, 0x04]);
  expect([...(await printedBytes(page))]).toEqual([0x1b, 0x40, 0x41, 0x0a]);
});

test('the kiosk driver prints through the fake printer, asking its status first', async ({ page }) => {
  await installFakeUsb(page, { status: 'ready' });
  await withDriver(page);
  expect(await statusOf(page)).toMatchObject({ ready: true, online: true, paperOut: false });
  expect(await printBytes(page, [0x1b, 0x40, 0x48, 0x49, 0x0a])).toBeNull();
  expect([...(await printedBytes(page))]).toEqual([0x1b, 0x40, 0x48, 0x49, 0x0a]);
  // Two status readings (the one asked for, the one before printing): DLE EOT 1 to 4 each.
  const questions = [1, 2, 3, 4].flatMap((n) => [0x10, 0x04, n]);
  expect([...(await sentBytes(page))]).toEqual([...questions, ...questions, 0x1b, 0x40, 0x48, 0x49, 0x0a]);
});

test('a printer out of paper is reported and prints nothing until the roll is changed', async ({ page }) => {
  await installFakeUsb(page, { status: 'paper_out' });
  await withDriver(page);
  expect(await statusOf(page)).toMatchObject({ ready: false, paperOut: true });
  expect(await printBytes(page, [0x41])).toBe('paper_out');
  expect(await printedBytes(page)).toHaveLength(0);

  await setFakePrinterStatus(page, 'cover_open');
  expect(await printBytes(page, [0x41])).toBe('cover_open');
  await setFakePrinterStatus(page, 'ready');
  expect(await printBytes(page, [0x41])).toBeNull();
  expect([...(await printedBytes(page))]).toEqual([0x41]);
});

test('an unplugged printer is missing', async ({ page }) => {
  await installFakeUsb(page, { status: 'ready' });
  await withDriver(page);
  expect(await statusOf(page)).toMatchObject({ ready: true });
  await unplugFakePrinter(page);
  expect(await statusOf(page)).toBe('printer_missing');
  expect(await printBytes(page, [0x41])).toBe('printer_missing');
});
