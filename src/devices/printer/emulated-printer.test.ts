import { describe, expect, it } from 'vitest';
import { EmulatedPrinter } from './emulated-printer.svelte';
import { PrinterError, checkPrinter, type PrintJob } from './printer';

const printable = { title: 'A', subtitle: '', notes: [], rows: [], qr: 'https://example.kz/t/1', footer: [] };
const job: PrintJob = { printable, lines: ['A'], columns: 48, qr: printable.qr, footer: [] };

describe('EmulatedPrinter', () => {
  it('is ready and shows what it printed', async () => {
    const printer = new EmulatedPrinter();
    expect(await printer.status()).toMatchObject({ ready: true, online: true });
    expect(await checkPrinter(printer)).toBeNull();
    await printer.print(job);
    expect(printer.printed).toEqual(job);
  });

  it.each(['paper_out', 'cover_open', 'printer_offline'] as const)('reports %s as a real printer would', async (fault) => {
    const printer = new EmulatedPrinter(fault);
    expect(await printer.status()).toMatchObject({ ready: false, online: false });
    expect(await checkPrinter(printer)).toBe(fault);
    await expect(printer.print(job)).rejects.toThrow(PrinterError);
    expect(printer.printed).toBeNull();
  });

  it.each(['printer_missing', 'printer_failed'] as const)('cannot be asked when %s', async (fault) => {
    const printer = new EmulatedPrinter(fault);
    await expect(printer.status()).rejects.toMatchObject({ code: fault });
    expect(await checkPrinter(printer)).toBe(fault);
  });

  it('takes a fault a tester sets while it runs, and recovers when it is cleared', async () => {
    const printer = new EmulatedPrinter();
    printer.fault = 'paper_out';
    expect(await checkPrinter(printer)).toBe('paper_out');
    printer.fault = null;
    expect(await checkPrinter(printer)).toBeNull();
  });
});

describe('checkPrinter', () => {
  it('treats a driver that throws something unexpected as a failed printer', async () => {
    const broken = { print: () => Promise.resolve(), status: () => Promise.reject(new TypeError('bug')) };
    expect(await checkPrinter(broken)).toBe('printer_failed');
  });
});
