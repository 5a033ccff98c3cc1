import { describe, expect, it } from 'vitest';
import { applicationNumber, dueDate, dueDateOfApplication, maskName, readyBy, readyByOfApplication } from './application';
import { isWorkingDay } from './holidays';

describe('applicationNumber', () => {
  it('encodes the first 60 bits of the uuid in Crockford base32', () => {
    expect(applicationNumber('00000000-0000-4000-8000-000000000000')).toBe('0000-0000-0100');
    expect(applicationNumber('ffffffff-ffff-4fff-bfff-ffffffffffff')).toBe('ZZZZ-ZZZZ-ZX7Z');
    // 0x123456789abcdef = 00010 01000 11010 00101 01100 11110 00100 11010 10111 10011 01111 01111
    expect(applicationNumber('12345678-9abc-def0-8000-000000000000')).toBe('28T5-CY4T-QKFF');
  });

  it('depends only on the first 15 hex digits', () => {
    expect(applicationNumber('12345678-9abc-def1-ffff-ffffffffffff')).toBe('28T5-CY4T-QKFF');
    expect(applicationNumber('12345678-9abc-dee0-8000-000000000000')).not.toBe('28T5-CY4T-QKFF');
  });

  it('matches the wire pattern and never uses I, L, O or U', () => {
    const ids = ['6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f', 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d', crypto.randomUUID()];
    for (const id of ids) {
      const number = applicationNumber(id);
      expect(number).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(number).not.toMatch(/[ILOU]/);
      expect(applicationNumber(id)).toBe(number);
    }
  });

  it('reads an upper-case uuid the same way', () => {
    expect(applicationNumber('12345678-9ABC-DEF0-8000-000000000000')).toBe('28T5-CY4T-QKFF');
  });

  it('refuses what is not a uuid', () => {
    expect(() => applicationNumber('12345678')).toThrow(/invalid_uuid/);
    expect(() => applicationNumber('12345678-9abc-def0-8000-00000000000g')).toThrow(/invalid_uuid/);
  });
});

describe('readyByOfApplication', () => {
  it('counts from the day the application was made in Kazakhstan, whatever the instant\'s zone', () => {
    // 20:00 UTC on Sunday 2026-11-01 is already Monday 2026-11-02 in Kazakhstan (UTC+5).
    expect(readyByOfApplication('2026-11-01T20:00:00Z')).toBe(readyBy('2026-11-02'));
    expect(readyByOfApplication('2026-11-01T18:59:59Z')).toBe(readyBy('2026-11-01'));
    expect(readyByOfApplication('2026-11-02T01:00:00+05:00')).toBe('2026-11-23');
  });
});

describe('readyBy', () => {
  it('counts working days after the day of application', () => {
    // Monday 2026-11-02 + 15 working days: three weeks on, no holidays in between.
    expect(readyBy('2026-11-02')).toBe('2026-11-23');
    expect(readyBy('2026-11-02', 1)).toBe('2026-11-03');
    expect(readyBy('2026-11-06', 1)).toBe('2026-11-09'); // Friday → Monday
    expect(readyBy('2026-11-07', 1)).toBe('2026-11-09'); // applied on a Saturday
    expect(readyBy('2026-11-02', 0)).toBe('2026-11-02');
  });

  it('skips public holidays', () => {
    // 2026-12-16 (Wednesday) Independence Day.
    expect(readyBy('2026-12-15', 1)).toBe('2026-12-17');
    // 2026-05-27 (Wednesday) Kurban ait.
    expect(readyBy('2026-05-26', 1)).toBe('2026-05-28');
    // New Year 2027: Friday 1 and Saturday 2 January → Monday 4 is off too; 7 January (Thursday) Christmas.
    expect(readyBy('2026-12-31', 1)).toBe('2027-01-05');
    expect(readyBy('2027-01-06', 1)).toBe('2027-01-08');
  });

  it('moves the day off of a holiday on a weekend to the next working day', () => {
    // 2025: 8 March Saturday → Monday 10 March off; Nauryz 21 (Fri), 22 (Sat), 23 (Sun) → 24 and 25 off.
    expect(isWorkingDay('2025-03-10')).toBe(false);
    expect(isWorkingDay('2025-03-11')).toBe(true);
    expect(readyBy('2025-03-20', 1)).toBe('2025-03-26');
    // 2026: 9 May Saturday → Monday 11 May off.
    expect(isWorkingDay('2026-05-11')).toBe(false);
  });

  it('does not move a religious holiday that falls on a weekend', () => {
    // Kurban ait 2027-05-16 is a Sunday: Monday 17 May stays a working day.
    expect(isWorkingDay('2027-05-17')).toBe(true);
  });

  it('gives 15 working days across the May holidays of 2026', () => {
    // After 2026-04-30 (Thursday): 1 May (Fri), 7 May (Thu) and 11 May (for Saturday 9 May) are off.
    expect(readyBy('2026-04-30')).toBe('2026-05-26');
  });

  it('counts a year without its calendar with the fixed holidays only, and says which year it was', () => {
    // 2027-12-13 (Monday): 16 December (Thursday) is off; 2028 has no Kurban ait yet, but 1 and 2
    // January (Saturday, Sunday) are fixed and move their days off to Monday 3 and Tuesday 4:
    // 13 working days to 31 December, then Wednesday 5 and Thursday 6 January 2028.
    expect(dueDate('2027-12-13')).toEqual({ readyBy: '2028-01-06', yearsWithoutCalendar: [2028] });
    expect(isWorkingDay('2028-01-03')).toBe(false);
    expect(isWorkingDay('2028-03-08')).toBe(false);
    expect(isWorkingDay('2028-03-09')).toBe(true);
    // The years counted through are named, not the year it started in.
    expect(dueDate('2024-12-20').yearsWithoutCalendar).toEqual([2024]);
    expect(dueDate('2026-11-02')).toEqual({ readyBy: '2026-11-23', yearsWithoutCalendar: [] });
    // On the application's own instant: 2027-12-13 09:00 in Astana.
    expect(dueDateOfApplication('2027-12-13T04:00:00Z')).toEqual({ readyBy: '2028-01-06', yearsWithoutCalendar: [2028] });
    expect(readyByOfApplication('2027-12-13T04:00:00Z')).toBe('2028-01-06');
  });

  it('refuses bad input', () => {
    expect(() => readyBy('2026-02-30')).toThrow(/invalid_date/);
    expect(() => readyBy('2026-02-03', -1)).toThrow(RangeError);
    expect(() => readyBy('2026-02-03', 1.5)).toThrow(RangeError);
  });
});

describe('maskName', () => {
  it('shows the given name, the surname initial and the patronymic initial', () => {
    expect(maskName('Бекова', 'Айгерим', 'Канатовна')).toBe('Айгерим Б***** К.');
  });

  it('hides the surname length', () => {
    expect(maskName('Ли', 'Марат', null)).toBe('Марат Л*****');
    expect(maskName('Нурмагамбетова', 'Әсем', null)).toBe('Әсем Н*****');
  });

  it('leaves out an absent or empty patronymic', () => {
    expect(maskName('Smith', 'John', null)).toBe('John S*****');
    expect(maskName('Smith', 'John', ' ')).toBe('John S*****');
  });

  it('trims and capitalises initials, Kazakh letters included', () => {
    expect(maskName(' өтегенова', ' Жанар ', 'ұлықбекқызы')).toBe('Жанар Ө***** Ұ.');
  });
});
