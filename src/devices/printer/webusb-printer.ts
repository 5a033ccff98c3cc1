// The receipt printer on the terminal, over WebUSB, speaking ESC/POS. Chrome's kiosk policy
// WebUsbAllowDevicesForUrls grants the printer to the kiosk's origin, so it is found among the
// already granted devices (navigator.usb.getDevices()) and no citizen ever sees a permission prompt.
//
// Not @point-of-sale/webusb-receipt-printer: it reads no status, logs and swallows every error of
// connect() and print() (a receipt lost without a word), and only finds a printer through the
// requestDevice() prompt.
import { PrinterError, type BytePrinter, type PrintJob, type PrinterStatus } from './printer';
import { isStatusByte, parseStatus, printerProblem, statusRequest, type StatusQueryNumber } from './printer-status';

// The parts of WebUSB this driver uses: TypeScript's DOM library has no WebUSB types.
type UsbTransferStatus = 'ok' | 'stall' | 'babble';

interface UsbEndpoint {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: 'bulk' | 'interrupt' | 'isochronous';
  packetSize: number;
}

interface UsbAlternateInterface {
  interfaceClass: number;
  endpoints: UsbEndpoint[];
}

interface UsbInterface {
  interfaceNumber: number;
  alternate: UsbAlternateInterface | null;
  alternates: UsbAlternateInterface[];
}

interface UsbConfiguration {
  configurationValue: number;
  interfaces: UsbInterface[];
}

export interface UsbDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly deviceClass: number;
  readonly opened: boolean;
  readonly configuration: UsbConfiguration | null;
  readonly configurations: UsbConfiguration[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(configurationValue: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  transferOut(endpointNumber: number, data: Uint8Array): Promise<{ status: UsbTransferStatus; bytesWritten: number }>;
  transferIn(endpointNumber: number, length: number): Promise<{ status: UsbTransferStatus; data?: DataView | undefined }>;
  clearHalt(direction: 'in' | 'out', endpointNumber: number): Promise<void>;
}

export interface Usb {
  getDevices(): Promise<UsbDevice[]>;
  /** The browser's chooser: needs a user's tap; rejects with NotFoundError when none is chosen. */
  requestDevice(options: { filters: UsbDeviceFilter[] }): Promise<UsbDevice>;
  addEventListener(type: 'disconnect', listener: (event: Event & { device?: UsbDevice }) => void): void;
}

export interface UsbDeviceFilter {
  vendorId?: number;
  productId?: number;
  classCode?: number;
}

/** navigator.usb, where the browser has WebUSB. */
export function browserUsb(): Usb | undefined {
  return (globalThis.navigator as (Navigator & { usb?: Usb }) | undefined)?.usb;
}

/**
 * Asks the browser's chooser for a receipt printer: for a desktop without the kiosk's Chrome
 * policies (a tester's, or a terminal being set up). False when none was chosen.
 */
export async function requestPrinter(usb: Usb | undefined = browserUsb()): Promise<boolean> {
  if (!usb) throw new PrinterError('printer_missing');
  try {
    await usb.requestDevice({ filters: [...ESC_POS_PRINTERS] });
    return true;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return false;
    throw new PrinterError('printer_failed', { cause: error });
  }
}

/** USB's printer class. */
const PRINTER_CLASS = 0x07;

/**
 * Any USB printer-class device, and the ESC/POS makers whose printers present a vendor-specific
 * interface instead (the list of @point-of-sale/webusb-receipt-printer's ESC/POS profiles).
 */
export const ESC_POS_PRINTERS: readonly UsbDeviceFilter[] = [
  { classCode: PRINTER_CLASS },
  { vendorId: 0x04b8 }, // Epson
  { vendorId: 0x1d90 }, // Citizen
  { vendorId: 0x05d9 }, // HP
  { vendorId: 0x04c5 }, // Fujitsu
  { vendorId: 0x0419 }, // Samsung / Bixolon
  { vendorId: 0x1504 }, // Bixolon
  { vendorId: 0x0483, productId: 0x5743 }, // POS-8022
  { vendorId: 0x0483, productId: 0x5840 }, // MPT-II
  { vendorId: 0x0416, productId: 0x5011 }, // POS-5805, POS-8360
  { vendorId: 0x0fe6, productId: 0x811e }, // Dtronic
  { vendorId: 0x1fc9, productId: 0x2016 }, // Xprinter
];

export interface WebUsbPrinterOptions {
  /** Turns a receipt into ESC/POS (devices/printer/escpos.ts). */
  encode: (job: PrintJob) => Uint8Array | Promise<Uint8Array>;
  /** navigator.usb unless given. */
  usb?: Usb | undefined;
  filters?: readonly UsbDeviceFilter[];
  /** Bytes per bulk transfer: a printer unplugged mid-receipt fails the next transfer, not the end of a long one. */
  chunkSize?: number;
  /** How long a status answer may take; a printer that does not answer is out of order. */
  statusTimeoutMs?: number;
}

/** Where the printer listens and answers. */
interface PrinterInterface {
  interfaceNumber: number;
  out: number;
  in: number;
  packetSize: number;
}

type Link = PrinterInterface & { device: UsbDevice };

/** Answers read per question: some printers send an empty packet before the answer. */
const READS_PER_ANSWER = 3;

export class WebUsbPrinter implements BytePrinter {
  readonly #usb: Usb | undefined;
  readonly #encode: WebUsbPrinterOptions['encode'];
  readonly #filters: readonly UsbDeviceFilter[];
  readonly #chunkSize: number;
  readonly #statusTimeoutMs: number;
  #link: Link | null = null;
  /** One conversation at a time: a status question between two chunks of a receipt would split a command. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: WebUsbPrinterOptions) {
    this.#usb = options.usb ?? browserUsb();
    this.#encode = options.encode;
    this.#filters = options.filters ?? ESC_POS_PRINTERS;
    this.#chunkSize = options.chunkSize ?? 4096;
    this.#statusTimeoutMs = options.statusTimeoutMs ?? 2000;
    this.#usb?.addEventListener('disconnect', (event) => {
      if (this.#link && event.device === this.#link.device) this.#link = null;
    });
  }

  async print(job: PrintJob): Promise<void> {
    await this.printBytes(await this.#encode(job));
  }

  /** Asks the printer first: bytes sent to a printer without paper would be lost without a word. */
  printBytes(bytes: Uint8Array): Promise<void> {
    return this.#serial(async () => {
      const link = await this.#connect();
      const problem = printerProblem(await this.#readStatus(link));
      if (problem) throw new PrinterError(problem);
      await this.#guard(link, () => this.#write(link, bytes));
    });
  }

  status(): Promise<PrinterStatus> {
    return this.#serial(async () => this.#readStatus(await this.#connect()));
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #connect(): Promise<Link> {
    if (this.#link) return this.#link;
    const devices = this.#usb
      ? await this.#usb.getDevices().catch((cause: unknown) => Promise.reject(new PrinterError('printer_failed', { cause })))
      : [];
    const device = devices.find((d) => this.#filters.some((filter) => matches(filter, d)));
    if (!device) throw new PrinterError('printer_missing');
    try {
      if (!device.opened) await device.open();
      if (!device.configuration) await device.selectConfiguration(device.configurations[0]?.configurationValue ?? 1);
      const found = device.configuration && printerInterface(device.configuration);
      // A printer that cannot answer DLE EOT cannot say it is out of paper: not fit for a kiosk.
      if (!found) throw new Error('no bulk OUT and IN endpoints on the printer');
      await device.claimInterface(found.interfaceNumber);
      this.#link = { device, ...found };
      return this.#link;
    } catch (cause) {
      await device.close().catch(() => undefined);
      throw new PrinterError('printer_failed', { cause });
    }
  }

  #readStatus(link: Link): Promise<PrinterStatus> {
    return this.#guard(link, async () =>
      // Asked one after another: each answer is one byte, told apart only by its order.
      parseStatus({
        printer: await this.#ask(link, 1),
        offlineCause: await this.#ask(link, 2),
        errorCause: await this.#ask(link, 3),
        paperSensor: await this.#ask(link, 4),
      }),
    );
  }

  async #ask(link: Link, n: StatusQueryNumber): Promise<number> {
    await transfer(link, statusRequest(n));
    for (let read = 0; read < READS_PER_ANSWER; read++) {
      const result = await withTimeout(link.device.transferIn(link.in, link.packetSize), this.#statusTimeoutMs);
      const data = result.status === 'ok' && result.data ? new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength) : [];
      const answer = [...data].reverse().find(isStatusByte);
      if (answer !== undefined) return answer;
    }
    throw new Error(`no answer to DLE EOT ${n}`);
  }

  async #write(link: Link, bytes: Uint8Array): Promise<void> {
    for (let offset = 0; offset < bytes.length; offset += this.#chunkSize) {
      await transfer(link, bytes.subarray(offset, offset + this.#chunkSize));
    }
  }

  /** A failed conversation leaves the printer in an unknown state: the next one opens it afresh. */
  async #guard<T>(link: Link, talk: () => Promise<T>): Promise<T> {
    try {
      return await talk();
    } catch (cause) {
      if (this.#link === link) this.#link = null;
      await link.device.close().catch(() => undefined);
      throw new PrinterError('printer_failed', { cause });
    }
  }
}

