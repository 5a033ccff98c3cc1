import { describe, expect, it } from 'vitest';
import type { ServiceCode } from '../protocol';
import { MRP_BY_YEAR, TARIFF, feeFor, formatTiyn, mrpShareInTiyn, quoteFee } from './fees';

const ON = '2026-11-25';
const NBSP = '\u00a0';

describe('feeFor', () => {
  it('charges 0.2 MRP for an ID card: 865 ₸ in 2026', () => {
    for (const service of ['04', '07', '09', '14', '16'] as const) {
      expect(feeFor({ service, document: 'id_card', on: ON, lostIdCardsThisYear: 0 })).toEqual({
        exempt: false,
        mrp: 0.2,
        amountTiyn: 86_500,
        rule: 'id_card@2026-01-01',
      });
    }
  });

  it('charges 8 MRP for an adult passport: 34 600 ₸ in 2026', () => {
    for (const service of ['04', '07', '13', '14', '16', '17', '18'] as const) {
      expect(feeFor({ service, document: 'passport', on: ON, lostIdCardsThisYear: 5 })).toEqual({
        exempt: false,
        mrp: 8,
        amountTiyn: 3_460_000,
        rule: 'passport_adult_36@2026-01-01',
      });
    }
  });

  it('exempts an ID card replaced on expiry', () => {
    expect(feeFor({ service: '18', document: 'id_card', on: ON, lostIdCardsThisYear: 3 })).toEqual({
      exempt: true,
      mrp: 0,
      amountTiyn: 0,
      rule: 'id_card_on_expiry@2026-01-01',
    });
  });

  it('charges 1 MRP for an ID card lost more than twice in a year', () => {
    expect(feeFor({ service: '09', document: 'id_card', on: ON, lostIdCardsThisYear: 2 }).amountTiyn).toBe(86_500);
    expect(feeFor({ service: '09', document: 'id_card', on: ON, lostIdCardsThisYear: 3 })).toEqual({
      exempt: false,
      mrp: 1,
      amountTiyn: 432_500,
      rule: 'id_card_lost_repeatedly@2026-01-01',
    });
  });

  it('keeps the ordinary fee for other reasons whatever the losses', () => {
    for (const service of ['04', '07', '14', '16'] satisfies ServiceCode[]) {
      expect(feeFor({ service, document: 'id_card', on: ON, lostIdCardsThisYear: 4 }).rule).toBe('id_card@2026-01-01');
    }
  });

  it('takes the tariff in force on the day, from its first day', () => {
    expect(feeFor({ service: '07', document: 'id_card', on: '2026-01-01', lostIdCardsThisYear: 0 }).amountTiyn).toBe(86_500);
    expect(() => feeFor({ service: '07', document: 'id_card', on: '2025-12-31', lostIdCardsThisYear: 0 })).toThrow(/no_tariff/);
  });

  it('defers the fee of a year whose MRP is not known, naming the year, rather than refuse or guess it', () => {
    expect(quoteFee({ service: '07', document: 'passport', on: '2027-01-04', lostIdCardsThisYear: 0 })).toEqual({
      exempt: false,
      mrp: 8,
      amountTiyn: null,
      rule: 'passport_adult_36@2026-01-01',
      year: 2027,
    });
    // feeFor, for callers that name a known day, still says which year is missing.
    expect(() => feeFor({ service: '07', document: 'passport', on: '2027-01-01', lostIdCardsThisYear: 0 })).toThrow(/no_mrp_for_year.*2027/);
  });

  it('takes the MRP from the table it is given: the back office enters a new year as data', () => {
    const with2027 = { ...MRP_BY_YEAR, 2027: 4500 };
    expect(quoteFee({ service: '07', document: 'id_card', on: '2027-01-04', lostIdCardsThisYear: 0 }, with2027).amountTiyn).toBe(90_000);
    expect(quoteFee({ service: '07', document: 'id_card', on: '2026-06-01', lostIdCardsThisYear: 0 }, {}).amountTiyn).toBeNull();
  });

  it('never defers an exempt fee: nothing is due whatever the MRP', () => {
    expect(quoteFee({ service: '18', document: 'id_card', on: '2027-01-04', lostIdCardsThisYear: 0 })).toEqual({
      exempt: true,
      mrp: 0,
      amountTiyn: 0,
      rule: 'id_card_on_expiry@2026-01-01',
    });
  });

  it('keeps the tiyn of an MRP that is not a multiple of 5: 0.2 × 3,932 ₸ is 786.40 ₸', () => {
    const mrpOf2025In2027 = { ...MRP_BY_YEAR, 2027: 3932 };
    expect(quoteFee({ service: '07', document: 'id_card', on: '2027-01-04', lostIdCardsThisYear: 0 }, mrpOf2025In2027).amountTiyn).toBe(78_640);
    expect(quoteFee({ service: '07', document: 'passport', on: '2027-01-04', lostIdCardsThisYear: 0 }, mrpOf2025In2027).amountTiyn).toBe(3_145_600);
  });

  it('rejects a malformed date', () => {
    expect(() => feeFor({ service: '07', document: 'passport', on: '2026-13-01', lostIdCardsThisYear: 0 })).toThrow(/invalid_date/);
  });

  it('holds the figures as data', () => {
    expect(MRP_BY_YEAR[2024]).toBe(3692);
    expect(MRP_BY_YEAR[2025]).toBe(3932);
    expect(MRP_BY_YEAR[2026]).toBe(4325);
    expect(TARIFF.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.from))).toBe(true);
  });
});

