import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsPage, AuditPage } from '../../src/protocol/staff';
import { createTestApp, enrolTerminal, offlineApplication, postSealed, type TestApp } from '../test-support';
import { asStaff, signIn, type SignedIn } from './test-staff';

// The admin's audit page: newest first, a page at a time, narrowed by who, what, which application and days.
describe('staff: the audit log, for admins', () => {
  let t: TestApp;
  let admin: SignedIn;
  let number: string;
  beforeAll(async () => {
    // TEST_START is 05:00 UTC, 10:00 in Kazakhstan: the sign-ins below are on 2026-03-02 there.
    t = await createTestApp({ jobs: { workers: false } });
    const terminal = await enrolTerminal(t.app, 'T-AUDIT', 'AST-ESIL');
    const payload = offlineApplication(t, t.citizen('service-18'), { terminalId: terminal.terminalId, centreId: 'AST-ESIL' });
    expect((await postSealed(t, terminal, payload, 1)).statusCode).toBe(201);
    number = payload.application.number;
    await signIn(t.app, 'admin');
    await signIn(t.app, 'operator');
    // The next day in Kazakhstan (UTC+5): 19:30 UTC is 00:30 there.
    t.advance(14.5 * 3600);
    const operator = await signIn(t.app, 'operator');
    expect((await asStaff(t.app, operator, { method: 'GET', url: `/api/v1/staff/applications/${number}` })).statusCode).toBe(200);
    admin = await signIn(t.app, 'admin');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const audit = async (query: string) => {
    const response = await asStaff(t.app, admin, { method: 'GET', url: `/api/v1/staff/audit${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AuditPage;
  };

  it('pages newest first by keyset, each entry once', async () => {
    const all = await audit('?limit=200');
    const seen: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const page: AuditPage = await audit(`?limit=2${next ? `&before=${next}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((e) => e.id));
      next = page.next;
    }
    expect(seen).toEqual(all.entries.map((e) => e.id));
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
  });

  it("narrows by the staff member's username, in any case, and by action", async () => {
    const operator = await audit('?username=OPERATOR');
    expect(new Set(operator.entries.map((e) => e.username))).toEqual(new Set(['operator']));
    expect(operator.entries.map((e) => e.action)).toEqual(['application_viewed', 'sign_in', 'sign_in']);
    const signIns = await audit('?action=sign_in');
    expect(signIns.entries.map((e) => e.username)).toEqual(['admin', 'operator', 'operator', 'admin']);
    expect((await audit('?username=nobody')).entries).toEqual([]);
  });

  it("narrows by the application's number, and names it on its entries", async () => {
    const viewed = await audit(`?number=${number}`);
    expect(viewed.entries).toHaveLength(1);
    expect(viewed.entries[0]).toMatchObject({ username: 'operator', action: 'application_viewed', applicationNumber: number });
    expect((await audit('?number=AAAA-BBBB-CCCC')).entries).toEqual([]);
  });

  it('narrows by Kazakhstan calendar days, both inclusive', async () => {
    expect((await audit('?action=sign_in&from=2026-03-03')).entries.map((e) => e.at)).toEqual([t.now().toISOString(), t.now().toISOString()]);
    expect((await audit('?action=sign_in&to=2026-03-02')).entries.map((e) => e.at)).toEqual(['2026-03-02T05:00:00.000Z', '2026-03-02T05:00:00.000Z']);
    expect((await audit('?action=sign_in&from=2026-03-02&to=2026-03-03')).entries).toHaveLength(4);
    expect((await audit('?action=sign_in&from=2026-03-04')).entries).toEqual([]);
  });

  it('pages within days by keyset too, newest first, each entry once', async () => {
    const all = await audit('?from=2026-03-02&to=2026-03-03&limit=200');
    expect(all.entries.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const page: AuditPage = await audit(`?from=2026-03-02&to=2026-03-03&limit=2${next ? `&before=${next}` : ''}`);
      seen.push(...page.entries.map((e) => e.id));
      next = page.next;
    }
    expect(seen).toEqual(all.entries.map((e) => e.id));
    const times = all.entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it.each([
    ['?from=2026-03-03&to=2026-03-02', 'invalid_date_range'],
    ['?from=2026-02-30', 'invalid_request'],
    ['?number=abc', 'invalid_request'],
    ['?action=DROP%20TABLE', 'invalid_request'],
  ])('refuses %s with %s', async (query, code) => {
    const response = await asStaff(t.app, admin, { method: 'GET', url: `/api/v1/staff/audit${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code });
  });

  it("shows each account's last sign-in in the accounts list, null for one that never signed in", async () => {
    const page = (await asStaff(t.app, admin, { method: 'GET', url: '/api/v1/staff/accounts' })).json() as AccountsPage;
    const last = Object.fromEntries(page.accounts.map((a) => [a.username, a.lastSignInAt]));
    expect(last).toEqual({ admin: t.now().toISOString(), analyst: null, operator: t.now().toISOString(), supervisor: null, police: null });
  });
});
