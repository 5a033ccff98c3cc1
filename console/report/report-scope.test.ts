import { describe, expect, it } from 'vitest';
import { defaultScope, formatScope, parseScope, scopeAllowed, scopeChoices, scopeKinds, type ScopeLists } from './report-scope';

const lists: ScopeLists = {
  branches: [
    { id: 'AST', region: 'astana', nameRu: 'Филиал по г. Астане', nameKk: 'Астана қаласы бойынша филиалы' },
    { id: 'ALA', region: 'almaty', nameRu: 'Филиал по г. Алматы', nameKk: 'Алматы қаласы бойынша филиалы' },
  ],
  centres: [
    { id: 'AST-ESIL', branchId: 'AST', nameRu: 'ЦОН Есиль', nameKk: 'Есіл ХҚКО' },
    { id: 'ALA-MED', branchId: 'ALA', nameRu: 'ЦОН Медеу', nameKk: 'Медеу ХҚКО' },
  ],
  terminals: [
    { terminalId: 'KIOSK-2', centreId: 'ALA-MED', name: null },
    { terminalId: 'KIOSK-1', centreId: 'AST-ESIL', name: 'у входа' },
  ],
};
const analyst = { role: 'analyst' as const, branchId: null };
const supervisor = { role: 'supervisor' as const, branchId: 'AST' };

describe('the scopes the report picker offers', () => {
  it('reads and writes the scopes the report route takes, and nothing else', () => {
    for (const text of ['country', 'region:almaty_region', 'branch:AST', 'centre:AST-ESIL', 'terminal:KIOSK-1']) expect(formatScope(parseScope(text)!)).toBe(text);
    for (const text of ['', 'world', 'centre:', 'centre:AST ESIL', 'branch:AST:x', `centre:${'A'.repeat(33)}`]) expect(parseScope(text), text).toBeNull();
  });

  it('offers an analyst the whole country, every branch and centre, named in the console language', () => {
    expect(scopeKinds(analyst)).toEqual(['country', 'region', 'branch', 'centre', 'terminal']);
    expect(defaultScope(analyst)).toBe('country');
    expect(scopeChoices('kk', analyst, lists, 'branch').map((c) => c.label)).toEqual(['Алматы қаласы бойынша филиалы', 'Астана қаласы бойынша филиалы']);
    expect(scopeChoices('ru', analyst, lists, 'centre')).toEqual([
      { value: 'centre:AST-ESIL', label: 'ЦОН Есиль (AST-ESIL)' },
      { value: 'centre:ALA-MED', label: 'ЦОН Медеу (ALA-MED)' },
    ]);
    expect(scopeChoices('en', analyst, lists, 'region').map((c) => c.value)).toEqual(['region:almaty', 'region:astana']);
  });

  it("keeps a supervisor in their branch: no country, no other branch's centre or terminal", () => {
    expect(scopeKinds(supervisor)).not.toContain('country');
    expect(defaultScope(supervisor)).toBe('branch:AST');
    expect(scopeChoices('ru', supervisor, lists, 'branch').map((c) => c.value)).toEqual(['branch:AST']);
    expect(scopeChoices('ru', supervisor, lists, 'centre').map((c) => c.value)).toEqual(['centre:AST-ESIL']);
    expect(scopeChoices('ru', supervisor, lists, 'terminal')).toEqual([{ value: 'terminal:KIOSK-1', label: 'KIOSK-1 — у входа' }]);
    expect(scopeAllowed(supervisor, lists, 'centre:AST-ESIL')).toBe(true);
    for (const text of ['country', 'region:almaty', 'branch:ALA', 'centre:ALA-MED', 'terminal:KIOSK-2', 'nonsense']) expect(scopeAllowed(supervisor, lists, text), text).toBe(false);
  });

  it("lets an analyst, who cannot read the fleet, ask for any terminal by its code", () => {
    const noFleet = { ...lists, terminals: null };
    expect(scopeChoices('ru', analyst, noFleet, 'terminal')).toEqual([]);
    expect(scopeAllowed(analyst, noFleet, 'terminal:ANY-1')).toBe(true);
    expect(scopeAllowed(analyst, noFleet, 'terminal:bad code')).toBe(false);
  });
});
