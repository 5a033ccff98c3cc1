import { describe, expect, it } from 'vitest';
import { lockEnd } from './phone-lock';

describe('until when the SMS code is locked', () => {
  it('says the time in Kazakhstan, whatever the machine’s zone, rounded up to the minute', () => {
    // 09:00:20 in Almaty (UTC+5) and the back office's 30 minutes: open again at 09:31, not 09:30.
    expect(lockEnd(1800, new Date('2026-06-15T04:00:20Z'))).toEqual({ key: 'phone.code.lockedUntil', time: '09:31' });
    expect(lockEnd(1200, new Date('2026-06-15T04:00:00Z'))).toEqual({ key: 'phone.code.lockedUntil', time: '09:20' });
  });

  it('says tomorrow when the lock runs past midnight in Kazakhstan', () => {
    // The day's six wrong codes: 23 hours to wait from 10:00.
    expect(lockEnd(23 * 3600, new Date('2026-06-15T05:00:00Z'))).toEqual({ key: 'phone.code.lockedUntilTomorrow', time: '09:00' });
    // 23:50 plus half an hour is 00:20 the next day.
    expect(lockEnd(1800, new Date('2026-06-15T18:50:00Z'))).toEqual({ key: 'phone.code.lockedUntilTomorrow', time: '00:20' });
  });
});
