import { describe, expect, it } from 'vitest';
import { ScanAssembler, scannedDataReports } from './hid-pos-report';

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

describe('scannedDataReports', () => {
  it('lays out a QR read as HID POS scanners do: length, AIM "]Q1", data, more-to-come flag', () => {
    const [report, ...rest] = scannedDataReports('AB');
    expect(rest).toEqual([]);
    expect(report?.length).toBe(63);
    expect([...(report ?? new Uint8Array()).subarray(0, 7)]).toEqual([3, 0x5d, 0x51, 0x31, 0x41, 0x42, 0x0d]);
    expect(report?.[62]).toBe(0);
  });

  it('splits at 56 data bytes and flags every report but the last', () => {
    const reports = scannedDataReports('z'.repeat(111)); // 112 bytes with the CR: exactly two reports
    expect(reports.map((r) => [r[0], r[62]])).toEqual([
      [56, 1],
      [56, 0],
    ]);
  });
});

describe('ScanAssembler', () => {
  it('gives the text once the last report is in, without the terminating CR', () => {
    const assembler = new ScanAssembler();
    const [first, second] = scannedDataReports('q'.repeat(70));
    expect(assembler.push(view(first ?? new Uint8Array()))).toEqual({ kind: 'partial' });
    expect(assembler.push(view(second ?? new Uint8Array()))).toEqual({ kind: 'done', text: 'q'.repeat(70) });
  });

  it('never reads past the report when the length byte claims more than it holds', () => {
    const report = new Uint8Array(10);
    report.set([200, 0x5d, 0x51, 0x31, 0x61, 0x62]);
    expect(new ScanAssembler().push(view(report))).toEqual({ kind: 'done', text: 'ab\0\0\0\0' });
  });
});
