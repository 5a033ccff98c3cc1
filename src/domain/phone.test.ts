import { describe, expect, it } from 'vitest';
import { formatPhoneMask, maskPhone, parsePhone } from './phone';

describe('formatPhoneMask', () => {
  it('shows the digits typed so far in the +7 7XX XXX XX XX groups', () => {
    expect(formatPhoneMask('')).toBe('+7');
    expect(formatPhoneMask('7')).toBe('+7 7');
    expect(formatPhoneMask('70')).toBe('+7 70');
    expect(formatPhoneMask('701')).toBe('+7 701');
    expect(formatPhoneMask('7012')).toBe('+7 701 2');
    expect(formatPhoneMask('701234')).toBe('+7 701 234');
    expect(formatPhoneMask('7012345')).toBe('+7 701 234 5');
    expect(formatPhoneMask('701234567')).toBe('+7 701 234 56 7');
    expect(formatPhoneMask('7012345678')).toBe('+7 701 234 56 78');
  });

  it('ignores non-digits and anything past ten digits', () => {
    expect(formatPhoneMask('701-234 56')).toBe('+7 701 234 56');
    expect(formatPhoneMask('701234567899')).toBe('+7 701 234 56 78');
  });
});

describe('parsePhone', () => {
  it('gives the stored form of a complete mobile number', () => {
    expect(parsePhone('7012345678')).toEqual({ ok: true, phone: '+77012345678' });
    expect(parsePhone('701 234 56 78')).toEqual({ ok: true, phone: '+77012345678' });
  });

  it('says incomplete while digits are missing', () => {
    expect(parsePhone('')).toEqual({ ok: false, reason: 'incomplete' });
    expect(parsePhone('701234567')).toEqual({ ok: false, reason: 'incomplete' });
  });

  it('says not_mobile as soon as the first digit is not 7', () => {
    expect(parsePhone('7')).toEqual({ ok: false, reason: 'incomplete' });
    expect(parsePhone('3')).toEqual({ ok: false, reason: 'not_mobile' });
    expect(parsePhone('8012345678')).toEqual({ ok: false, reason: 'not_mobile' });
    expect(parsePhone('3172123456')).toEqual({ ok: false, reason: 'not_mobile' });
  });

  it('produces what the wire schema accepts', () => {
    const result = parsePhone('7779998877');
    expect(result.ok && /^\+77[0-9]{9}$/.test(result.phone)).toBe(true);
  });
});

describe('maskPhone', () => {
  it('hides the middle digits', () => {
    expect(maskPhone('+77012345678')).toBe('+7 701 *** ** 78');
    expect(maskPhone('+77470000019')).toBe('+7 747 *** ** 19');
  });

  it('refuses anything but a stored mobile number', () => {
    expect(() => maskPhone('87012345678')).toThrow(/invalid_phone/);
    expect(() => maskPhone('+7701234567')).toThrow(/invalid_phone/);
    expect(() => maskPhone('+73012345678')).toThrow(/invalid_phone/);
  });
});
