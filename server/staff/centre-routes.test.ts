import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Branch, BranchList, Centre, CentreHistory, CentreList } from '../../src/protocol/centres';
import type { AuditPage } from '../../src/protocol/staff';
import { createTestApp, type TestApp } from '../test-support';
import { asStaff, signIn, type SignedIn } from './test-staff';

const HOURS = { mon: '09:00-18:00', tue: '09:00-18:00', wed: '09:00-18:00', thu: '09:00-18:00', fri: '09:00-18:00' };

describe('centres and branches, read by staff and edited by admins', () => {
  let t: TestApp;
  let admin: SignedIn;
  let supervisor: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    admin = await signIn(t.app, 'admin');
    supervisor = await signIn(t.app, 'supervisor');
  });
  afterAll(() => t.close());

  const get = (url: string, who = admin) => asStaff(t.app, who, { method: 'GET', url });
  const esil = async () => ((await get('/api/v1/staff/centres?branchId=AST')).json() as CentreList).centres.find((c) => c.id === 'AST-ESIL')!;
  const editEsil = (payload: Record<string, unknown>) => asStaff(t.app, admin, { method: 'PUT', url: '/api/v1/staff/centres/AST-ESIL', payload });
  const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  it("lists the seed's 21 branches and 22 centres to any signed-in staff member, and a branch's own", async () => {
    const branches = (await get('/api/v1/staff/branches', supervisor)).json() as BranchList;
    expect(branches.branches).toHaveLength(21);
    expect(branches.branches.find((b) => b.id === 'AST')).toMatchObject({ region: 'astana', nameRu: 'Филиал по г. Астане', version: 1 });
    expect(((await get('/api/v1/staff/centres', supervisor)).json() as CentreList).centres).toHaveLength(22);
    expect(((await get('/api/v1/staff/centres?branchId=AST')).json() as CentreList).centres.map((c) => c.id)).toEqual(['AST-ESIL', 'AST-SARYARKA']);
  });

  it("edits a centre's address and hours: the new version is read back, the old one kept, the change audited", async () => {
    const before = await esil();
    const response = await editEsil({ ...before, id: undefined, branchId: undefined, address: 'г. Астана, пр. Мангилик Ел, 11', hours: { ...HOURS, sat: '10:00-14:00' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: 'AST-ESIL', address: 'г. Астана, пр. Мангилик Ел, 11', version: before.version + 1 });
    expect(await esil()).toMatchObject({ address: 'г. Астана, пр. Мангилик Ел, 11', hours: { ...HOURS, sat: '10:00-14:00' } });

    const history = (await get('/api/v1/staff/centres/AST-ESIL/versions')).json() as CentreHistory;
    expect(history.versions.map((v) => [v.version, v.address, v.changedBy])).toEqual([
      [before.version + 1, 'г. Астана, пр. Мангилик Ел, 11', 'admin'],
      [before.version, before.address, null],
    ]);
    const audit = (await get('/api/v1/staff/audit?action=centre_edited')).json() as AuditPage;
    expect(audit.entries[0]).toMatchObject({ username: 'admin', action: 'centre_edited', details: { centre: 'AST-ESIL', version: before.version + 1 } });
  });

  it('refuses an edit made over an older version (another admin saved first), and keeps nothing of it', async () => {
    const current = await esil();
    const versions = await count('centre_versions');
    const stale = await editEsil({ nameRu: current.nameRu, nameKk: current.nameKk, region: current.region, address: 'stale', hours: {}, version: current.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ code: 'version_conflict' });
    expect((await esil()).address).toBe(current.address);
    expect(await count('centre_versions')).toBe(versions);
  });

  it.each([
    [{ nameRu: ' ' }, 400, 'name_required'],
    [{ region: 'atlantis' }, 400, 'unknown_region'],
    [{ address: '' }, 400, 'address_required'],
    [{ hours: { mon: '18:00-09:00' } }, 400, 'invalid_hours'],
    [{ hours: { holiday: '09:00-13:00' } }, 400, 'invalid_hours'],
    [{ version: 0 }, 400, 'invalid_request'],
    [{ branchId: 'ALA' }, 400, 'invalid_request'],
  ])('refuses the edit %j with %i %s, and changes nothing', async (change, status, code) => {
    const current = await esil();
    const versions = await count('centre_versions');
    const { nameRu, nameKk, region, address, hours, version } = current;
    const response = await editEsil({ nameRu, nameKk, region, address, hours, version, ...change });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code });
    expect(await esil()).toEqual(current);
    expect(await count('centre_versions')).toBe(versions);
  });

  it('answers 404 for a centre there is not', async () => {
    const response = await asStaff(t.app, admin, { method: 'PUT', url: '/api/v1/staff/centres/NOWHERE', payload: { nameRu: 'a', nameKk: 'b', region: 'astana', address: 'c', hours: {}, version: 1 } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'not_found' });
    expect((await get('/api/v1/staff/centres/NOWHERE/versions')).statusCode).toBe(404);
  });

  it('adds a centre to a branch, which an operator account may then belong to; a taken id or unknown branch is refused', async () => {
    const centre = { id: 'AST-NURA', branchId: 'AST', nameRu: 'ЦОН района Нура', nameKk: 'Нұра ауданының ХҚКО', region: 'astana', address: 'г. Астана, район Нура', hours: HOURS };
    const added = await asStaff(t.app, admin, { method: 'POST', url: '/api/v1/staff/centres', payload: centre });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json() as Centre).toEqual({ ...centre, version: 1 });
    const operator = await asStaff(t.app, admin, { method: 'POST', url: '/api/v1/staff/accounts', payload: { username: 'nura.op', role: 'operator', centreId: 'AST-NURA' } });
    expect(operator.statusCode).toBe(201);

    const taken = await asStaff(t.app, admin, { method: 'POST', url: '/api/v1/staff/centres', payload: centre });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toEqual({ code: 'centre_exists' });
    for (const [change, code] of [
      [{ id: 'ast nura' }, 'invalid_centre_id'],
      [{ id: 'AST-NEW', branchId: 'XYZ' }, 'unknown_branch'],
    ] as const) {
      const refused = await asStaff(t.app, admin, { method: 'POST', url: '/api/v1/staff/centres', payload: { ...centre, ...change } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code });
    }
    expect(((await get('/api/v1/staff/centres?branchId=AST')).json() as CentreList).centres.map((c) => c.id)).toEqual(['AST-ESIL', 'AST-NURA', 'AST-SARYARKA']);
  });

  it("renames a branch, version by version, and refuses an empty name", async () => {
    const put = (payload: Record<string, unknown>) => asStaff(t.app, admin, { method: 'PUT', url: '/api/v1/staff/branches/BAI', payload });
    const renamed = await put({ nameRu: 'Филиал по г. Байконур', nameKk: 'Байқоңыр қаласы бойынша филиалы', version: 1 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json() as Branch).toMatchObject({ id: 'BAI', nameRu: 'Филиал по г. Байконур', version: 2 });
    expect((await put({ nameRu: 'x', nameKk: 'y', version: 1 })).json()).toEqual({ code: 'version_conflict' });
    expect((await put({ nameRu: 'x', nameKk: '  ', version: 2 })).json()).toMatchObject({ code: 'name_required' });
    const kept = await t.db.query<{ version: number; name_ru: string }>("SELECT version, name_ru FROM branch_versions WHERE branch_id = 'BAI' ORDER BY version");
    expect(kept.rows).toEqual([
      { version: 1, name_ru: 'Филиал по г. Байконыру' },
      { version: 2, name_ru: 'Филиал по г. Байконур' },
    ]);
  });

  it('keeps every version for good: the history refuses UPDATE and DELETE', async () => {
    await expect(t.db.query("UPDATE centre_versions SET address = 'x' WHERE centre_id = 'AST-ESIL'")).rejects.toThrow(/append-only/);
    await expect(t.db.query("DELETE FROM branch_versions WHERE branch_id = 'BAI'")).rejects.toThrow(/append-only/);
  });
});
