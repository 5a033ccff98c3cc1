import type { PrintJob, Printer } from './printer';

/**
 * The tester's printer: instead of paper, the last job is shown on screen at the paper's width
 * (see ui/PaperReceipt.svelte). It holds personal data, so the session clears it on wipe.
 */
export class EmulatedPrinter implements Printer {
  printed = $state<PrintJob | null>(null);

  print(job: PrintJob): Promise<void> {
    this.printed = job;
    return Promise.resolve();
  }

  clear(): void {
    this.printed = null;
  }
}
