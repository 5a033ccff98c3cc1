import { describe, expect, it } from 'vitest';
import { accountRequest, type AccountForm } from './account-form';

const form = (change: Partial<AccountForm>): AccountForm => ({ username: 'new.op', role: 'operator', branchId: '', centreId: 'AST-ESIL', password: '', ...change });

describe('the new account form', () => {
  it("sends an operator's centre only (the branch is the centre's), and no password to have one generated", () => {
    expect(accountRequest(form({ branchId: 'ALA' }))).toEqual({ ok: true, request: { username: 'new.op', role: 'operator', centreId: 'AST-ESIL' } });
  });

  it("sends a supervisor's branch and a typed password", () => {
    expect(accountRequest(form({ role: 'supervisor', branchId: 'AST', password: 'twelve chars' }))).toEqual({
      ok: true,
      request: { username: 'new.op', role: 'supervisor', branchId: 'AST', password: 'twelve chars' },
    });
    expect(accountRequest(form({ role: 'analyst', centreId: 'AST-ESIL' }))).toEqual({ ok: true, request: { username: 'new.op', role: 'analyst' } });
  });

  it.each([
    [{ username: 'ab' }, 'invalid_username'],
    [{ username: 'Айгерим' }, 'invalid_username'],
    [{ password: 'eleven char' }, 'password_too_short'],
    [{ centreId: '' }, 'centre_required'],
    [{ role: 'supervisor', branchId: '' }, 'branch_required'],
    [{ role: 'police', branchId: '' }, 'branch_required'],
  ] as const)('says what is wrong with %j: %s', (change, problem) => {
    expect(accountRequest(form(change))).toEqual({ ok: false, problem });
  });
});