async function transfer(link: Link, bytes: Uint8Array): Promise<void> {
  const result = await link.device.transferOut(link.out, bytes);
  if (result.status === 'stall') await link.device.clearHalt('out', link.out);
  if (result.status !== 'ok' || result.bytesWritten !== bytes.length) {
    throw new Error(`transfer ${result.status}, ${result.bytesWritten} of ${bytes.length} bytes written`);
  }
}

function matches(filter: UsbDeviceFilter, device: UsbDevice): boolean {
  const hasClass = (classCode: number): boolean =>
    device.deviceClass === classCode ||
    device.configurations.some((c) => c.interfaces.some((i) => i.alternates.some((a) => a.interfaceClass === classCode)));
  return (
    (filter.vendorId === undefined || filter.vendorId === device.vendorId) &&
    (filter.productId === undefined || filter.productId === device.productId) &&
    (filter.classCode === undefined || hasClass(filter.classCode))
  );
}

/** The printer-class interface if there is one, else the first with bulk endpoints both ways. */
function printerInterface(configuration: UsbConfiguration): PrinterInterface | null {
  const isPrinter = (i: UsbInterface): boolean => (i.alternate ?? i.alternates[0])?.interfaceClass === PRINTER_CLASS;
  const ordered = [...configuration.interfaces].sort((a, b) => Number(isPrinter(b)) - Number(isPrinter(a)));
  for (const i of ordered) {
    const endpoints = (i.alternate ?? i.alternates[0])?.endpoints ?? [];
    const out = endpoints.find((e) => e.type === 'bulk' && e.direction === 'out');
    const into = endpoints.find((e) => e.type === 'bulk' && e.direction === 'in');
    if (out && into) return { interfaceNumber: i.interfaceNumber, out: out.endpointNumber, in: into.endpointNumber, packetSize: into.packetSize };
  }
  return null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
