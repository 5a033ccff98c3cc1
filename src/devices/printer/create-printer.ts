import type { DeviceProfile } from '../profile';
import { EmulatedPrinter } from './emulated-printer.svelte';
import type { PrintJob, Printer, PrinterErrorCode } from './printer';
import type { ReceiptFont } from './receipt-font';
import { WebUsbPrinter } from './webusb-printer';

const FAULTS: readonly PrinterErrorCode[] = ['printer_missing', 'printer_offline', 'paper_out', 'cover_open', 'printer_failed'];

/** A tester's `?printerFault=paper_out`: the emulated printer then reports that fault. */
export function printerFault(search: string): PrinterErrorCode | null {
  const asked = new URLSearchParams(search).get('printerFault');
  return FAULTS.find((fault) => fault === asked) ?? null;
}

let font: ReceiptFont | undefined;

/**
 * The printer the profile names. The ESC/POS encoder and the shipped font (about 180 kB) are
 * loaded with the first receipt, not with the kiosk: an emulated printer never needs them.
 */
export function createPrinter(printer: DeviceProfile['printer'], fault: PrinterErrorCode | null): Printer {
  if (printer.driver === 'emulated') return new EmulatedPrinter(fault);
  return new WebUsbPrinter({
    async encode(job: PrintJob) {
      const [{ encodeReceipt }, { loadReceiptFont }] = await Promise.all([import('./escpos'), import('./receipt-font-files')]);
      font ??= loadReceiptFont();
      return encodeReceipt(job.printable, { widthMm: printer.width, font, model: printer.model });
    },
  });
}
