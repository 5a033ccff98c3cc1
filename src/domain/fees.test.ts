import { describe, expect, it } from 'vitest';
import type { ServiceCode } from '../protocol';
import { MRP_BY_YEAR, TARIFF, feeFor, formatTenge, quoteFee } from './fees';

const ON = '2026-11-25';
const NBSP = '\u00a0';

describe('feeFor', () => {
  it('charges 0.2 MRP for an ID card: 865 ₸ in 2026', () => {
    for (const service of ['04', '07', '09', '14', '16'] as const) {
      expect(feeFor({ service, document: 'id_card', on: ON, lostIdCardsThisYear: 0 })).toEqual({
        exempt: false,
        mrp: 0.2,
        amountKzt: 865,
        rule: 'id_card@2026-01-01',
      });
    }
  });

  it('charges 8 MRP for an adult passport: 34 600 ₸ in 2026', () => {
    for (const service of ['04', '07', '13', '14', '16', '17', '18'] as const) {
      expect(feeFor({ service, document: 'passport', on: ON, lostIdCardsThisYear: 5 })).toEqual({
        exempt: false,
        mrp: 8,
        amountKzt: 34_600,
        rule: 'passport_adult_36@2026-01-01',
      });
    }
  });

  it('exempts an ID card replaced on expiry', () => {
    expect(feeFor({ service: '18', document: 'id_card', on: ON, lostIdCardsThisYear: 3 })).toEqual({
      exempt: true,
      mrp: 0,
      amountKzt: 0,
      rule: 'id_card_on_expiry@2026-01-01',
    });
  });

  it('charges 1 MRP for an ID card lost more than twice in a year', () => {
    expect(feeFor({ service: '09', document: 'id_card', on: ON, lostIdCardsThisYear: 2 }).amountKzt).toBe(865);
    expect(feeFor({ service: '09', document: 'id_card', on: ON, lostIdCardsThisYear: 3 })).toEqual({
      exempt: false,
      mrp: 1,
      amountKzt: 4325,
      rule: 'id_card_lost_repeatedly@2026-01-01',
    });
  });

  it('keeps the ordinary fee for other reasons whatever the losses', () => {
    for (const service of ['04', '07', '14', '16'] satisfies ServiceCode[]) {
      expect(feeFor({ service, document: 'id_card', on: ON, lostIdCardsThisYear: 4 }).rule).toBe('id_card@2026-01-01');
    }
  });

  it('takes the tariff in force on the day, from its first day', () => {
    expect(feeFor({ service: '07', document: 'id_card', on: '2026-01-01', lostIdCardsThisYear: 0 }).amountKzt).toBe(865);
    expect(() => feeFor({ service: '07', document: 'id_card', on: '2025-12-31', lostIdCardsThisYear: 0 })).toThrow(/no_tariff/);
  });

  it('defers the fee of a year whose MRP is not known, naming the year, rather than refuse or guess it', () => {
    expect(quoteFee({ service: '07', document: 'passport', on: '2027-01-04', lostIdCardsThisYear: 0 })).toEqual({
      exempt: false,
      mrp: 8,
      amountKzt: null,
      rule: 'passport_adult_36@2026-01-01',
      year: 2027,
    });
    // feeFor, for callers that name a known day, still says which year is missing.
    expect(() => feeFor({ service: '07', document: 'passport', on: '2027-01-01', lostIdCardsThisYear: 0 })).toThrow(/no_mrp_for_year.*2027/);
  });

  it('takes the MRP from the table it is given: the back office enters a new year as data', () => {
    const with2027 = { ...MRP_BY_YEAR, 2027: 4500 };
    expect(quoteFee({ service: '07', document: 'id_card', on: '2027-01-04', lostIdCardsThisYear: 0 }, with2027).amountKzt).toBe(900);
    expect(quoteFee({ service: '07', document: 'id_card', on: '2026-06-01', lostIdCardsThisYear: 0 }, {}).amountKzt).toBeNull();
  });

  it('never defers an exempt fee: nothing is due whatever the MRP', () => {
    expect(quoteFee({ service: '18', document: 'id_card', on: '2027-01-04', lostIdCardsThisYear: 0 })).toEqual({
      exempt: true,
      mrp: 0,
      amountKzt: 0,
      rule: 'id_card_on_expiry@2026-01-01',
    });
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

describe('formatTenge', () => {
  it('groups thousands with a no-break space in Kazakh and Russian', () => {
    expect(formatTenge(34_600, 'ru')).toBe(`34${NBSP}600${NBSP}₸`);
    expect(formatTenge(34_600, 'kk')).toBe(`34${NBSP}600${NBSP}₸`);
    expect(formatTenge(1_234_567, 'ru')).toBe(`1${NBSP}234${NBSP}567${NBSP}₸`);
  });

  it('groups with commas in English', () => {
    expect(formatTenge(34_600, 'en')).toBe(`34,600${NBSP}₸`);
  });

  it('leaves small amounts ungrouped', () => {
    expect(formatTenge(0, 'ru')).toBe(`0${NBSP}₸`);
    expect(formatTenge(865, 'ru')).toBe(`865${NBSP}₸`);
    expect(formatTenge(1000, 'ru')).toBe(`1${NBSP}000${NBSP}₸`);
  });

  it('refuses fractions and negatives', () => {
    expect(() => formatTenge(865.5, 'ru')).toThrow(/invalid_amount/);
    expect(() => formatTenge(-1, 'ru')).toThrow(/invalid_amount/);
    expect(() => formatTenge(Number.NaN, 'ru')).toThrow(/invalid_amount/);
  });
});
