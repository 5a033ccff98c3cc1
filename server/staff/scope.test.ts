import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openTestDatabase } from '../db/test-database';
import { centreScope, scopeIncludes, type StaffPrincipal } from './scope';
import { StaffRepository } from './staff-repository';

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
    expect(centreScope(staff('analyst', 'AST-ESIL'), astanaCentres)).toEqual([]);
    expect(scopeIncludes(centreScope(staff('analyst', 'AST-ESIL'), astanaCentres), 'AST-ESIL')).toBe(false);
  });

  it('a police officer: no citizen\'s application, even in their branch', () => {
    expect(centreScope(staff('police', 'AST-ESIL'), astanaCentres)).toEqual([]);
  });
});

describe('a staff member\'s scope read from the seeded centres', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  }, 60_000);
  afterAll(() => db.close(), 60_000);

  it("a supervisor of Astana: the Astana branch's centres, AST-ESIL among them", async () => {
    const scope = await new StaffRepository(db).scopeOf({ ...staff('supervisor'), branchId: 'AST' });
    expect(scope).toEqual(['AST-ESIL', 'AST-SARYARKA']);
  });

  it('every region has its branch and at least one centre, named in Russian and Kazakh', async () => {
    const { rows } = await db.query<{ region: string; centres: number }>(
      `SELECT b.region, count(c.id)::int AS centres FROM branches b LEFT JOIN centres c ON c.branch_id = b.id
       WHERE b.name_ru <> '' AND b.name_kk <> '' GROUP BY b.region ORDER BY b.region`,
    );
    expect(rows).toHaveLength(21);
    expect(rows.every((r) => r.centres >= 1)).toBe(true);
    expect(rows.map((r) => r.region)).toEqual(expect.arrayContaining(['astana', 'almaty', 'shymkent', 'baikonur', 'ulytau', 'abai', 'jetisu']));
  });
});
