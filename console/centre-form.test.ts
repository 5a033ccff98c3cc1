import { describe, expect, it } from 'vitest';
import type { Branch, Centre } from '../src/protocol/centres';
import { branchesWithCentres, hoursForm, hoursFromForm } from './centre-form';

describe("a centre's opening hours in the form", () => {
  it('shows a field a day, empty for a day off, and sends only the days open', () => {
    const form = hoursForm({ mon: '09:00-20:00', sat: '09:00-13:00' });
    expect(form).toEqual({ mon: '09:00-20:00', tue: '', wed: '', thu: '', fri: '', sat: '09:00-13:00', sun: '' });
    expect(hoursFromForm({ ...form, tue: ' 10:00-18:00 ', sat: '  ' })).toEqual({ mon: '09:00-20:00', tue: '10:00-18:00' });
  });
});

describe('branches with their centres', () => {
  const branch = (id: string): Branch => ({ id, region: id.toLowerCase(), nameRu: id, nameKk: id, version: 1 });
  const centre = (id: string, branchId: string): Centre => ({ id, branchId, nameRu: id, nameKk: id, region: '', address: '', hours: {}, version: 1 });

  it('groups each centre under its branch, in id order, a branch without centres kept', () => {
    const grouped = branchesWithCentres([branch('SHY'), branch('AST'), branch('BAI')], [centre('AST-SARYARKA', 'AST'), centre('SHY-ABAI', 'SHY'), centre('AST-ESIL', 'AST')]);
    expect(grouped.map((g) => [g.branch.id, g.centres.map((c) => c.id)])).toEqual([
      ['AST', ['AST-ESIL', 'AST-SARYARKA']],
      ['BAI', []],
      ['SHY', ['SHY-ABAI']],
    ]);
  });
});
