import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { IsoDate, IsoDateTime, Text } from './common';
import { isStorableText, isWireDate, isWireInstant } from './formats';

describe('wire instants', () => {
  it.each([
    '2026-03-02T10:15:30.123+05:00',
    '2024-02-29T23:59:59Z',
    '2026-12-31T23:59:59.123456789-03:30',
    '2026-03-02T10:00:00+14:00',
    '2026-03-02T10:00:00-14:00',
    '2020-01-01T00:00:00Z',
    '2020-01-01T05:00:00+05:00',
    '2099-12-31T23:59:59.999Z',
  ])('takes %s', (value) => {
    expect(isWireInstant(value)).toBe(true);
  });

  it.each([
    ['month 13, day 45, 99:99:99', '2026-13-45T99:99:99Z'],
    ['30 February', '2026-02-30T10:00:00Z'],
    ['29 February of a common year', '2026-02-29T10:00:00Z'],
    ['31 April', '2026-04-31T10:00:00Z'],
    ['day 0', '2026-03-00T10:00:00Z'],
    ['hour 24', '2026-03-02T24:00:00Z'],
    ['minute 60', '2026-03-02T10:60:00Z'],
    ['a leap second', '2026-06-30T23:59:60Z'],
    ['an offset of +99:99', '2026-03-02T10:00:00+99:99'],
    ['an offset past +14:00', '2026-03-02T10:00:00+14:01'],
    ['offset minutes of 60', '2026-03-02T10:00:00+05:60'],
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['1900', '1900-03-02T10:00:00Z'],
    ['just before the window, by its offset', '2020-01-01T04:59:59+05:00'],
    ['2100', '2100-01-01T00:00:00Z'],
    ['just past the window, by its offset', '2099-12-31T23:00:00-01:00'],
    ['no zone', '2026-03-02T10:00:00'],
    ['lower-case letters', '2026-03-02t10:00:00z'],
    ['ten fraction digits', '2026-03-02T10:00:00.0123456789Z'],
    ['a date alone', '2026-03-02'],
  ])('refuses %s', (_name, value) => {
    expect(isWireInstant(value)).toBe(false);
  });

  it('is what the schema checks with, on the kiosk too', () => {
    expect(Value.Check(IsoDateTime, '2026-03-02T10:15:30.123+05:00')).toBe(true);
    expect(Value.Check(IsoDateTime, '2026-02-30T10:00:00Z')).toBe(false);
  });
});

describe('wire dates', () => {
  it('takes calendar dates in the window and nothing else', () => {
    expect(isWireDate('2024-02-29')).toBe(true);
    expect(isWireDate('2099-12-31')).toBe(true);
    expect(isWireDate('2026-02-29')).toBe(false);
    expect(isWireDate('2026-13-01')).toBe(false);
    expect(isWireDate('1900-01-01')).toBe(false);
    expect(isWireDate('2100-01-01')).toBe(false);
    expect(isWireDate('2026-3-2')).toBe(false);
    expect(Value.Check(IsoDate, '2026-02-30')).toBe(false);
  });
});

describe('storable text', () => {
  it('takes any text PostgreSQL stores as sent, Kazakh letters and emoji included', () => {
    expect(isStorableText('')).toBe(true);
    expect(isStorableText('Әлия Қасымова 😀')).toBe(true);
    expect(isStorableText('tab\tand\nnewline')).toBe(true);
  });

  it('refuses a NUL and a lone surrogate, either half', () => {
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud800')).toBe(false);
    expect(isStorableText('\udc00a')).toBe(false);
    expect(isStorableText('😀'.slice(0, 1))).toBe(false);
    expect(Value.Check(Text({ maxLength: 8 }), 'a\u0000')).toBe(false);
  });
});
