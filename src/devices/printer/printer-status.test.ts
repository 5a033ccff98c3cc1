import { describe, expect, it } from 'vitest';
import { isStatusByte, parseStatus, printerProblem, printerStatus, statusRequest, type StatusAnswers } from './printer-status';

/** Each answer with only its fixed bits (1 and 4) set: a printer with nothing to report. */
const FIXED = 0x12;
const QUIET: StatusAnswers = { printer: FIXED, offlineCause: FIXED, errorCause: FIXED, paperSensor: FIXED };
const withBit = (answer: keyof StatusAnswers, bit: number) => parseStatus({ ...QUIET, [answer]: FIXED | (1 << bit) });

describe('parseStatus', () => {
  it('reads a printer with nothing to report as ready', () => {
    expect(parseStatus(QUIET)).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      error: false,
      ready: true,
    });
  });

  it('DLE EOT 1 bit 3: offline', () => {
    expect(withBit('printer', 3)).toMatchObject({ online: false, ready: false });
  });

  it('DLE EOT 1 bit 2 (the drawer connector) says nothing about printing', () => {
    expect(withBit('printer', 2)).toMatchObject({ online: true, ready: true });
  });

  it('DLE EOT 2 bit 2: cover open', () => {
    expect(withBit('offlineCause', 2)).toMatchObject({ coverOpen: true, ready: false });
  });

  it('DLE EOT 2 bit 3 (paper fed by the button) is neither an open cover nor an empty roll', () => {
    expect(withBit('offlineCause', 3)).toMatchObject({ coverOpen: false, paperOut: false, error: false });
  });

  it('DLE EOT 2 bit 5: printing stopped at the paper end', () => {
    expect(withBit('offlineCause', 5)).toMatchObject({ paperOut: true, ready: false });
  });

  it('DLE EOT 2 bit 6: an error', () => {
    expect(withBit('offlineCause', 6)).toMatchObject({ error: true, ready: false });
  });

  it.each([2, 3, 5, 6])('DLE EOT 3 bit %i: an error', (bit) => {
    expect(withBit('errorCause', bit)).toMatchObject({ error: true, ready: false });
  });

  it.each([2, 3])('DLE EOT 4 bit %i: paper near its end, still ready', (bit) => {
    expect(withBit('paperSensor', bit)).toMatchObject({ paperNearEnd: true, paperOut: false, ready: true });
  });

  it.each([5, 6])('DLE EOT 4 bit %i: paper out', (bit) => {
    expect(withBit('paperSensor', bit)).toMatchObject({ paperOut: true, ready: false });
  });

  it('reads the answers of a printer out of paper as Epson documents them', () => {
    const status = parseStatus({ printer: 0x1a, offlineCause: 0x32, errorCause: 0x12, paperSensor: 0x7e });
    expect(status).toEqual({ online: false, coverOpen: false, paperOut: true, paperNearEnd: true, error: false, ready: false });
  });
});

describe('isStatusByte', () => {
  it('takes a byte with bits 1 and 4 set and bits 0 and 7 clear', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x7e)).toBe(true);
  });

  it.each([0x00, 0x13, 0x02, 0x10, 0x92, 0xff])('refuses the byte %i', (byte) => {
    expect(isStatusByte(byte)).toBe(false);
  });
});

describe('statusRequest', () => {
  it('is DLE EOT n', () => {
    expect([...statusRequest(4)]).toEqual([0x10, 0x04, 0x04]);
  });
});

describe('printerProblem', () => {
  const ready = printerStatus({ online: true, coverOpen: false, paperOut: false, paperNearEnd: false, error: false });

  it('has none for a ready printer, even with the roll near its end', () => {
    expect(printerProblem(ready)).toBeNull();
    expect(printerProblem({ ...ready, paperNearEnd: true })).toBeNull();
  });

  it('names what to fix rather than "offline" when the printer says why', () => {
    expect(printerProblem({ ...ready, online: false, coverOpen: true })).toBe('cover_open');
    expect(printerProblem({ ...ready, online: false, paperOut: true })).toBe('paper_out');
    expect(printerProblem({ ...ready, online: false, error: true })).toBe('printer_failed');
    expect(printerProblem({ ...ready, online: false })).toBe('printer_offline');
  });
});
