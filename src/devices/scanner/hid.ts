// The part of WebHID the scanner driver uses. TypeScript's DOM library has no WebHID types
// (@types/w3c-web-hid would give them); a structural subset also lets a test pass a fake device.

export interface HidCollection {
  readonly usagePage?: number;
  readonly usage?: number;
}

/** The fields of the browser's HIDInputReportEvent the driver reads. */
export interface HidInputReportEvent {
  readonly device: HidDevice;
  readonly reportId: number;
  /** The report without its id byte. */
  readonly data: DataView;
}

export interface HidConnectionEvent {
  readonly device: HidDevice;
}

export interface HidDevice {
  readonly opened: boolean;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  readonly collections: readonly HidCollection[];
  open(): Promise<void>;
  close(): Promise<void>;
  sendFeatureReport(reportId: number, data: BufferSource): Promise<void>;
  addEventListener(type: 'inputreport', listener: (event: HidInputReportEvent) => void): void;
  removeEventListener(type: 'inputreport', listener: (event: HidInputReportEvent) => void): void;
}

export interface HidDeviceFilter {
  vendorId?: number;
  productId?: number;
  usagePage?: number;
  usage?: number;
}

export interface Hid {
  getDevices(): Promise<HidDevice[]>;
  requestDevice(options: { filters: HidDeviceFilter[] }): Promise<HidDevice[]>;
  addEventListener(type: 'connect' | 'disconnect', listener: (event: HidConnectionEvent) => void): void;
  removeEventListener(type: 'connect' | 'disconnect', listener: (event: HidConnectionEvent) => void): void;
}

/** The browser's WebHID, or undefined where there is none (Firefox, Safari, an insecure page). */
export function browserHid(): Hid | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { hid?: Hid }).hid;
}
