import { describe, expect, it } from 'vitest';
import { COLUMNS_80MM } from '../devices/printer/printer';
import { KAZAKH_LETTERS, testReceiptJob } from './test-receipt';

describe('testReceiptJob', () => {
  it('names the terminal and the time, carries the Kazakh letters, fits 80 mm and has no QR', () => {
    const job = testReceiptJob('kk', 'SBX-7F3A', '09:30:00');
    expect(job.printable.title).toBe('БАСЫП ШЫҒАРУ СЫНАҒЫ');
    expect(job.printable.rows.map((row) => row.value)).toEqual(['SBX-7F3A', '09:30:00', KAZAKH_LETTERS]);
    expect(job.qr).toBeNull();
    expect(job.lines.join('\n')).toContain('SBX-7F3A');
    expect(job.lines.every((line) => [...line].length <= COLUMNS_80MM)).toBe(true);
  });
});
