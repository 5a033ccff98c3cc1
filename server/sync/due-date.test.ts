import { describe, expect, it } from 'vitest';
import { BUILT_IN_REFERENCE_DATA } from '../../src/domain/reference-data';
import { storedDueDate } from './due-date';

describe('storedDueDate', () => {
  const recorder = () => {
    const warnings: Array<{ obj: object; msg: string }> = [];
    return { warnings, warn: (obj: object, msg: string) => void warnings.push({ obj, msg }) };
  };

  it('counts into a year without its calendar, flags it and logs which calendar to enter', () => {
    const log = recorder();
    expect(storedDueDate('2027-12-13T04:00:00Z', log)).toEqual({ readyBy: '2028-01-06', reviewReasons: ['ready_by_without_holidays_2028'] });
    expect(log.warnings).toEqual([
      { obj: { createdAt: '2027-12-13T04:00:00Z', readyBy: '2028-01-06', yearsWithoutCalendar: [2028] }, msg: expect.stringContaining('holiday calendar') as string },
    ]);
  });

  it('counts with the reference data in force on the application\'s day: a year it gives is not flagged', () => {
    const log = recorder();
    const withYear = { ...BUILT_IN_REFERENCE_DATA, version: 2, kurbanAit: [...BUILT_IN_REFERENCE_DATA.kurbanAit, { year: 2028, date: '2028-05-04' }] };
    expect(storedDueDate('2027-12-13T04:00:00Z', log, withYear)).toEqual({ readyBy: '2028-01-06', reviewReasons: [] });
    expect(log.warnings).toEqual([]);
  });

  it('flags and logs nothing when every year is known', () => {
    const log = recorder();
    expect(storedDueDate('2026-11-02T04:00:00Z', log)).toEqual({ readyBy: '2026-11-23', reviewReasons: [] });
    expect(log.warnings).toEqual([]);
  });
});
