// A tactile keypad read over WebHID: its Keyboard-page usages, in the keyboard report's layout
// (keyboard-report.ts), mapped to the same keys as a keyboard's (key-map.ts).
//
// Chrome withholds the input reports of keyboard and keypad collections (Generic Desktop 0x06 and
// 0x07) from pages, so a keypad that only presents itself as a keyboard is the `keyboard` driver's.
// This driver is for keypads that also send their keys on a collection a page may read — a
// vendor-defined one (usage page 0xFF00…0xFFFF, such as Storm's "HID-HID" pipe) whose report
// carries Keyboard-page usages: docs/accessibility.md says how a technician tells which.
import { browserHid, type Hid, type HidConnectionEvent, type HidDevice, type HidInputReportEvent } from '../scanner/hid';
import type { HidCollectionInfo } from '../signature/hid-digitizer';
import { KEYBOARD_USAGE_PAGE } from './key-map';
import { KeyPresses } from './keyboard-report';
import { KeypadError, type Keypad, type KeypadEventMap, type KeypadListener } from './keypad';
import { KeypadListeners } from './keypad-listeners';

const VENDOR_USAGE_PAGES = { first: 0xff00, last: 0xffff } as const;

/** Whether a report item carries Keyboard-page usages (as a list, or as a range of 32-bit usages). */
function hasKeyboardUsages(collection: HidCollectionInfo): boolean {
  const items = (collection.inputReports ?? []).flatMap((report) => report.items ?? []);
  return items.some(
    (item) =>
      (item.usages ?? []).some((usage) => usage >>> 16 === KEYBOARD_USAGE_PAGE) ||
      (item.isRange === true && (item.usageMinimum ?? 0) >>> 16 === KEYBOARD_USAGE_PAGE),
  );
}

/** A collection this driver reads: a vendor-defined one whose reports carry keyboard keys. */
export function isKeypadCollection(collection: HidCollectionInfo): boolean {
  const page = collection.usagePage ?? 0;
  return page >= VENDOR_USAGE_PAGES.first && page <= VENDOR_USAGE_PAGES.last && hasKeyboardUsages(collection);
}

export function isHidKeypad(device: HidDevice): boolean {
  return (device.collections as readonly HidCollectionInfo[]).some(isKeypadCollection);
}

/** Asks the browser to grant a keypad: technician mode, from a button; the kiosk itself relies on the WebHidAllowDevicesForUrls policy. */
export async function requestKeypad(hid: Hid | undefined = browserHid()): Promise<boolean> {
  if (!hid) throw new KeypadError('keypad_missing');
  const devices = await hid.requestDevice({ filters: [{ usagePage: VENDOR_USAGE_PAGES.first }] });
  return devices.some(isHidKeypad);
}

export interface WebHidKeypadOptions {
  /** Defaults to navigator.hid. */
  hid?: Hid | undefined;
}

export class WebHidKeypad implements Keypad {
  readonly driver = 'webhid';
  readonly navigates = true;
  readonly #hid: Hid | undefined;
  readonly #listeners = new KeypadListeners();
  readonly #presses = new KeyPresses();
  /** One object per start(): work begun under an earlier one is undone when it finishes. */
  #run: object | null = null;
  #device: HidDevice | null = null;

  constructor(options: WebHidKeypadOptions = {}) {
    this.#hid = 'hid' in options ? options.hid : browserHid();
  }

  on<K extends keyof KeypadEventMap>(type: K, listener: KeypadListener<K>): () => void {
    return this.#listeners.on(type, listener);
  }

  async start(): Promise<void> {
    if (this.#run) return;
    const hid = this.#hid;
    if (!hid) throw new KeypadError('keypad_missing');
    const run = {};
    this.#run = run;
    try {
      const device = (await hid.getDevices()).find(isHidKeypad);
      if (!device) throw new KeypadError('keypad_missing');
      await this.#attach(device, run);
    } catch (error) {
      if (this.#run === run) this.#run = null;
      throw error instanceof KeypadError ? error : new KeypadError('keypad_failed', { cause: error });
    }
    if (this.#run !== run) return;
    hid.addEventListener('connect', this.#onConnect);
    hid.addEventListener('disconnect', this.#onDisconnect);
  }

  async stop(): Promise<void> {
    this.#run = null;
    this.#hid?.removeEventListener('connect', this.#onConnect);
    this.#hid?.removeEventListener('disconnect', this.#onDisconnect);
    const device = this.#detach();
    if (device) await device.close().catch(() => undefined);
  }

  async #attach(device: HidDevice, run: object): Promise<void> {
    try {
      if (!device.opened) await device.open();
    } catch (cause) {
      throw new KeypadError('keypad_failed', { cause });
    }
    // stop() came while the device was opening: it must not stay open with nobody listening.
    if (this.#run !== run || this.#device) {
      if (this.#device !== device) await device.close().catch(() => undefined);
      return;
    }
    this.#presses.reset();
    this.#device = device;
    device.addEventListener('inputreport', this.#onReport);
  }

  #detach(): HidDevice | null {
    const device = this.#device;
    device?.removeEventListener('inputreport', this.#onReport);
    this.#device = null;
    this.#presses.reset();
    return device;
  }

  readonly #onReport = (event: HidInputReportEvent): void => {
    for (const key of this.#presses.push(event.data)) this.#listeners.press(key);
  };

  readonly #onDisconnect = (event: HidConnectionEvent): void => {
    if (event.device !== this.#device) return;
    this.#detach();
    this.#listeners.error(new KeypadError('keypad_disconnected'));
  };

  // Plugged back in while the kiosk runs: taken up again without anyone touching the terminal.
  readonly #onConnect = (event: HidConnectionEvent): void => {
    const run = this.#run;
    if (!run || this.#device || !isHidKeypad(event.device)) return;
    this.#attach(event.device, run).catch((error: unknown) => {
      this.#listeners.error(error instanceof KeypadError ? error : new KeypadError('keypad_failed', { cause: error }));
    });
  };
}
