import { describe, expect, it } from 'vitest';
import { backOfficeClock } from './clock';

describe('backOfficeClock', () => {
  let real = Date.parse('2026-12-06T07:00:00Z');
  const realNow = () => real;

  it('starts the sandbox at BACK_OFFICE_CLOCK and lets time run on from there', () => {
    const clock = backOfficeClock({ SANDBOX: '1', BACK_OFFICE_CLOCK: '2027-01-04T09:00:00+05:00' }, realNow);
    expect(clock().toISOString()).toBe('2027-01-04T04:00:00.000Z');
    real += 90_000;
    expect(clock().toISOString()).toBe('2027-01-04T04:01:30.000Z');
  });

  it('is the real clock without it', () => {
    expect(backOfficeClock({ SANDBOX: '1' }, realNow)().getTime()).toBe(real);
  });

  it('refuses to start outside the sandbox, or with a date it cannot read', () => {
    expect(() => backOfficeClock({ BACK_OFFICE_CLOCK: '2027-01-04T09:00:00+05:00' }, realNow)).toThrow('SANDBOX=1');
    expect(() => backOfficeClock({ SANDBOX: '1', BACK_OFFICE_CLOCK: '2027-01-04' }, realNow)).toThrow('ISO date-time');
    expect(() => backOfficeClock({ SANDBOX: '1', BACK_OFFICE_CLOCK: '2027-02-30T09:00:00Z' }, realNow)).toThrow('ISO date-time');
  });
});
