// Test doubles for WebHID: a granted device that sends the input reports a test gives it, and the
// navigator.hid that grants it. Used by the driver's tests only.
import type { Hid, HidCollection, HidConnectionEvent, HidDevice, HidDeviceFilter, HidInputReportEvent } from './hid';
import { BAR_CODE_SCANNER_USAGE, BAR_CODE_SCANNER_USAGE_PAGE, SCANNED_DATA_REPORT_ID, scannedDataReports } from './hid-pos-report';

export const HID_POS_COLLECTIONS: readonly HidCollection[] = [{ usagePage: BAR_CODE_SCANNER_USAGE_PAGE, usage: BAR_CODE_SCANNER_USAGE }];

type Listener<E> = (event: E) => void;

export class FakeHidDevice implements HidDevice {
  opened = false;
  readonly productName = 'Fake HID POS scanner';
  readonly featureReports: { reportId: number; data: number[] }[] = [];
  readonly listeners = new Set<Listener<HidInputReportEvent>>();
  /** Set to make open() fail, as a device held by another program does. */
  openError: Error | null = null;
  /** Resolves open(); a test may hold it back to stop the scanner while the device opens. */
  openGate: Promise<void> = Promise.resolve();

  constructor(
    readonly vendorId = 0x0c2e,
    readonly collections: readonly HidCollection[] = HID_POS_COLLECTIONS,
    readonly productId = 0x0b07,
  ) {}

  async open(): Promise<void> {
    await this.openGate;
    if (this.openError) throw this.openError;
    this.opened = true;
  }

  close(): Promise<void> {
    this.opened = false;
    return Promise.resolve();
  }

  sendFeatureReport(reportId: number, data: BufferSource): Promise<void> {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.featureReports.push({ reportId, data: [...bytes] });
    return Promise.resolve();
  }

  #onListen: (() => void) | null = null;

  addEventListener(_type: 'inputreport', listener: Listener<HidInputReportEvent>): void {
    this.listeners.add(listener);
    this.#onListen?.();
  }

  /** Resolves when the next listener comes: the driver has taken the device up. */
  nextListener(): Promise<void> {
    return new Promise((resolve) => {
      this.#onListen = resolve;
    });
  }

  removeEventListener(_type: 'inputreport', listener: Listener<HidInputReportEvent>): void {
    this.listeners.delete(listener);
  }

  /** Sends one input report, as the browser delivers it: the id apart, the rest as a DataView. */
  report(bytes: Uint8Array, reportId = SCANNED_DATA_REPORT_ID): void {
    if (!this.opened) return; // a closed device delivers nothing
    const event = { data: new DataView(bytes.slice().buffer), reportId, device: this };
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Sends the reports of a QR code read: what a scanner does when the citizen shows one. */
  scan(text: string): void {
    for (const report of scannedDataReports(text)) this.report(report);
  }
}

export class FakeHid implements Hid {
  readonly requests: HidDeviceFilter[][] = [];
  readonly listeners = { connect: new Set<Listener<HidConnectionEvent>>(), disconnect: new Set<Listener<HidConnectionEvent>>() };

  constructor(public granted: FakeHidDevice[] = []) {}

  getDevices(): Promise<HidDevice[]> {
    return Promise.resolve([...this.granted]);
  }

  requestDevice(options: { filters: HidDeviceFilter[] }): Promise<HidDevice[]> {
    this.requests.push(options.filters);
    return Promise.resolve([...this.granted]);
  }

  addEventListener(type: 'connect' | 'disconnect', listener: Listener<HidConnectionEvent>): void {
    this.listeners[type].add(listener);
  }

  removeEventListener(type: 'connect' | 'disconnect', listener: Listener<HidConnectionEvent>): void {
    this.listeners[type].delete(listener);
  }

  unplug(device: FakeHidDevice): void {
    device.opened = false;
    for (const listener of [...this.listeners.disconnect]) listener({ device });
  }

  plug(device: FakeHidDevice): void {
    for (const listener of [...this.listeners.connect]) listener({ device });
  }
}
