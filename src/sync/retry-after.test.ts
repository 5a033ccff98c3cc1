import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from './retry-after';

describe('Retry-After', () => {
  const now = new Date('2026-03-02T05:00:00Z');
  it('reads whole seconds', () => {
    expect(retryAfterSeconds('1800', now)).toBe(1800);
    expect(retryAfterSeconds(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP-date against now', () => {
    expect(retryAfterSeconds('Mon, 02 Mar 2026 05:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Mon, 02 Mar 2026 04:00:00 GMT', now)).toBe(0);
  });
  it('takes anything else as no advice', () => {
    for (const header of [null, '', '-5', '1.5', 'soon', '12345678901']) expect(retryAfterSeconds(header, now)).toBeNull();
  });
});
