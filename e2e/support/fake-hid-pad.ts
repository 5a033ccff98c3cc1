// A fake WebHID for the kiosk's signature pad: navigator.hid with one pen digitizer already granted
// (as Chrome's kiosk policy WebHidAllowDevicesForUrls grants the real one), or none. Install before
// the page loads, then write with its pen:
//   await installFakeHidPad(context);
//   await signWithFakePad(page, [[{ x: 0.2, y: 0.5, pressure: 0.4 }, …], …]);
// Its collections are what Chrome parses from Microsoft's sample pen report descriptor (the one
// src/devices/signature/fake-pen.ts gives the unit tests): report 2, 9 bytes: tip switch (bit 0)
// and in range (bit 5), X 0…21240 and Y 0…15980 in 16 bits each, tip pressure 0…255 in 16 bits, tilt.
import type { BrowserContext, Page } from '@playwright/test';

/** The pen over the pad: x and y 0…1 across its writing area, pressure 0…1. */
export interface PenPoint {
  x: number;
  y: number;
  pressure: number;
}

interface PenReport {
  tip: boolean;
  inRange: boolean;
  x: number;
  y: number;
  pressure: number;
}

/** What the fake keeps on window, for the helpers below. */
interface FakePadWindow {
  /** True while the page has the pad open and listens to its reports. */
  __padListening: () => boolean;
  /** Sends the pen's reports; false when nobody listens (the strokes are lost, as on a real pad). */
  __padPen: (reports: PenReport[]) => boolean;
}

/** The page's side, serialised by Playwright into an init script: plain JS, no imports, nothing from outside the function. */
function fakeHidPad(granted: boolean): void {
  const REPORT_ID = 2;
  const X_MAX = 21240;
  const Y_MAX = 15980;
  const PRESSURE_MAX = 255;
  const w = window as unknown as FakePadWindow;
  const listeners = new Set<(event: Event) => void>();

  const item = (fields: Record<string, unknown>): Record<string, unknown> => ({
    isAbsolute: true,
    isArray: false,
    isBufferedBytes: false,
    isConstant: false,
    isLinear: true,
    isRange: false,
    isVolatile: false,
    hasNull: false,
    hasPreferredState: true,
    wrap: false,
    usages: [],
    usageMinimum: 0,
    usageMaximum: 0,
    reportSize: 1,
    reportCount: 1,
    unitExponent: 0,
    unitSystem: 'none',
    logicalMinimum: 0,
    logicalMaximum: 1,
    physicalMinimum: 0,
    physicalMaximum: 0,
    strings: [],
    ...fields,
  });
  const items = [
    item({ usages: [0x000d0042, 0x000d0044, 0x000d003c, 0x000d0045], reportCount: 4 }), // tip, barrel, invert, eraser
    item({ isConstant: true }),
    item({ usages: [0x000d0032] }), // in range
    item({ isConstant: true, reportCount: 2 }),
    item({ usages: [0x00010030], reportSize: 16, logicalMaximum: X_MAX, physicalMaximum: 8250, unitExponent: -3, unitSystem: 'english-linear' }),
    item({ usages: [0x00010031], reportSize: 16, logicalMaximum: Y_MAX, physicalMaximum: 6188, unitExponent: -3, unitSystem: 'english-linear' }),
    item({ usages: [0x000d0030], reportSize: 16, logicalMaximum: PRESSURE_MAX }),
    item({ usages: [0x000d003d], reportSize: 8, logicalMinimum: -127, logicalMaximum: 127 }),
    item({ usages: [0x000d003e], reportSize: 8, logicalMinimum: -127, logicalMaximum: 127 }),
  ];
  const inputReports = [{ reportId: REPORT_ID, items }];
  const stylus = { usagePage: 0x0d, usage: 0x20, type: 0, children: [], inputReports, outputReports: [], featureReports: [] };

  const device = {
    vendorId: 0x056a,
    productId: 0x00f0,
    productName: 'Pen digitizer (fake, HID)',
    collections: [{ usagePage: 0x0d, usage: 0x02, type: 1, children: [stylus], inputReports, outputReports: [], featureReports: [] }],
    opened: false,
    open(): Promise<void> {
      device.opened = true;
      return Promise.resolve();
    },
    close(): Promise<void> {
      device.opened = false;
      return Promise.resolve();
    },
    forget: (): Promise<void> => Promise.resolve(),
    sendReport: (): Promise<void> => Promise.resolve(),
    sendFeatureReport: (): Promise<void> => Promise.resolve(),
    receiveFeatureReport: (): Promise<DataView> => Promise.resolve(new DataView(new ArrayBuffer(1))),
    addEventListener(type: string, listener: (event: Event) => void): void {
      if (type === 'inputreport') listeners.add(listener);
    },
    removeEventListener(type: string, listener: (event: Event) => void): void {
      if (type === 'inputreport') listeners.delete(listener);
    },
    oninputreport: null,
  };

  const bytesOf = (r: PenReport): Uint8Array => {
    const bytes = new Uint8Array(9);
    const view = new DataView(bytes.buffer);
    view.setUint8(0, (r.tip ? 1 : 0) | (r.inRange ? 0b10_0000 : 0));
    view.setUint16(1, Math.round(r.x * X_MAX), true);
    view.setUint16(3, Math.round(r.y * Y_MAX), true);
    view.setUint16(5, Math.round(r.pressure * PRESSURE_MAX), true);
    return bytes;
  };

  const hid = new EventTarget();
  Object.assign(hid, {
    getDevices: (): Promise<object[]> => Promise.resolve(granted ? [device] : []),
    requestDevice: (): Promise<object[]> => Promise.resolve(granted ? [device] : []),
  });
  Object.defineProperty(Navigator.prototype, 'hid', { configurable: true, get: () => hid });

  w.__padListening = () => device.opened && listeners.size > 0;
  w.__padPen = (reports) => {
    if (!w.__padListening()) return false;
    for (const report of reports) {
      const event = Object.assign(new Event('inputreport'), { device, reportId: REPORT_ID, data: new DataView(bytesOf(report).buffer) });
      for (const listener of [...listeners]) listener(event);
    }
    return true;
  };
}

