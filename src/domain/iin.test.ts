import { describe, expect, it } from 'vitest';
import { ageOn, iinControlDigit, parseIin, partialIinProblem } from './iin';

/** First eleven digits of an IIN for a birth date, sex and four-digit serial. */
function first11(birthDate: string, sex: 'M' | 'F', serial: string): string {
  const [year, month, day] = birthDate.split('-');
  const centuryIndex = { '18': 1, '19': 3, '20': 5 }[year!.slice(0, 2)]!;
  const centuryDigit = centuryIndex + (sex === 'F' ? 1 : 0);
  return `${year!.slice(2)}${month}${day}${centuryDigit}${serial}`;
}

/** A valid IIN, independently computing the control digit the way the rule is written. */
function makeIin(birthDate: string, sex: 'M' | 'F', serial = '0123'): string {
  for (let n = Number(serial); n < 10_000; n++) {
    const digits = first11(birthDate, sex, String(n).padStart(4, '0'));
    const d = [...digits].map(Number);
    let control = d.reduce((sum, digit, i) => sum + digit * (i + 1), 0) % 11;
    if (control === 10) control = d.reduce((sum, digit, i) => sum + digit * (((i + 2) % 11) + 1), 0) % 11;
    if (control !== 10) return digits + control;
  }
  throw new Error('no serial gives a valid IIN');
}

/** Searches serials for the first eleven digits whose first pass gives 10 and whose second gives `wantSecond` (or 10). */
function findFirstPassTen(birthDate: string, sex: 'M' | 'F', secondIsTen: boolean): string {
  for (let n = 0; n < 10_000; n++) {
    const digits = first11(birthDate, sex, String(n).padStart(4, '0'));
    const d = [...digits].map(Number);
    const first = d.reduce((sum, digit, i) => sum + digit * (i + 1), 0) % 11;
    const second = d.reduce((sum, digit, i) => sum + digit * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i]!, 0) % 11;
    if (first === 10 && (second === 10) === secondIsTen) return digits;
  }
  throw new Error('not found');
}

describe('iinControlDigit', () => {
  it('uses weights 1..11 when they do not give 10', () => {
    // 9 0 0 1 0 1 3 0 0 0 0: 9·1 + 1·4 + 1·6 + 3·7 = 40; 40 mod 11 = 7
    expect(iinControlDigit('90010130000')).toBe(7);
  });

  it('falls back to weights 3..11,1,2 when the first pass gives 10', () => {
    const digits = findFirstPassTen('1990-01-01', 'M', false);
    const d = [...digits].map(Number);
    const expected = d.reduce((sum, digit, i) => sum + digit * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i]!, 0) % 11;
    expect(iinControlDigit(digits)).toBe(expected);
    expect(expected).not.toBe(10);
  });

  it('is null when the second pass gives 10 too', () => {
    expect(iinControlDigit(findFirstPassTen('1990-01-01', 'M', true))).toBeNull();
  });

  it('rejects anything but eleven digits', () => {
    expect(() => iinControlDigit('123')).toThrow(RangeError);
    expect(() => iinControlDigit('9001013000a')).toThrow(RangeError);
  });
});

