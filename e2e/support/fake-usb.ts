// A fake WebUSB for the kiosk's receipt printer: navigator.usb with one printer already granted,
// as Chrome's kiosk policy WebUsbAllowDevicesForUrls grants the real one. It records every byte the
// page sends and answers ESC/POS real-time status questions (DLE EOT n) as the configured printer
// would. Install before the page loads:
//   await installFakeUsb(context, { status: 'paper_out' });
// then read what was sent with printedBytes(page) and decode it as the printer would.
import type { BrowserContext, Page } from '@playwright/test';

export type FakePrinterStatus = 'ready' | 'paper_out' | 'cover_open';

/** What the fake keeps on window, for the helpers below. */
interface FakeUsbWindow {
  /** Every byte sent to the printer, in order. */
  __usbSent: number[];
  /** The same bytes, one array per transfer. */
  __usbTransfers: number[][];
  __usbPrinterStatus: FakePrinterStatus;
  __usbUnplug: () => void;
}

/**
 * The page's side, serialised by Playwright into an init script: plain JS, no imports, nothing from
 * outside the function. A transfer that is exactly DLE EOT n gets its answer; the printer would
 * also answer one inside a longer transfer, which no driver of ours sends.
 */
function fakeUsb(initial: FakePrinterStatus): void {
  // Epson's answers to DLE EOT 1 (printer), 2 (offline cause), 3 (error cause), 4 (paper sensor).
  const ANSWERS: Record<FakePrinterStatus, Record<number, number>> = {
    ready: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
    paper_out: { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x7e },
    cover_open: { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 },
  };
  const w = window as unknown as FakeUsbWindow;
  w.__usbSent = [];
  w.__usbTransfers = [];
  w.__usbPrinterStatus = initial;

  let plugged = true;
  const inbox: number[][] = [];
  let waiting: { resolve: (packet: number[]) => void; reject: (error: unknown) => void }[] = [];
  const gone = (): DOMException => new DOMException('The device was disconnected.', 'NotFoundError');
  const deliver = (packet: number[]): void => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(packet);
    else inbox.push(packet);
  };
  const abandonReads = (error: unknown): void => {
    for (const waiter of waiting) waiter.reject(error);
    waiting = [];
  };
  const bytesOf = (data: BufferSource): Uint8Array =>
    ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  // Chromium's own result classes where they exist, so a driver that checks instanceof accepts them.
  const g = globalThis as unknown as Record<string, (new (...args: unknown[]) => object) | undefined>;
  const inResult = (packet: number[]): object => {
    const data = new DataView(Uint8Array.from(packet).buffer);
    const Result = g.USBInTransferResult;
    return Result ? new Result('ok', data) : { status: 'ok', data };
  };
  const outResult = (bytesWritten: number): object => {
    const Result = g.USBOutTransferResult;
    return Result ? new Result('ok', bytesWritten) : { status: 'ok', bytesWritten };
  };

  const endpoints = [
    { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize: 64 },
    { endpointNumber: 2, direction: 'in', type: 'bulk', packetSize: 64 },
  ];
  const alternate = { alternateSetting: 0, interfaceClass: 7, interfaceSubclass: 1, interfaceProtocol: 2, interfaceName: null, endpoints };
  const printerInterface = { interfaceNumber: 0, alternate, alternates: [alternate], claimed: false };
  const configuration = { configurationValue: 1, configurationName: null, interfaces: [printerInterface] };

  const device = {
    vendorId: 0x04b8,
    productId: 0x0202,
    deviceClass: 0,
    deviceSubclass: 0,
    deviceProtocol: 0,
    manufacturerName: 'EPSON',
    productName: 'TM-T88V (fake)',
    serialNumber: 'FAKE0001',
    usbVersionMajor: 2,
    usbVersionMinor: 0,
    usbVersionSubminor: 0,
    deviceVersionMajor: 1,
    deviceVersionMinor: 0,
    deviceVersionSubminor: 0,
    opened: false,
    configuration: null as typeof configuration | null,
    configurations: [configuration],
    open(): Promise<void> {
      if (!plugged) return Promise.reject(gone());
      device.opened = true;
      return Promise.resolve();
    },
    close(): Promise<void> {
      device.opened = false;
      printerInterface.claimed = false;
      abandonReads(new DOMException('The transfer was cancelled.', 'AbortError'));
      return Promise.resolve();
    },
    selectConfiguration(value: number): Promise<void> {
      if (!device.opened) return Promise.reject(new DOMException('The device must be opened first.', 'InvalidStateError'));
      if (value !== 1) return Promise.reject(new DOMException('The configuration value provided is not supported.', 'NotFoundError'));
      device.configuration = configuration;
      return Promise.resolve();
    },
    claimInterface(interfaceNumber: number): Promise<void> {
      if (!device.opened || !device.configuration) return Promise.reject(new DOMException('The device must be opened first.', 'InvalidStateError'));
      if (interfaceNumber !== 0) return Promise.reject(new DOMException('The interface number provided is not supported.', 'NotFoundError'));
      printerInterface.claimed = true;
      return Promise.resolve();
    },
    releaseInterface(): Promise<void> {
      printerInterface.claimed = false;
      return Promise.resolve();
    },
    reset: (): Promise<void> => Promise.resolve(),
    clearHalt: (): Promise<void> => Promise.resolve(),
    transferOut(endpointNumber: number, data: BufferSource): Promise<object> {
      if (!plugged) return Promise.reject(gone());
      if (!printerInterface.claimed || endpointNumber !== 1) {
        return Promise.reject(new DOMException('The specified endpoint is not part of a claimed and selected alternate interface.', 'NotFoundError'));
      }
      const bytes = Array.from(bytesOf(data));
      w.__usbSent.push(...bytes);
      w.__usbTransfers.push(bytes);
      const [dle, eot, n] = bytes;
      if (bytes.length === 3 && dle === 0x10 && eot === 0x04 && n !== undefined) {
        const answer = ANSWERS[w.__usbPrinterStatus][n];
        if (answer !== undefined) deliver([answer]);
      }
      return Promise.resolve(outResult(bytes.length));
    },
    /** Waits for an answer, as a real IN endpoint does. */
    transferIn(endpointNumber: number): Promise<object> {
      if (!plugged) return Promise.reject(gone());
      if (!printerInterface.claimed || endpointNumber !== 2) {
        return Promise.reject(new DOMException('The specified endpoint is not part of a claimed and selected alternate interface.', 'NotFoundError'));
      }
      const packet = inbox.shift();
      if (packet) return Promise.resolve(inResult(packet));
      return new Promise<number[]>((resolve, reject) => waiting.push({ resolve, reject })).then(inResult);
    },
  };

  const usb = new EventTarget();
  Object.assign(usb, {
    getDevices: (): Promise<object[]> => Promise.resolve(plugged ? [device] : []),
    requestDevice: (): Promise<object> => (plugged ? Promise.resolve(device) : Promise.reject(new DOMException('No device selected.', 'NotFoundError'))),
  });
  Object.defineProperty(Navigator.prototype, 'usb', { configurable: true, get: () => usb });

  w.__usbUnplug = () => {
    plugged = false;
    device.opened = false;
    abandonReads(gone());
    usb.dispatchEvent(Object.assign(new Event('disconnect'), { device }));
  };
}

