import { PrinterError, type PrintJob, type Printer, type PrinterErrorCode, type PrinterStatus } from './printer';
import { printerStatus } from './printer-status';

/**
 * The tester's printer: instead of paper, the last job is shown on screen at the paper's width
 * (see ui/PaperReceipt.svelte). It holds personal data, so the session clears it on wipe.
 */
export class EmulatedPrinter implements Printer {
  printed = $state<PrintJob | null>(null);
  /** What a tester makes the printer suffer (an empty roll, an open cover…); null: a working printer. */
  fault = $state<PrinterErrorCode | null>(null);

  constructor(fault: PrinterErrorCode | null = null) {
    this.fault = fault;
  }

  print(job: PrintJob): Promise<void> {
    if (this.fault) return Promise.reject(new PrinterError(this.fault));
    this.printed = job;
    return Promise.resolve();
  }

  /** As a real printer reports the fault: an open cover or an empty roll also takes it offline. */
  status(): Promise<PrinterStatus> {
    const fault = this.fault;
    if (fault === 'printer_missing' || fault === 'printer_failed') return Promise.reject(new PrinterError(fault));
    return Promise.resolve(
      printerStatus({
        online: fault === null,
        coverOpen: fault === 'cover_open',
        paperOut: fault === 'paper_out',
        paperNearEnd: false,
        error: false,
      }),
    );
  }

  clear(): void {
    this.printed = null;
  }
}
