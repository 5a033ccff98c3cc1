import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCount, formatDateRange, formatDecimal, formatInstant, formatMinutes, formatShare, formatSigned, formatTenge, formatWeekday } from './report-format';

// Intl separates thousands with a no-break space in Russian and Kazakh.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe("the report's numbers and dates in the console's language", () => {
  it('groups and decimals as each language writes them', () => {
    expect(plain(formatCount('ru', 12345))).toBe('12 345');
    expect(plain(formatDecimal('kk', 12345.67))).toBe('12 345,7');
    expect(formatDecimal('en', 12345.67)).toBe('12,345.7');
    expect(plain(formatShare('ru', 0.1234))).toBe('12,3 %');
    expect(formatShare('en', 0.1234)).toBe('12.3%');
  });

  it('writes service time in minutes and money in tenge from tiyn', () => {
    expect(formatMinutes('ru', 270)).toBe('4,5 мин');
    expect(formatMinutes('en', 270)).toBe('4.5 min');
    expect(plain(formatTenge('ru', 393_200))).toBe('3 932,00 ₸');
    expect(plain(formatTenge('kk', 1_234_550))).toBe('12 345,50 ₸');
  });

  it('shows a dash, not a zero, where the week had nothing to measure', () => {
    expect(formatMinutes('ru', null)).toBe('—');
    expect(formatShare('kk', null)).toBe('—');
    expect(formatDecimal('en', null)).toBe('—');
  });

  it('signs a change, and leaves no change unsigned', () => {
    expect(formatSigned('en', 1.5)).toBe('+1.5');
    expect(formatSigned('ru', -0.3)).toMatch(/^[-−]0,3$/);
    expect(formatSigned('ru', 0)).toBe('0');
  });

  it("writes the week's dates and a moment in Kazakhstan's time", () => {
    expect(plain(formatDateRange('en', '2026-11-30', '2026-12-06'))).toMatch(/^30 Nov\s?–\s?6 Dec 2026$/);
    expect(plain(formatDateRange('en', '2026-12-28', '2027-01-03'))).toMatch(/^28 Dec 2026\s?–\s?3 Jan 2027$/);
    expect(formatWeekday('en', '2026-11-30')).toBe('Mon 30 Nov');
    expect(plain(formatInstant('ru', '2026-12-06T19:30:00Z'))).toBe('07.12.2026, 00:30');
  });
});

describe('Kazakh in a browser without Kazakh locale data (Debian Chromium)', () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes numbers as Russian does, which Kazakh shares, and dates in figures, never Russian month names", () => {
    const supported = Intl.DateTimeFormat.supportedLocalesOf.bind(Intl.DateTimeFormat);
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation((tags) => ([tags].flat().includes('kk-KZ') ? [] : supported(tags)));
    expect(plain(formatCount('kk', 21188))).toBe('21 188');
    expect(plain(formatDecimal('kk', 52.5))).toBe('52,5');
    expect(plain(formatDateRange('kk', '2026-06-08', '2026-06-14'))).toMatch(/^08\.06\.2026\s?–\s?14\.06\.2026$/);
    expect(formatWeekday('kk', '2026-06-08')).toBe('Дс 08.06');
    expect(plain(formatInstant('kk', '2026-06-15T01:00:00Z'))).toBe('15.06.2026, 06:00');
    // Russian itself is untouched.
    expect(formatWeekday('ru', '2026-06-08')).toBe('пн, 8 июн.');
  });
});
