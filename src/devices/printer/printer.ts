import { DeviceError } from '../device-error';
import type { PrintableReceipt } from './printable-receipt';
import { printerProblem } from './printer-status';

/**
 * What the kiosk gives a receipt printer: the receipt in the citizen's language, laid out for 80 mm
 * in a printer font's columns (what the emulated printer shows), and as words not yet laid out
 * (what an ESC/POS printer sets for its own paper, escpos.ts).
 */
export interface PrintJob {
  printable: PrintableReceipt;
  /** Lines of at most `columns` characters, as the printer's font sets them. */
  lines: string[];
  columns: number;
  qr: string | null;
  /** Lines printed under the QR. */
  footer: string[];
}

/** Why a receipt cannot be printed; the kiosk maps each to a message in the citizen's language. */
export type PrinterErrorCode = 'printer_missing' | 'printer_offline' | 'paper_out' | 'cover_open' | 'printer_failed';

export class PrinterError extends DeviceError<PrinterErrorCode> {}

/** What a printer says of itself (for ESC/POS: its answers to DLE EOT, see printer-status.ts). */
export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  /** Not a reason to stop: a technician should change the roll soon. */
  paperNearEnd: boolean;
  error: boolean;
  /** Online, cover closed, paper in, no error: a receipt would print now. */
  ready: boolean;
}

/**
 * A receipt printer, real (WebUSB, ESC/POS) or emulated (the receipt on screen). The kiosk holds
 * one and asks `status()` before a citizen starts, so an empty roll stops the terminal at the
 * start screen rather than at the receipt.
 */
export interface Printer {
  /** Rejects with a PrinterError. */
  print(job: PrintJob): Promise<void>;
  /** Rejects with a PrinterError `printer_missing` or `printer_failed` when the printer cannot be asked. */
  status(): Promise<PrinterStatus>;
}

/** A printer that takes the bytes of its own command language (ESC/POS for WebUsbPrinter). */
export interface BytePrinter extends Printer {
  printBytes(bytes: Uint8Array): Promise<void>;
}

/** 80 mm paper: 72 mm printable at 8 dots/mm is 576 dots, 48 characters of the 12-dot font. */
export const COLUMNS_80MM = 48;

/** Why the printer could not print a receipt now, or null when it could: for the start screen's check. */
export async function checkPrinter(printer: Printer): Promise<PrinterErrorCode | null> {
  try {
    return printerProblem(await printer.status());
  } catch (error) {
    // Anything else is a fault of the driver: the terminal is out of order all the same.
    return error instanceof PrinterError ? error.code : 'printer_failed';
  }
}