/** Gives every page of the context (or one page) the fake printer, before any of its scripts run. */
export async function installFakeUsb(target: BrowserContext | Page, options: { status: FakePrinterStatus }): Promise<void> {
  await target.addInitScript(fakeUsb, options.status);
}

/** Every byte the page sent to the printer, status questions included. */
export async function sentBytes(page: Page): Promise<Uint8Array> {
  return Uint8Array.from(await page.evaluate(() => (window as unknown as FakeUsbWindow).__usbSent));
}

/** What would come out on paper: every transfer but the status questions (DLE EOT n alone). */
export async function printedBytes(page: Page): Promise<Uint8Array> {
  const transfers = await page.evaluate(() => (window as unknown as FakeUsbWindow).__usbTransfers);
  const isQuestion = (t: number[]): boolean => t.length === 3 && t[0] === 0x10 && t[1] === 0x04;
  return Uint8Array.from(transfers.filter((t) => !isQuestion(t)).flat());
}

/** The paper runs out, or the cover is opened, while the page runs. */
export async function setFakePrinterStatus(page: Page, status: FakePrinterStatus): Promise<void> {
  await page.evaluate((s) => {
    (window as unknown as FakeUsbWindow).__usbPrinterStatus = s;
  }, status);
}

/** The printer's cable is pulled: transfers fail, getDevices() no longer lists it, `disconnect` fires. */
export async function unplugFakePrinter(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as FakeUsbWindow).__usbUnplug());
}