describe('mrpShareInTiyn', () => {
  it('takes a share of the MRP to the tiyn, with no float noise', () => {
    expect(mrpShareInTiyn(0.2, MRP_BY_YEAR[2024]!)).toBe(73_840); // 738.40 ₸
    expect(mrpShareInTiyn(0.2, MRP_BY_YEAR[2025]!)).toBe(78_640); // 786.40 ₸, where 0.2 × 3932 × 100 is 78640.00000000001
    expect(mrpShareInTiyn(0.2, MRP_BY_YEAR[2026]!)).toBe(86_500); // 865 ₸, whole
    expect(mrpShareInTiyn(8, 3932)).toBe(3_145_600);
    expect(mrpShareInTiyn(0, 3932)).toBe(0);
  });

  it('rounds half a tiyn up, as a cashier would', () => {
    expect(mrpShareInTiyn(0.005, 3933)).toBe(1967); // 19.665 ₸
    expect(mrpShareInTiyn(0.001, 3932)).toBe(393); // 3.932 ₸
  });

  it('refuses a share finer than a thousandth, or an MRP that is not whole positive tenge', () => {
    expect(() => mrpShareInTiyn(0.0005, 3932)).toThrow(/invalid_tariff/);
    expect(() => mrpShareInTiyn(-0.2, 3932)).toThrow(/invalid_tariff/);
    expect(() => mrpShareInTiyn(0.2, 3932.5)).toThrow(/invalid_mrp/);
    expect(() => mrpShareInTiyn(0.2, 0)).toThrow(/invalid_mrp/);
  });
});

describe('formatTiyn', () => {
  it('writes whole tenge without decimals, grouped with a no-break space in Kazakh and Russian', () => {
    expect(formatTiyn(3_460_000, 'ru')).toBe(`34${NBSP}600${NBSP}₸`);
    expect(formatTiyn(3_460_000, 'kk')).toBe(`34${NBSP}600${NBSP}₸`);
    expect(formatTiyn(123_456_700, 'ru')).toBe(`1${NBSP}234${NBSP}567${NBSP}₸`);
    expect(formatTiyn(86_500, 'ru')).toBe(`865${NBSP}₸`);
  });

  it('writes tiyn as two decimals after a comma in Kazakh and Russian', () => {
    expect(formatTiyn(78_640, 'ru')).toBe(`786,40${NBSP}₸`);
    expect(formatTiyn(78_640, 'kk')).toBe(`786,40${NBSP}₸`);
    expect(formatTiyn(73_840, 'kk')).toBe(`738,40${NBSP}₸`);
    expect(formatTiyn(3_145_605, 'ru')).toBe(`31${NBSP}456,05${NBSP}₸`);
  });

  it('groups with commas and writes tiyn after a dot in English', () => {
    expect(formatTiyn(3_460_000, 'en')).toBe(`34,600${NBSP}₸`);
    expect(formatTiyn(78_640, 'en')).toBe(`786.40${NBSP}₸`);
    expect(formatTiyn(123_456_701, 'en')).toBe(`1,234,567.01${NBSP}₸`);
    expect(formatTiyn(86_500, 'en')).toBe(`865${NBSP}₸`);
  });

  it('leaves small amounts ungrouped', () => {
    expect(formatTiyn(0, 'ru')).toBe(`0${NBSP}₸`);
    expect(formatTiyn(5, 'ru')).toBe(`0,05${NBSP}₸`);
    expect(formatTiyn(100_000, 'ru')).toBe(`1${NBSP}000${NBSP}₸`);
  });

  it('refuses fractions of a tiyn and negatives', () => {
    expect(() => formatTiyn(86_500.5, 'ru')).toThrow(/invalid_amount/);
    expect(() => formatTiyn(-1, 'ru')).toThrow(/invalid_amount/);
    expect(() => formatTiyn(Number.NaN, 'ru')).toThrow(/invalid_amount/);
  });
});