describe('parseIin', () => {
  it('decodes birth date and sex for each century', () => {
    const cases = [
      ['1899-12-31', 'M'],
      ['1875-06-15', 'F'],
      ['1985-07-14', 'M'],
      ['1990-01-01', 'F'],
      ['2004-02-29', 'M'],
      ['2008-11-30', 'F'],
    ] as const;
    for (const [birthDate, sex] of cases) {
      const iin = makeIin(birthDate, sex);
      expect(parseIin(iin)).toEqual({ ok: true, iin, birthDate, sex });
    }
  });

  it('reads the century digits 1–6 as 1800s/1900s/2000s, odd male and even female', () => {
    const base = makeIin('1985-07-14', 'M').slice(0, 6);
    const expected = [
      ['1', '1885', 'M'],
      ['2', '1885', 'F'],
      ['3', '1985', 'M'],
      ['4', '1985', 'F'],
      ['5', '2085', 'M'],
      ['6', '2085', 'F'],
    ] as const;
    for (const [digit, year, sex] of expected) {
      const iin = makeIin(`${year}-07-14`, sex);
      expect(iin.charAt(6)).toBe(digit);
      expect(iin.slice(0, 6)).toBe(base);
      expect(parseIin(iin)).toEqual({ ok: true, iin, birthDate: `${year}-07-14`, sex });
    }
  });

  it('accepts an IIN whose control digit comes from the second pass', () => {
    const eleven = findFirstPassTen('1990-01-01', 'M', false);
    const iin = eleven + iinControlDigit(eleven)!;
    expect(parseIin(iin)).toMatchObject({ ok: true, birthDate: '1990-01-01' });
  });

  it('refuses a number whose second pass gives 10 whatever the last digit', () => {
    const eleven = findFirstPassTen('1990-01-01', 'M', true);
    for (let last = 0; last <= 9; last++) expect(parseIin(`${eleven}${last}`)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses a wrong control digit', () => {
    const iin = makeIin('1985-07-14', 'F');
    const wrong = iin.slice(0, 11) + ((Number(iin[11]) + 1) % 10);
    expect(parseIin(wrong)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses a wrong length', () => {
    const iin = makeIin('1985-07-14', 'F');
    expect(parseIin(iin.slice(0, 11))).toEqual({ ok: false, reason: 'length' });
    expect(parseIin(`${iin}0`)).toEqual({ ok: false, reason: 'length' });
    expect(parseIin('')).toEqual({ ok: false, reason: 'length' });
  });

  it('refuses non-digits, including spaces, before looking at the length', () => {
    expect(parseIin('85071440012a')).toEqual({ ok: false, reason: 'not_digits' });
    expect(parseIin('850714 400123')).toEqual({ ok: false, reason: 'not_digits' });
    expect(parseIin('85a')).toEqual({ ok: false, reason: 'not_digits' });
    expect(parseIin('８５０７１４４００１２３')).toEqual({ ok: false, reason: 'not_digits' });
  });

  it('refuses century digits 0, 7, 8 and 9', () => {
    for (const digit of ['0', '7', '8', '9']) expect(parseIin(`850714${digit}00123`)).toEqual({ ok: false, reason: 'century' });
  });

  it('refuses impossible dates', () => {
    for (const date of ['851314', '850014', '850700', '850732', '850431']) {
      expect(parseIin(`${date}300123`)).toEqual({ ok: false, reason: 'date' });
    }
  });

  it('knows 29 February by century: 2000 and 2004 were leap years, 1900, 1800 and 2001 were not', () => {
    expect(parseIin(makeIin('2000-02-29', 'F'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseIin(makeIin('1996-02-29', 'M'))).toMatchObject({ ok: true, birthDate: '1996-02-29' });
    expect(parseIin('000229300123')).toEqual({ ok: false, reason: 'date' }); // 1900
    expect(parseIin('000229100123')).toEqual({ ok: false, reason: 'date' }); // 1800
    expect(parseIin('010229500123')).toEqual({ ok: false, reason: 'date' }); // 2001
  });
});

describe('partialIinProblem', () => {
  it('is null for every prefix of a valid IIN', () => {
    const iin = makeIin('1985-07-14', 'M');
    for (let n = 0; n <= 12; n++) expect(partialIinProblem(iin.slice(0, n))).toBeNull();
  });

  it('reports non-digits at once', () => {
    expect(partialIinProblem('8a')).toBe('not_digits');
    expect(partialIinProblem(' ')).toBe('not_digits');
  });

  it('reports a month once its digits rule it out', () => {
    expect(partialIinProblem('852')).toBe('date');
    expect(partialIinProblem('851')).toBeNull();
    expect(partialIinProblem('8500')).toBe('date');
    expect(partialIinProblem('8513')).toBe('date');
    expect(partialIinProblem('8512')).toBeNull();
  });

  it('reports a day once its digits rule it out', () => {
    expect(partialIinProblem('85074')).toBe('date');
    expect(partialIinProblem('85073')).toBeNull();
    expect(partialIinProblem('850700')).toBe('date');
    expect(partialIinProblem('850732')).toBe('date');
    expect(partialIinProblem('850229')).toBe('date'); // no century makes ..85 a leap year
    expect(partialIinProblem('85023')).toBe('date');
  });

  it('waits for the century digit before deciding 29 February of a year ending 00', () => {
    expect(partialIinProblem('000229')).toBeNull(); // could be 2000
    expect(partialIinProblem('0002295')).toBeNull();
    expect(partialIinProblem('0002293')).toBe('date'); // 1900
  });

  it('reports an impossible century digit once typed', () => {
    expect(partialIinProblem('8507140')).toBe('century');
    expect(partialIinProblem('8507149')).toBe('century');
    expect(partialIinProblem('8507143')).toBeNull();
  });

  it('does not judge the checksum before the last digit', () => {
    const iin = makeIin('1985-07-14', 'M');
    expect(partialIinProblem(iin.slice(0, 11))).toBeNull();
    const wrong = iin.slice(0, 11) + ((Number(iin[11]) + 1) % 10);
    expect(partialIinProblem(wrong)).toBe('checksum');
  });

  it('reports too many digits', () => {
    expect(partialIinProblem(`${makeIin('1985-07-14', 'M')}1`)).toBe('length');
  });
});

describe('ageOn', () => {
  it('counts full years', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('2010-06-15', '2026-12-31')).toBe(16);
    expect(ageOn('1985-07-14', '2026-01-01')).toBe(40);
  });

  it('makes one born on 29 February a year older on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2009-02-28', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('rejects malformed dates', () => {
    expect(() => ageOn('2008-02-30', '2026-01-01')).toThrow(/invalid_date/);
  });
});
