import { describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeekOfDate, nextIsoWeek, parseIsoWeek, previousIsoWeek, weeksInYear } from './iso-week';
import { ReportError } from './report-error';

describe('ISO weeks on Kazakhstan time', () => {
  it('2026 has a week 53, from 2026-12-28 to 2027-01-03, holding the new year', () => {
    const w = parseIsoWeek('2026-W53');
    expect([w.monday, w.sunday]).toEqual(['2026-12-28', '2027-01-03']);
    expect(w.days).toContain('2027-01-01');
    expect(w.from.toISOString()).toBe('2026-12-27T19:00:00.000Z');
    expect(w.to.toISOString()).toBe('2027-01-03T19:00:00.000Z');
    expect(isoWeekOfDate('2027-01-01').week).toBe('2026-W53');
    expect(weeksInYear(2026)).toBe(53);
  });

  it('2027-W01 starts on 2027-01-04 and follows 2026-W53', () => {
    expect(parseIsoWeek('2027-W01').monday).toBe('2027-01-04');
    expect(nextIsoWeek('2026-W53').week).toBe('2027-W01');
    expect(previousIsoWeek('2027-W01').week).toBe('2026-W53');
  });

  it('2020, a leap year starting on Wednesday, has a week 53 ending on 2021-01-03', () => {
    const w = parseIsoWeek('2020-W53');
    expect([w.monday, w.sunday]).toEqual(['2020-12-28', '2021-01-03']);
    expect(isoWeekOfDate('2021-01-03').week).toBe('2020-W53');
  });

  it('a year starting on Thursday (2015) has its week 1 begin in December before it', () => {
    expect(parseIsoWeek('2015-W01').monday).toBe('2014-12-29');
    expect(isoWeekOfDate('2014-12-29').week).toBe('2015-W01');
    expect(weeksInYear(2015)).toBe(53);
    expect(parseIsoWeek('2015-W53').sunday).toBe('2016-01-03');
  });

  it('a year starting on Friday gives its first days to the year before', () => {
    // 2027-01-01 is a Friday: 1–3 January belong to 2026-W53 (above); 2021 likewise to 2020-W53.
    expect(isoWeekOfDate('2021-01-04').week).toBe('2021-W01');
  });

  it('cuts at midnight in Kazakhstan, not in UTC', () => {
    // Sunday 23:59 and Monday 00:00 of 2026-W49 / W50 on Kazakhstan's clock.
    expect(isoWeekOf(new Date('2026-12-06T23:59:00+05:00')).week).toBe('2026-W49');
    expect(isoWeekOf(new Date('2026-12-07T00:00:00+05:00')).week).toBe('2026-W50');
    expect(isoWeekOf(new Date('2026-12-06T19:00:00Z')).week).toBe('2026-W50');
    expect(parseIsoWeek('2026-W49').from.toISOString()).toBe('2026-11-29T19:00:00.000Z');
  });

  it('refuses weeks that do not exist with invalid_week', () => {
    for (const bad of ['2026-W54', '2025-W53', '2026-W00', '2026-W5', '2026W49', '2026-w49', '', '2026-W49 ', '0000-W01']) {
      expect(() => parseIsoWeek(bad), bad).toThrow(ReportError);
      try {
        parseIsoWeek(bad);
      } catch (error) {
        expect((error as ReportError).code, bad).toBe('invalid_week');
      }
    }
    expect(weeksInYear(2025)).toBe(52);
    expect(parseIsoWeek('2025-W52').sunday).toBe('2025-12-28');
  });
});
