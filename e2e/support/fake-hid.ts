// A fake WebHID for the kiosk's barcode scanner: navigator.hid with one HID POS scanner already
// granted, as Chrome's kiosk policy WebHidAllowDevicesForUrls grants the real one. Install before
// the page loads, then show it a code:
//   await installFakeHidScanner(context);
//   await scanWithFakeHid(page, 'KZDOC1|850714300127|09|id_card|ru');
// The reports are the HID POS scanned-data reports src/devices/scanner/hid-pos-report.ts reads
// (and @point-of-sale/webhid-barcode-scanner too): report id 2; 63 bytes: data length, AIM "]Q1",
// up to 56 data bytes, and at byte 62 a flag set while more reports follow.
import type { BrowserContext, Page } from '@playwright/test';

/** What the fake keeps on window, for the helpers below. */
interface FakeHidWindow {
  /** True while the page has the scanner open and listens to its reports: a scan would be read. */
  __hidScannerListening: () => boolean;
  /** Sends the reports of one read; false when nobody listens (the read is lost, as on a real one). */
  __hidScan: (text: string) => boolean;
  __hidUnplug: () => void;
  __hidPlug: () => void;
}

/** The page's side, serialised by Playwright into an init script: plain JS, no imports, nothing from outside the function. */
function fakeHid(): void {
  const REPORT_ID = 2;
  const REPORT_SIZE = 63;
  const DATA_BYTES = 56;
  const w = window as unknown as FakeHidWindow;

  let plugged = true;
  const listeners = new Set<(event: Event) => void>();
  const gone = (): DOMException => new DOMException('The device was disconnected.', 'NotFoundError');

  const device = {
    vendorId: 0x0c2e, // Honeywell
    productId: 0x0b07,
    productName: 'Voyager 1470g (fake, HID POS)',
    collections: [{ usagePage: 0x8c, usage: 0x02, type: 1, children: [], inputReports: [], outputReports: [], featureReports: [] }],
    opened: false,
    open(): Promise<void> {
      if (!plugged) return Promise.reject(gone());
      device.opened = true;
      return Promise.resolve();
    },
    close(): Promise<void> {
      device.opened = false;
      return Promise.resolve();
    },
    forget(): Promise<void> {
      return Promise.resolve();
    },
    sendReport: (): Promise<void> => (plugged ? Promise.resolve() : Promise.reject(gone())),
    sendFeatureReport(): Promise<void> {
      if (!device.opened) return Promise.reject(new DOMException('The device must be opened first.', 'InvalidStateError'));
      return Promise.resolve();
    },
    receiveFeatureReport: (): Promise<DataView> => Promise.resolve(new DataView(new ArrayBuffer(REPORT_SIZE))),
    addEventListener(type: string, listener: (event: Event) => void): void {
      if (type === 'inputreport') listeners.add(listener);
    },
    removeEventListener(type: string, listener: (event: Event) => void): void {
      if (type === 'inputreport') listeners.delete(listener);
    },
    oninputreport: null,
  };

  const reportsOf = (text: string): Uint8Array[] => {
    const bytes = new TextEncoder().encode(`${text}\r`);
    const reports: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += DATA_BYTES) {
      const chunk = bytes.subarray(at, at + DATA_BYTES);
      const report = new Uint8Array(REPORT_SIZE);
      report[0] = chunk.length;
      report.set([0x5d, 0x51, 0x31], 1); // "]Q1": a QR code
      report.set(chunk, 4);
      report[62] = at + DATA_BYTES < bytes.length ? 1 : 0;
      reports.push(report);
    }
    return reports;
  };

  const hid = new EventTarget();
  Object.assign(hid, {
    getDevices: (): Promise<object[]> => Promise.resolve(plugged ? [device] : []),
    requestDevice: (): Promise<object[]> => Promise.resolve(plugged ? [device] : []),
  });
  Object.defineProperty(Navigator.prototype, 'hid', { configurable: true, get: () => hid });

  w.__hidScannerListening = () => plugged && device.opened && listeners.size > 0;
  w.__hidScan = (text) => {
    if (!w.__hidScannerListening()) return false;
    for (const report of reportsOf(text)) {
      const event = Object.assign(new Event('inputreport'), { device, reportId: REPORT_ID, data: new DataView(report.buffer) });
      for (const listener of [...listeners]) listener(event);
    }
    return true;
  };
  w.__hidUnplug = () => {
    plugged = false;
    device.opened = false;
    hid.dispatchEvent(Object.assign(new Event('disconnect'), { device }));
  };
  w.__hidPlug = () => {
    plugged = true;
    hid.dispatchEvent(Object.assign(new Event('connect'), { device }));
  };
}

/** Gives every page of the context (or one page) the fake scanner, before any of its scripts run. */
export async function installFakeHidScanner(target: BrowserContext | Page): Promise<void> {
  await target.addInitScript(fakeHid);
}

/**
 * The citizen holds `text` (a QR's content) to the scanner. Waits until the page listens to the
 * scanner — a step starts it when shown — so the read is never sent into the void.
 */
export async function scanWithFakeHid(page: Page, text: string): Promise<void> {
  await page.waitForFunction(() => (window as unknown as FakeHidWindow).__hidScannerListening());
  const read = await page.evaluate((t) => (window as unknown as FakeHidWindow).__hidScan(t), text);
  if (!read) throw new Error('The fake scanner stopped being listened to before the scan');
}

/** Whether the page has the scanner open and listens to it now. */
export async function fakeScannerListening(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as FakeHidWindow).__hidScannerListening());
}

/** The scanner's cable is pulled: getDevices() no longer lists it, `disconnect` fires. */
export async function unplugFakeScanner(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as FakeHidWindow).__hidUnplug());
}

/** Plugged back in: `connect` fires, as Chrome does for a device the page was granted. */
export async function plugFakeScanner(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as FakeHidWindow).__hidPlug());
}
