import { describe, expect, it } from 'vitest';
import { addWeeks, formatWeek, lastFinishedWeek, mondayOf, parseWeek, weekDates, weekOf, weeksInYear } from './iso-week';

describe('ISO weeks for the report picker', () => {
  it('gives 2026 a week 53 across the new year, and 2027-W01 from 4 January', () => {
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2027)).toBe(52);
    expect(weekDates({ year: 2026, week: 53 })).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(formatWeek(weekOf('2027-01-01'))).toBe('2026-W53');
    expect(formatWeek(weekOf('2027-01-03'))).toBe('2026-W53');
    expect(formatWeek(weekOf('2027-01-04'))).toBe('2027-W01');
    expect(mondayOf({ year: 2027, week: 1 })).toBe('2027-01-04');
  });

  it('takes a week from the previous year for early January and the next for late December', () => {
    expect(formatWeek(weekOf('2021-01-03'))).toBe('2020-W53');
    expect(formatWeek(weekOf('2024-12-30'))).toBe('2025-W01');
    expect(weekDates({ year: 2026, week: 49 })).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('steps forward and back over the year boundary', () => {
    expect(formatWeek(addWeeks({ year: 2026, week: 52 }, 1))).toBe('2026-W53');
    expect(formatWeek(addWeeks({ year: 2026, week: 53 }, 1))).toBe('2027-W01');
    expect(formatWeek(addWeeks({ year: 2027, week: 1 }, -1))).toBe('2026-W53');
    expect(formatWeek(addWeeks({ year: 2028, week: 1 }, -1))).toBe('2027-W52');
  });

  it('reads only weeks that exist', () => {
    expect(parseWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    for (const text of ['2027-W53', '2026-W00', '2026-W54', '2026-W5', '2026W49', ' 2026-W49', '']) expect(parseWeek(text), text).toBeNull();
  });

  it("defaults to the week before this one on Kazakhstan's clock, not the computer's", () => {
    // Monday 7 December 2026 at 00:30 in Almaty is still Sunday 6 December in UTC.
    expect(formatWeek(lastFinishedWeek(new Date('2026-12-06T19:30:00Z')))).toBe('2026-W49');
    expect(formatWeek(lastFinishedWeek(new Date('2026-12-06T18:59:00Z')))).toBe('2026-W48');
    expect(formatWeek(lastFinishedWeek(new Date('2027-01-05T12:00:00Z')))).toBe('2026-W53');
  });
});
