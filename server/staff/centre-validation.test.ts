import { describe, expect, it } from 'vitest';
import { checkCentreFields, checkCentreId, checkHours } from './centre-validation';

const REGIONS = new Set(['astana', 'almaty']);
const FIELDS = {
  nameRu: ' ЦОН ',
  nameKk: 'ХҚКО',
  region: 'astana',
  address: ' г. Астана, ул. Сыганак, 10 ',
  hours: { sat: '09:00-13:00', mon: '09:00-20:00' },
};

describe("a centre's fields as an admin sends them", () => {
  it('keeps them trimmed, the days in week order', () => {
    const checked = checkCentreFields(FIELDS, REGIONS);
    expect(checked).toEqual({ ok: true, value: { nameRu: 'ЦОН', nameKk: 'ХҚКО', region: 'astana', address: 'г. Астана, ул. Сыганак, 10', hours: { mon: '09:00-20:00', sat: '09:00-13:00' } } });
    expect(Object.keys(checked.ok ? checked.value.hours : {})).toEqual(['mon', 'sat']);
  });

  it.each([
    [{ nameRu: '  ' }, 'name_required', 'nameRu'],
    [{ nameKk: '' }, 'name_required', 'nameKk'],
    [{ region: 'atlantis' }, 'unknown_region', 'region'],
    [{ address: '\t' }, 'address_required', 'address'],
    [{ hours: { mon: '9:00-20:00' } }, 'invalid_hours', 'mon'],
    [{ hours: { tue: '20:00-09:00' } }, 'invalid_hours', 'tue'],
    [{ hours: { wed: '09:00-09:00' } }, 'invalid_hours', 'wed'],
    [{ hours: { thu: '09:00-24:00' } }, 'invalid_hours', 'thu'],
    [{ hours: { monday: '09:00-18:00' } }, 'invalid_hours', 'monday'],
  ])('refuses %j with %s on %s', (change, code, detail) => {
    expect(checkCentreFields({ ...FIELDS, ...change }, REGIONS)).toEqual({ ok: false, code, detail });
  });

  it('takes a week with no day open (a centre closed for repairs)', () => {
    expect(checkHours({})).toEqual({ ok: true, value: {} });
  });

  it("takes ids like the seed's, and no other", () => {
    expect(checkCentreId(' AST-NURA ')).toEqual({ ok: true, value: 'AST-NURA' });
    for (const id of ['ast-nura', 'AST--NURA', '-AST', 'AST NURA', '', 'A'.repeat(33)]) expect(checkCentreId(id).ok, id).toBe(false);
  });
});
