import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsPage, AccountWithPassword, AuditPage, StaffAccount } from '../../src/protocol/staff';
import { createTestApp, type TestApp } from '../test-support';
import { asStaff, signIn, signInRequest, type SignedIn } from './test-staff';

describe('staff accounts, for admins', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    admin = await signIn(t.app, 'admin');
  });
  afterAll(() => t.close());

  const create = (payload: Record<string, unknown>) => asStaff(t.app, admin, { method: 'POST', url: '/api/v1/staff/accounts', payload });

  it('makes an operator of a centre (its branch taken from the centre), who signs in with the password given', async () => {
    const response = await create({ username: 'aigerim.s', role: 'operator', centreId: 'ALA-ALMALY', password: 'a long passphrase 1' });
    expect(response.statusCode).toBe(201);
    const { account, password } = response.json() as AccountWithPassword;
    expect(account).toMatchObject({ username: 'aigerim.s', role: 'operator', branchId: 'ALA', centreId: 'ALA-ALMALY', totp: false, disabledAt: null });
    expect(password).toBeUndefined();
    expect(JSON.stringify(response.json())).not.toContain('argon2');
    const signedIn = await signIn(t.app, 'Aigerim.S', 'a long passphrase 1');
    expect(signedIn.session.staff).toMatchObject({ role: 'operator', centreId: 'ALA-ALMALY' });
  });

  it('generates a password when none is given and shows it once', async () => {
    const response = await create({ username: 'supervisor.shy', role: 'supervisor', branchId: 'SHY' });
    expect(response.statusCode).toBe(201);
    const { password } = response.json() as AccountWithPassword;
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect((await signIn(t.app, 'supervisor.shy', password)).session.staff.branchId).toBe('SHY');
  });

  it.each([
    [{ username: 'op1', role: 'operator' }, 400, 'centre_required'],
    [{ username: 'op2', role: 'operator', centreId: 'NOWHERE' }, 400, 'unknown_centre'],
    [{ username: 'op3', role: 'operator', centreId: 'AST-ESIL', branchId: 'ALA' }, 400, 'centre_not_in_branch'],
    [{ username: 'sup1', role: 'supervisor' }, 400, 'branch_required'],
    [{ username: 'police1', role: 'police' }, 400, 'branch_required'],
    [{ username: 'sup2', role: 'supervisor', branchId: 'XYZ' }, 400, 'unknown_branch'],
    [{ username: 'OPERATOR', role: 'analyst' }, 409, 'username_taken'],
    [{ username: 'short-pass', role: 'analyst', password: 'eleven char' }, 400, 'invalid_request'],
    [{ username: 'x', role: 'analyst' }, 400, 'invalid_request'],
    [{ username: 'root', role: 'superuser' }, 400, 'invalid_request'],
  ])('refuses %j: %i %s, and makes nothing', async (payload, status, code) => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff')).rows[0]!.n;
    const response = await create(payload);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code });
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff')).rows[0]!.n).toBe(before);
  });

  it('disables an account: its sessions end at once and it cannot sign in again', async () => {
    await create({ username: 'leaver', role: 'analyst', password: 'leaver password 1' });
    const leaver = await signIn(t.app, 'leaver', 'leaver password 1');
    const disabled = await asStaff(t.app, admin, { method: 'POST', url: `/api/v1/staff/accounts/${leaver.session.staff.id}/disable` });
    expect(disabled.statusCode).toBe(200);
    expect((disabled.json() as StaffAccount).disabledAt).toBe(t.now().toISOString());
    expect((await asStaff(t.app, leaver, { method: 'GET', url: '/api/v1/staff/session' })).json()).toEqual({ code: 'no_session' });
    const again = await t.app.inject(signInRequest({ username: 'leaver', password: 'leaver password 1' }));
    expect(again.statusCode).toBe(401);
    expect(again.json()).toEqual({ code: 'invalid_credentials' });
  });

  it('does not let an admin disable themselves, and answers 404 for an unknown account', async () => {
    const self = await asStaff(t.app, admin, { method: 'POST', url: `/api/v1/staff/accounts/${admin.session.staff.id}/disable` });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toEqual({ code: 'cannot_disable_self' });
    const unknown = await asStaff(t.app, admin, { method: 'POST', url: '/api/v1/staff/accounts/00000000-0000-4000-8000-000000000000/disable' });
    expect(unknown.statusCode).toBe(404);
  });

  it('resets a password: the old one stops working and the account is signed out everywhere', async () => {
    await create({ username: 'forgetful', role: 'analyst', password: 'first password 1' });
    const before = await signIn(t.app, 'forgetful', 'first password 1');
    const reset = await asStaff(t.app, admin, { method: 'POST', url: `/api/v1/staff/accounts/${before.session.staff.id}/password`, payload: {} });
    expect(reset.statusCode).toBe(200);
    const { password } = reset.json() as AccountWithPassword;
    expect((await asStaff(t.app, before, { method: 'GET', url: '/api/v1/staff/session' })).json()).toEqual({ code: 'no_session' });
    expect((await t.app.inject(signInRequest({ username: 'forgetful', password: 'first password 1' }))).statusCode).toBe(401);
    expect((await signIn(t.app, 'forgetful', password)).session.staff.username).toBe('forgetful');
  });

  it('lists accounts page by page in username order, without secrets', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response = await asStaff(t.app, admin, { method: 'GET', url: `/api/v1/staff/accounts?limit=3${after ? `&after=${after}` : ''}` });
      const page = response.json() as AccountsPage;
      expect(page.accounts.length).toBeLessThanOrEqual(3);
      for (const account of page.accounts) expect(Object.keys(account).sort()).toEqual(['branchId', 'centreId', 'createdAt', 'disabledAt', 'id', 'lastSignInAt', 'role', 'totp', 'username']);
      seen.push(...page.accounts.map((a) => a.username));
      after = page.next;
    } while (after);
    const { rows } = await t.db.query<{ username: string }>('SELECT username FROM staff ORDER BY lower(username)');
    expect(seen).toEqual(rows.map((r) => r.username));
    expect(seen).toEqual(expect.arrayContaining(['admin', 'analyst', 'operator', 'supervisor']));
  });

  it('audits every change with the admin who made it, and shows the log to admins newest first, page by page', async () => {
    const entries: AuditPage['entries'] = [];
    let before: string | null = null;
    do {
      const response = await asStaff(t.app, admin, { method: 'GET', url: `/api/v1/staff/audit?limit=4${before ? `&before=${before}` : ''}` });
      expect(response.statusCode).toBe(200);
      const page = response.json() as AuditPage;
      entries.push(...page.entries);
      before = page.next;
    } while (before);
    const ids = entries.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const byAdmin = entries.filter((e) => e.username === 'admin').map((e) => e.action);
    expect(byAdmin).toEqual(expect.arrayContaining(['sign_in', 'account_created', 'account_disabled', 'password_reset']));
    const disabled = entries.find((e) => e.action === 'account_disabled');
    expect(disabled?.details).toMatchObject({ username: 'leaver' });
    const count = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    expect(entries).toHaveLength(count);
  });
});
