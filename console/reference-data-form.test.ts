import { describe, expect, it } from 'vitest';
import { BUILT_IN_REFERENCE_DATA } from '../src/domain/reference-data';
import { ConsoleError } from './api';
import { formBody, formFrom, nextYear, refusalLines } from './reference-data-form';

describe('the reference-data form', () => {
  it('starts from the version given, from today, and gives back its figures unchanged', () => {
    const form = formFrom(BUILT_IN_REFERENCE_DATA, '2026-12-06');
    expect(form.effectiveFrom).toBe('2026-12-06');
    const result = formBody(form);
    expect(result).toEqual({
      ok: true,
      body: { effectiveFrom: '2026-12-06', mrpByYear: BUILT_IN_REFERENCE_DATA.mrpByYear, tariff: BUILT_IN_REFERENCE_DATA.tariff, kurbanAit: BUILT_IN_REFERENCE_DATA.kurbanAit },
    });
    // A version dated later than today keeps its own day.
    expect(formFrom({ ...BUILT_IN_REFERENCE_DATA, effectiveFrom: '2027-01-01' }, '2026-12-06').effectiveFrom).toBe('2027-01-01');
  });

  it("adds next year's MRP as an admin types it, a decimal comma included", () => {
    const form = formFrom(BUILT_IN_REFERENCE_DATA, '2026-12-06');
    form.mrpByYear.push({ year: nextYear(form.mrpByYear, '2026-12-06'), mrpKzt: ' 4593 ' });
    form.tariff[0]!.mrp = '0,5';
    form.note = '  Law on the budget 2027  ';
    const result = formBody(form);
    expect(result.ok && result.body.mrpByYear.at(-1)).toEqual({ year: 2027, mrpKzt: 4593 });
    expect(result.ok && result.body.tariff[0]!.mrp).toBe(0.5);
    expect(result.ok && result.body.note).toBe('Law on the budget 2027');
  });

  it('says what was typed wrong, row by row, before anything is sent', () => {
    const form = formFrom(BUILT_IN_REFERENCE_DATA, '2026-12-06');
    form.effectiveFrom = '2027-02-30';
    form.mrpByYear.push({ year: '2027', mrpKzt: '4 593' });
    form.tariff[1]!.mrp = 'one';
    form.kurbanAit.push({ year: '20x8', date: '' });
    const result = formBody(form);
    expect(result.ok ? [] : result.problems).toEqual([
      { key: 'refdata.typed.date', at: '2027-02-30' },
      { key: 'refdata.typed.mrp', at: '2027' },
      { key: 'refdata.typed.share', at: 'id_card_lost_repeatedly 2026-01-01' },
      { key: 'refdata.typed.year', at: '20x8' },
      { key: 'refdata.typed.date', at: '' },
    ]);
  });

  it("says each of the back office's refusals in the admin's language, with its row", () => {
    const body = { code: 'mrp_year_repeated', detail: '2027', problems: [{ code: 'mrp_year_repeated', at: '2027' }, { code: 'tariff_rule_missing', at: 'passport/passport_adult_36' }] };
    const error = new ConsoleError('mrp_year_repeated', 400, null, body);
    expect(refusalLines('ru', error)).toEqual(['МРП этого года указан дважды (2027)', 'Нет строки тарифа для этого правила (passport/passport_adult_36)']);
    expect(refusalLines('kk', error)[0]).toBe('Бұл жылдың АЕК екі рет көрсетілген (2027)');
    expect(refusalLines('en', error)[0]).toBe('The MRP of this year is given twice (2027)');
    // A refusal without rows (the schema's, a lost session) is said as any other.
    expect(refusalLines('en', new ConsoleError('invalid_request', 400, null, { code: 'invalid_request' }))).toEqual(['Check the form: something is missing or wrong.']);
  });
});
