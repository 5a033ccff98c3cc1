// ESC/POS real-time status (DLE EOT n), as Epson's command reference defines the answers: one byte
// per question, bits 1 and 4 always set, bits 0 and 7 always clear.
import type { PrinterErrorCode, PrinterStatus } from './printer';

/** n of DLE EOT n: 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export type StatusQueryNumber = 1 | 2 | 3 | 4;

export function statusRequest(n: StatusQueryNumber): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/**
 * Whether a byte can be a status answer at all: a byte left over in the printer's IN endpoint
 * (an automatic status, a late answer) must not be read as this question's answer.
 */
export function isStatusByte(byte: number): boolean {
  return (byte & 0b1001_0011) === 0b0001_0010;
}

export interface StatusAnswers {
  printer: number;
  offlineCause: number;
  errorCause: number;
  paperSensor: number;
}

const bit = (byte: number, n: number): boolean => (byte & (1 << n)) !== 0;

export function parseStatus(answers: StatusAnswers): PrinterStatus {
  const { printer, offlineCause, errorCause, paperSensor } = answers;
  return printerStatus({
    online: !bit(printer, 3),
    coverOpen: bit(offlineCause, 2),
    // The roll sensor, or the printer stopped because it ran out: either is an empty roll.
    paperOut: bit(paperSensor, 5) || bit(paperSensor, 6) || bit(offlineCause, 5),
    // Some printers set one of the two near-end bits, some both.
    paperNearEnd: bit(paperSensor, 2) || bit(paperSensor, 3),
    // DLE EOT 3: bit 2 mechanical, bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable.
    error: bit(offlineCause, 6) || [2, 3, 5, 6].some((n) => bit(errorCause, n)),
  });
}

/** A status with its `ready` summary. */
export function printerStatus(flags: Omit<PrinterStatus, 'ready'>): PrinterStatus {
  return { ...flags, ready: flags.online && !flags.coverOpen && !flags.paperOut && !flags.error };
}

/**
 * The one reason to give a citizen or a technician, most specific first: an open cover and an
 * empty roll both take a printer offline, and "offline" alone would not say what to fix.
 */
export function printerProblem(status: PrinterStatus): Exclude<PrinterErrorCode, 'printer_missing'> | null {
  if (status.coverOpen) return 'cover_open';
  if (status.paperOut) return 'paper_out';
  if (status.error) return 'printer_failed';
  if (!status.online) return 'printer_offline';
  return null;
}
