import { describe, expect, it } from 'vitest';
import type { ReferenceData } from '../protocol/reference-data';
import { dueDateOfApplication } from './application';
import { quoteFee } from './fees';
import { BUILT_IN_REFERENCE_DATA, dueDateWith, quoteFeeWith, referenceDataOn, referenceDataProblems } from './reference-data';

const idCard = (on: string) => ({ service: '04' as const, document: 'id_card' as const, on, lostIdCardsThisYear: 0 });

/** A version entered in December 2026 for 2027: the budget law's MRP and a raised ID card share. */
const V2: ReferenceData = {
  ...BUILT_IN_REFERENCE_DATA,
  version: 2,
  effectiveFrom: '2027-01-01',
  mrpByYear: [...BUILT_IN_REFERENCE_DATA.mrpByYear, { year: 2027, mrpKzt: 4593 }],
  tariff: [...BUILT_IN_REFERENCE_DATA.tariff, { from: '2027-01-01', document: 'id_card', rule: 'id_card', mrp: 0.5 }],
};

describe('the reference data in force', () => {
  it('is the built-in figures before any version, and they quote as the constants do', () => {
    const document = referenceDataOn([], '2026-11-25');
    expect(document).toBe(BUILT_IN_REFERENCE_DATA);
    expect(quoteFeeWith(idCard('2026-11-25'), document)).toEqual(quoteFee(idCard('2026-11-25')));
  });

  it('switches on the version\'s first day, not before', () => {
    const v1 = { ...BUILT_IN_REFERENCE_DATA, version: 1 };
    expect(referenceDataOn([v1, V2], '2026-12-31').version).toBe(1);
    expect(referenceDataOn([V2, v1], '2027-01-01').version).toBe(2);
    // A later number on the same day corrects the earlier one.
    const v3 = { ...V2, version: 3 };
    expect(referenceDataOn([v3, V2, v1], '2027-01-01').version).toBe(3);
  });

  it('defers the fee of a year the version in use does not know, and quotes it with the version that does', () => {
    const day = '2027-01-04';
    const before = quoteFeeWith(idCard(day), BUILT_IN_REFERENCE_DATA);
    expect(before).toMatchObject({ amountTiyn: null, year: 2027 });
    // 0.5 × 4 593 ₸ = 2 296.50 ₸, under the 2027 row; the 2026 row still holds for a 2026 day.
    expect(quoteFeeWith(idCard(day), V2)).toMatchObject({ amountTiyn: 229_650, rule: 'id_card@2027-01-01' });
    expect(quoteFeeWith(idCard('2026-12-30'), V2)).toMatchObject({ amountTiyn: 86_500, rule: 'id_card@2026-01-01' });
  });

  it('counts the ready-by date with the Kurban ait of the version in force on the application\'s day', () => {
    // Built in, Kurban ait 2026 is 27 May: from 30 April the 15th working day is 26 May.
    const made = '2026-04-30T05:00:00Z';
    expect(dueDateWith(made, [])).toEqual({ readyBy: '2026-05-26', yearsWithoutCalendar: [] });
    // A decree that puts it on 26 May makes that day off and 27 May a working day.
    const decreed: ReferenceData = { ...BUILT_IN_REFERENCE_DATA, version: 4, effectiveFrom: '2026-04-01', kurbanAit: [{ year: 2026, date: '2026-05-26' }] };
    expect(dueDateWith(made, [decreed])).toEqual({ readyBy: '2026-05-27', yearsWithoutCalendar: [] });
    // Not yet in force on the application's day: the day keeps the calendar it had.
    expect(dueDateWith(made, [{ ...decreed, effectiveFrom: '2026-05-01' }])).toEqual(dueDateOfApplication(made));
  });

  it('no longer flags a year whose Kurban ait a version gives', () => {
    const made = '2027-12-13T04:00:00Z';
    expect(dueDateWith(made, []).yearsWithoutCalendar).toEqual([2028]);
    const withYear = { ...V2, kurbanAit: [...V2.kurbanAit, { year: 2028, date: '2028-05-04' }] };
    expect(dueDateWith(made, [withYear]).yearsWithoutCalendar).toEqual([]);
  });
});

describe('referenceDataProblems', () => {
  const figures = { mrpByYear: V2.mrpByYear, tariff: V2.tariff, kurbanAit: V2.kurbanAit };

  it('finds nothing wrong in a sound version', () => {
    expect(referenceDataProblems(figures, '2027-01-01', '2026-12-10')).toEqual([]);
  });

  it('names each mistake and its row', () => {
    const problems = referenceDataProblems(
      {
        mrpByYear: [...figures.mrpByYear, { year: 2027, mrpKzt: 4600 }],
        tariff: [
          ...figures.tariff.filter((row) => row.rule !== 'id_card_on_expiry'),
          { from: '2027-01-01', document: 'id_card', rule: 'id_card', mrp: 0.2 },
          { from: '2027-06-01', document: 'id_card', rule: 'id_card', mrp: 0.0005 },
          { from: '2027-01-01', document: 'passport', rule: 'id_card_lost_repeatedly', mrp: 1 },
        ],
        kurbanAit: [...figures.kurbanAit, { year: 2028, date: '2027-05-04' }, { year: 2026, date: '2026-05-27' }],
      },
      '2026-12-01',
      '2026-12-10',
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { code: 'effective_from_in_past', at: '2026-12-01' },
        { code: 'mrp_year_repeated', at: '2027' },
        { code: 'tariff_row_repeated', at: 'id_card/id_card@2027-01-01' },
        { code: 'tariff_share_invalid', at: 'id_card/id_card@2027-06-01' },
        { code: 'tariff_rule_document_mismatch', at: 'passport/id_card_lost_repeatedly@2027-01-01' },
        { code: 'tariff_rule_missing', at: 'id_card/id_card_on_expiry' },
        { code: 'kurban_ait_year_mismatch', at: '2028' },
        { code: 'kurban_ait_year_repeated', at: '2026' },
      ]),
    );
    expect(problems).toHaveLength(8);
  });
});
