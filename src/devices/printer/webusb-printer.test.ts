import { describe, expect, it } from 'vitest';
import { PrinterError, checkPrinter, type PrintJob } from './printer';
import { requestPrinter, WebUsbPrinter, type Usb, type UsbDevice, type WebUsbPrinterOptions } from './webusb-printer';

const READY = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };
const PAPER_OUT = { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x7e };
const COVER_OPEN = { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 };

const bulk = (endpointNumber: number, direction: 'in' | 'out') => ({ endpointNumber, direction, type: 'bulk' as const, packetSize: 64 });

/** A USB printer as far as the driver uses it: it answers DLE EOT n from `answers` and records every transfer. */
class FakePrinter implements UsbDevice {
  readonly vendorId = 0x04b8;
  readonly productId = 0x0202;
  readonly deviceClass = 0;
  readonly configurations;
  configuration: UsbDevice['configuration'] = null;
  opened = false;
  calls: string[] = [];
  transfers: number[][] = [];
  /** Answers waiting to be read from the IN endpoint, one packet each. */
  inbox: number[][] = [];
  /** Transfers out that succeed before the device is gone; Infinity: never unplugged. */
  transfersLeft = Infinity;
  /** A printer that never answers. */
  silent = false;
  /** Packets that arrive before the next answer (empty ones, a byte left from before). */
  strayPackets: number[][] = [];

  constructor(
    public answers: Record<number, number> = READY,
    interfaceClass = 0x07,
    endpoints = [bulk(1, 'out'), bulk(2, 'in')],
  ) {
    const alternate = { interfaceClass, endpoints };
    this.configurations = [{ configurationValue: 1, interfaces: [{ interfaceNumber: 0, alternate, alternates: [alternate] }] }];
  }

  open(): Promise<void> {
    this.calls.push('open');
    this.opened = true;
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.calls.push('close');
    this.opened = false;
    return Promise.resolve();
  }
  selectConfiguration(value: number): Promise<void> {
    this.calls.push(`selectConfiguration ${value}`);
    this.configuration = this.configurations.find((c) => c.configurationValue === value) ?? null;
    return Promise.resolve();
  }
  claimInterface(n: number): Promise<void> {
    this.calls.push(`claimInterface ${n}`);
    return Promise.resolve();
  }
  clearHalt(): Promise<void> {
    return Promise.resolve();
  }
  transferOut(endpoint: number, data: Uint8Array) {
    if (!this.opened || this.transfersLeft-- <= 0) {
      return Promise.reject(new DOMException('The device was disconnected.', 'NotFoundError'));
    }
    expect(endpoint).toBe(1);
    const bytes = [...data];
    this.transfers.push(bytes);
    const [dle, eot, n] = bytes;
    if (bytes.length === 3 && dle === 0x10 && eot === 0x04 && n !== undefined) {
      this.inbox.push(...this.strayPackets.splice(0), [this.answers[n] ?? 0]);
    }
    return Promise.resolve({ status: 'ok' as const, bytesWritten: data.length });
  }
  transferIn(endpoint: number) {
    expect(endpoint).toBe(2);
    if (this.silent) return new Promise<never>(() => {});
    const packet = this.inbox.shift() ?? [];
    return Promise.resolve({ status: 'ok' as const, data: new DataView(Uint8Array.from(packet).buffer) });
  }

  /** The transfers that were not status questions: what would come out on paper. */
  get printed(): number[][] {
    return this.transfers.filter((t) => !(t.length === 3 && t[0] === 0x10 && t[1] === 0x04));
  }
}

class FakeUsb extends EventTarget implements Usb {
  constructor(public devices: UsbDevice[]) {
    super();
  }
  getDevices(): Promise<UsbDevice[]> {
    return Promise.resolve([...this.devices]);
  }
  /** The chooser: the first device plugged in is chosen; none plugged, the chooser is closed. */
  requestDevice(): Promise<UsbDevice> {
    const device = this.devices[0];
    return device ? Promise.resolve(device) : Promise.reject(new DOMException('No device selected.', 'NotFoundError'));
  }
  unplug(device: UsbDevice): void {
    this.devices = this.devices.filter((d) => d !== device);
    this.dispatchEvent(Object.assign(new Event('disconnect'), { device }));
  }
}

function printerOn(usb: Usb | undefined, options: Partial<WebUsbPrinterOptions> = {}): WebUsbPrinter {
  return new WebUsbPrinter({ usb, encode: () => Uint8Array.of(0x1b, 0x40), ...options });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterError);
  return (error as PrinterError).code;
}

const QUESTIONS = [1, 2, 3, 4].map((n) => [0x10, 0x04, n]);