/** Gives every page of the context (or one page) the fake pad, granted unless told, before any of its scripts run. */
export async function installFakeHidPad(target: BrowserContext | Page, options: { granted?: boolean } = {}): Promise<void> {
  await target.addInitScript(fakeHidPad, options.granted ?? true);
}

/**
 * The citizen signs on the pad: per stroke the pen comes into range, writes through the points and
 * lifts. Waits until the page listens to the pad (a step attaches it when shown).
 */
export async function signWithFakePad(page: Page, strokes: PenPoint[][]): Promise<void> {
  const reports: PenReport[] = strokes.flatMap((stroke) => {
    const first = stroke[0];
    const last = stroke.at(-1);
    if (!first || !last) return [];
    return [
      { ...first, tip: false, inRange: true, pressure: 0 },
      ...stroke.map((p) => ({ ...p, tip: true, inRange: true })),
      { ...last, tip: false, inRange: true, pressure: 0 },
    ];
  });
  await page.waitForFunction(() => (window as unknown as FakePadWindow).__padListening());
  const sent = await page.evaluate((r) => (window as unknown as FakePadWindow).__padPen(r), reports);
  if (!sent) throw new Error('The fake pad stopped being listened to before the signature');
}

/** A signature's scribble across the pad, pressed harder and lighter as a hand does. */
export function penScribble(scale = 1): PenPoint[][] {
  const stroke: PenPoint[] = [];
  for (let i = 0; i <= 24; i++) {
    stroke.push({ x: 0.2 + (0.6 * scale * i) / 24, y: 0.5 + Math.sin(i * 1.3) * 0.25 * scale, pressure: 0.3 + 0.6 * Math.abs(Math.sin(i * 0.7)) });
  }
  return [stroke];
}

/** How many of the canvas's pixels carry ink: the pad's strokes drawn, as the citizen sees them. */
export async function inkedPixels(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) inked++;
    return inked;
  });
}
