// A barcode/QR scanner in HID POS mode over WebHID.
//
// Why not @point-of-sale/webhid-barcode-scanner (1.2.2), though it speaks the same reports: it
// console.logs every value it reads (here, the citizen's IIN), its reconnect() throws when called
// without an argument — as its own hot-plug handler does — its listeners cannot be removed, and
// connect() swallows errors, so the kiosk could not tell a missing scanner from a broken one.
// The report format is small (hid-pos-report.ts); we keep the library's device choice: the HID
// POS collection, the vendors it knows, and Honeywell's "HID POS on" feature report.
import { ScannerError, type Scanner, type ScannerErrorCode, type ScannerEventMap, type ScannerListener } from './scanner';
import { ScannerListeners } from './scanner-listeners';
import { browserHid, type Hid, type HidConnectionEvent, type HidDevice, type HidInputReportEvent } from './hid';
import { BAR_CODE_SCANNER_USAGE, BAR_CODE_SCANNER_USAGE_PAGE, SCANNED_DATA_REPORT_ID, ScanAssembler } from './hid-pos-report';

const HONEYWELL_VENDOR_IDS = [0x0c2e, 0x23d0];
/** Honeywell, Zebra (Symbol), Datalogic: scanners that may be plugged in but set to keyboard mode. */
const SCANNER_VENDOR_IDS = [...HONEYWELL_VENDOR_IDS, 0x05e0, 0x05f9];
const HONEYWELL_HID_POS_REPORT_ID = 0xfe;

function isHidPosScanner(device: HidDevice): boolean {
  return device.collections.some((c) => c.usagePage === BAR_CODE_SCANNER_USAGE_PAGE && c.usage === BAR_CODE_SCANNER_USAGE);
}

/**
 * Asks the browser to grant a scanner: needs a user gesture, so technician mode calls it from a
 * button. The kiosk itself relies on the WebHidAllowDevicesForUrls policy and never prompts.
 */
export async function requestScanner(hid: Hid | undefined = browserHid()): Promise<boolean> {
  if (!hid) throw new ScannerError('scanner_missing');
  const filters = [
    { usagePage: BAR_CODE_SCANNER_USAGE_PAGE, usage: BAR_CODE_SCANNER_USAGE },
    ...SCANNER_VENDOR_IDS.map((vendorId) => ({ vendorId })),
  ];
  const devices = await hid.requestDevice({ filters });
  return devices.length > 0;
}

/**
 * For the terminal's heartbeat: whether the profile's scanner is there, without opening it (the
 * start screen may be listening to it). `scanner_missing`, `scanner_not_pos_mode` as start() would
 * find them; null for a scanner that is there, and for drivers that need no device (emulated).
 */
export async function checkHidScanner(driver: string, options: { hid?: Hid | undefined } = {}): Promise<ScannerErrorCode | null> {
  if (driver !== 'webhid') return null;
  const hid = 'hid' in options ? options.hid : browserHid();
  if (!hid) return 'scanner_missing';
  const devices = await hid.getDevices().catch(() => []);
  if (devices.some(isHidPosScanner)) return null;
  return devices.some((d) => SCANNER_VENDOR_IDS.includes(d.vendorId)) ? 'scanner_not_pos_mode' : 'scanner_missing';
}

export interface WebHidScannerOptions {
  /** Defaults to navigator.hid. */
  hid?: Hid | undefined;
  now?: () => number;
}

export class WebHidScanner implements Scanner {
  readonly source = 'hid';
  readonly #hid: Hid | undefined;
  readonly #listeners: ScannerListeners;
  readonly #assembler = new ScanAssembler();
  /** One object per start(): work begun under an earlier one is undone when it finishes. */
  #run: object | null = null;
  #device: HidDevice | null = null;

  constructor(options: WebHidScannerOptions = {}) {
    this.#hid = 'hid' in options ? options.hid : browserHid();
    this.#listeners = new ScannerListeners(this.source, options.now);
  }

  on<K extends keyof ScannerEventMap>(type: K, listener: ScannerListener<K>): () => void {
    return this.#listeners.on(type, listener);
  }

  async start(): Promise<void> {
    if (this.#run) return;
    const hid = this.#hid;
    if (!hid) throw new ScannerError('scanner_missing');
    const run = {};
    this.#run = run;
    try {
      const devices = await hid.getDevices();
      const device = devices.find(isHidPosScanner);
      if (!device) {
        const keyboardMode = devices.some((d) => SCANNER_VENDOR_IDS.includes(d.vendorId));
        throw new ScannerError(keyboardMode ? 'scanner_not_pos_mode' : 'scanner_missing');
      }
      await this.#attach(device, run);
    } catch (error) {
      if (this.#run === run) this.#run = null;
      throw error;
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
    if (device) await closeQuietly(device);
  }

  async #attach(device: HidDevice, run: object): Promise<void> {
    try {
      if (!device.opened) await device.open();
      if (HONEYWELL_VENDOR_IDS.includes(device.vendorId)) {
        await device.sendFeatureReport(HONEYWELL_HID_POS_REPORT_ID, new Uint8Array([1]));
      }
    } catch (cause) {
      throw new ScannerError('scanner_failed', { cause });
    }
    // stop() came while the device was opening: it must not stay open with nobody listening.
    if (this.#run !== run || this.#device) {
      if (this.#device !== device) await closeQuietly(device);
      return;
    }
    this.#assembler.reset();
    this.#device = device;
    device.addEventListener('inputreport', this.#onReport);
  }

  #detach(): HidDevice | null {
    const device = this.#device;
    device?.removeEventListener('inputreport', this.#onReport);
    this.#device = null;
    this.#assembler.reset();
    return device;
  }

  readonly #onReport = (event: HidInputReportEvent): void => {
    if (event.reportId !== SCANNED_DATA_REPORT_ID) return;
    const result = this.#assembler.push(event.data);
    if (result.kind === 'unreadable') this.#listeners.error(new ScannerError('scan_unreadable'));
    else if (result.kind === 'done' && result.text !== '') this.#listeners.scan(result.text);
  };

  readonly #onDisconnect = (event: HidConnectionEvent): void => {
    if (event.device !== this.#device) return;
    this.#detach();
    this.#listeners.error(new ScannerError('scanner_disconnected'));
  };

  // A scanner plugged back in while we listen is taken up again without anyone touching the kiosk.
  readonly #onConnect = (event: HidConnectionEvent): void => {
    const run = this.#run;
    if (!run || this.#device || !isHidPosScanner(event.device)) return;
    this.#attach(event.device, run).catch((error: unknown) => {
      this.#listeners.error(error instanceof ScannerError ? error : new ScannerError('scanner_failed', { cause: error }));
    });
  };
}

/** Closing fails on a device already unplugged; there is nothing left to release then. */
async function closeQuietly(device: HidDevice): Promise<void> {
  try {
    await device.close();
  } catch {
    // Nothing to do: the device is gone.
  }
}