describe('WebUsbPrinter', () => {
  it('opens the granted printer once, in its first configuration, claiming its printer interface', async () => {
    const device = new FakePrinter();
    const printer = printerOn(new FakeUsb([device]));
    await printer.status();
    await printer.status();
    expect(device.calls).toEqual(['open', 'selectConfiguration 1', 'claimInterface 0']);
  });

  it('asks DLE EOT 1 to 4 in order and reads a quiet printer as ready', async () => {
    const device = new FakePrinter();
    const status = await printerOn(new FakeUsb([device])).status();
    expect(device.transfers).toEqual(QUESTIONS);
    expect(status).toMatchObject({ online: true, paperOut: false, coverOpen: false, ready: true });
  });

  it('reports paper out and an open cover from the printer', async () => {
    const empty = printerOn(new FakeUsb([new FakePrinter(PAPER_OUT)]));
    expect(await empty.status()).toMatchObject({ paperOut: true, online: false, ready: false });
    expect(await checkPrinter(empty)).toBe('paper_out');
    expect(await checkPrinter(printerOn(new FakeUsb([new FakePrinter(COVER_OPEN)])))).toBe('cover_open');
    expect(await checkPrinter(printerOn(new FakeUsb([new FakePrinter({ ...READY, 1: 0x1a })])))).toBe('printer_offline');
  });

  it('reads past an empty packet and a byte that cannot be a status answer', async () => {
    const device = new FakePrinter(PAPER_OUT);
    device.strayPackets = [[], [0x00]];
    expect(await printerOn(new FakeUsb([device])).status()).toMatchObject({ paperOut: true, online: false });
  });

  it('sends the bytes after the status, in chunks, unchanged', async () => {
    const device = new FakePrinter();
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => i % 251);
    await printerOn(new FakeUsb([device]), { chunkSize: 4096 }).printBytes(bytes);
    expect(device.transfers.slice(0, 4)).toEqual(QUESTIONS);
    expect(device.printed.map((t) => t.length)).toEqual([4096, 4096, 1808]);
    expect(device.printed.flat()).toEqual([...bytes]);
  });

  it('prints a receipt as its encoder made it', async () => {
    const device = new FakePrinter();
    const job: PrintJob = { printable: { title: 'A', subtitle: '', notes: [], rows: [], qr: null, footer: [] }, lines: ['A'], columns: 48, qr: null, footer: [] };
    const encoded: PrintJob[] = [];
    const printer = printerOn(new FakeUsb([device]), {
      encode: (j) => {
        encoded.push(j);
        return Uint8Array.of(0x1b, 0x40, 0x41, 0x0a);
      },
    });
    await printer.print(job);
    expect(encoded).toEqual([job]);
    expect(device.printed).toEqual([[0x1b, 0x40, 0x41, 0x0a]]);
  });

  it('sends nothing to a printer out of paper, and says so', async () => {
    const device = new FakePrinter(PAPER_OUT);
    expect(await codeOf(printerOn(new FakeUsb([device])).printBytes(Uint8Array.of(1, 2, 3)))).toBe('paper_out');
    expect(device.printed).toEqual([]);
  });

  it('reports a printer unplugged mid-receipt as failed, then as missing', async () => {
    const device = new FakePrinter();
    const usb = new FakeUsb([device]);
    const printer = printerOn(usb, { chunkSize: 10 });
    device.transfersLeft = QUESTIONS.length + 2;
    expect(await codeOf(printer.printBytes(new Uint8Array(100)))).toBe('printer_failed');
    expect(device.printed.length).toBe(2);
    expect(device.opened).toBe(false);
    usb.devices = [];
    expect(await codeOf(printer.status())).toBe('printer_missing');
  });

  it('finds the printer again after it was unplugged and plugged back in', async () => {
    const first = new FakePrinter();
    const usb = new FakeUsb([first]);
    const printer = printerOn(usb);
    await printer.status();
    usb.unplug(first);
    const second = new FakePrinter(COVER_OPEN);
    usb.devices = [second];
    expect(await checkPrinter(printer)).toBe('cover_open');
    expect(second.calls[0]).toBe('open');
  });

  it('reports no printer when none is granted, none matches, or the browser has no WebUSB', async () => {
    expect(await codeOf(printerOn(new FakeUsb([])).status())).toBe('printer_missing');
    expect(await codeOf(printerOn(new FakeUsb([new FakePrinter()]), { filters: [{ vendorId: 0x0519 }] }).status())).toBe('printer_missing');
    expect(await codeOf(printerOn(undefined).printBytes(Uint8Array.of(1)))).toBe('printer_missing');
  });

  it('takes a vendor-specific interface with bulk endpoints, and refuses a printer that cannot answer', async () => {
    expect(await printerOn(new FakeUsb([new FakePrinter(READY, 0xff)])).status()).toMatchObject({ ready: true });
    const mute = new FakePrinter(READY, 0x07, [bulk(1, 'out')]);
    expect(await codeOf(printerOn(new FakeUsb([mute])).status())).toBe('printer_failed');
    expect(mute.opened).toBe(false);
  });

  it('reports a printer that does not answer as failed', async () => {
    const device = new FakePrinter();
    device.silent = true;
    expect(await codeOf(printerOn(new FakeUsb([device]), { statusTimeoutMs: 5 }).status())).toBe('printer_failed');
    expect(device.opened).toBe(false);
  });

  it('never puts a status question between the chunks of a receipt', async () => {
    const device = new FakePrinter();
    const printer = printerOn(new FakeUsb([device]), { chunkSize: 2 });
    await Promise.all([printer.printBytes(Uint8Array.of(9, 9, 9, 9, 9, 9)), printer.status()]);
    expect(device.transfers).toEqual([...QUESTIONS, [9, 9], [9, 9], [9, 9], ...QUESTIONS]);
  });
});

describe('requestPrinter', () => {
  it('is true when the technician chose a printer in the browser\'s chooser, false when they closed it', async () => {
    expect(await requestPrinter(new FakeUsb([new FakePrinter()]))).toBe(true);
    expect(await requestPrinter(new FakeUsb([]))).toBe(false);
  });

  it('says the printer is missing where the browser has no WebUSB', async () => {
    expect(await codeOf(requestPrinter(undefined))).toBe('printer_missing');
  });
});
