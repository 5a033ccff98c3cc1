import { describe, expect, it } from 'vitest';
import { centreScope, scopeIncludes, type StaffPrincipal } from './scope';

const staff = (role: StaffPrincipal['role'], centreId: string | null = null): StaffPrincipal => ({ id: 'x', username: role, role, branchId: 'AST', centreId });
const astanaCentres = ['AST-ESIL', 'AST-SARYARKA'];

describe('which centres a staff member may see one application of', () => {
  it('an operator: their own centre only', () => {
    const scope = centreScope(staff('operator', 'AST-ESIL'), astanaCentres);
    expect(scopeIncludes(scope, 'AST-ESIL')).toBe(true);
    expect(scopeIncludes(scope, 'AST-SARYARKA')).toBe(false);
  });

  it('a supervisor: every centre of their branch, none of another', () => {
    const scope = centreScope(staff('supervisor'), astanaCentres);
    expect(astanaCentres.every((c) => scopeIncludes(scope, c))).toBe(true);
    expect(scopeIncludes(scope, 'ALA-ALMALY')).toBe(false);
  });

  it('an admin: all; an analyst: none (aggregates only)', () => {
    expect(scopeIncludes(centreScope(staff('admin'), []), 'ZKO-ORAL')).toBe(true);
    expect(centreScope(staff('analyst', 'AST-ESIL'), astanaCentres)).toEqual({ kind: 'none' });
    expect(scopeIncludes(centreScope(staff('analyst', 'AST-ESIL'), astanaCentres), 'AST-ESIL')).toBe(false);
  });
});
