import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, ProblemsPage } from '../../src/protocol/problems';
import type { AccountWithPassword } from '../../src/protocol/staff';
import { asStaff, signIn, type SignedIn } from '../staff/test-staff';
import { createTestApp, type TestApp } from '../test-support';

// The sandbox's accounts are all of the Astana branch at AST-ESIL (server/staff/seed-staff.ts).
describe('the problems register', () => {
  let t: TestApp;
  const as: Record<'operator' | 'supervisor' | 'police' | 'analyst' | 'admin', SignedIn> = {} as never;
  let almatyPolice: SignedIn;

  const record = (who: SignedIn, body: Record<string, unknown>) =>
    asStaff(t.app, who, {
      method: 'POST',
      url: '/api/v1/staff/problems',
      payload: { centreId: 'AST-ESIL', category: 'device', description: 'The printer jammed twice', happenedAt: '2026-03-02T04:00:00.000Z', ...body },
    });
  const list = async (who: SignedIn, query = '') => {
    const response = await asStaff(t.app, who, { method: 'GET', url: `/api/v1/staff/problems${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ProblemsPage;
  };
  const audit = async (action: string) =>
    (await t.db.query<{ staff_id: string; details: Record<string, unknown> | string }>('SELECT staff_id, details FROM audit_log WHERE action = $1 ORDER BY id', [action])).rows.map((r) => ({
      staffId: r.staff_id,
      details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
    }));

  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    for (const role of ['operator', 'supervisor', 'police', 'analyst', 'admin'] as const) as[role] = await signIn(t.app, role);
    const made = await asStaff(t.app, as.admin, { method: 'POST', url: '/api/v1/staff/accounts', payload: { username: 'police.almaty', role: 'police', branchId: 'ALA', password: 'almaty police pass' } });
    expect(made.statusCode, made.body).toBe(201);
    expect((made.json() as AccountWithPassword).account).toMatchObject({ role: 'police', branchId: 'ALA', centreId: null });
    almatyPolice = await signIn(t.app, 'police.almaty', 'almaty police pass');
    await t.db.query(`INSERT INTO terminals (terminal_id, centre_id, created_at) VALUES ('P-ESIL-1', 'AST-ESIL', now()), ('P-ALMALY-1', 'ALA-ALMALY', now())`);
  }, 60_000);
  afterAll(() => t.close());

  it('a supervisor records a problem of a terminal: the branch is its source, it is open, kept as version 1 and audited', async () => {
    const response = await record(as.supervisor, { terminalId: 'P-ESIL-1', category: 'payment', actionTaken: '  Called the bank  ' });
    expect(response.statusCode, response.body).toBe(201);
    const problem = response.json() as Problem;
    expect(problem).toMatchObject({ centreId: 'AST-ESIL', terminalId: 'P-ESIL-1', category: 'payment', source: 'branch', status: 'open', resolvedAt: null, actionTaken: 'Called the bank', recordedByName: 'supervisor', version: 1 });
    expect((await list(as.supervisor)).problems.map((p) => p.id)).toContain(problem.id);
    expect(await audit('problem_recorded')).toContainEqual({ staffId: as.supervisor.session.staff.id, details: expect.objectContaining({ problem: problem.id, centre: 'AST-ESIL', source: 'branch' }) });
    const versions = await t.db.query('SELECT version, status FROM problem_versions WHERE problem_id = $1', [problem.id]);
    expect(versions.rows).toEqual([{ version: 1, status: 'open' }]);
  });

  it('a police officer records one as the police, and reads no application', async () => {
    const response = await record(as.police, { category: 'queue', description: 'A crowd at the kiosk at opening' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ source: 'police', recordedByName: 'police' });
    const applications = await asStaff(t.app, as.police, { method: 'GET', url: '/api/v1/staff/applications' });
    expect(applications.statusCode).toBe(403);
  });

  it.each([
    [{ description: ' \n ' }, 'description_required'],
    [{ description: 'я'.repeat(2001) }, 'description_too_long'],
    [{ actionTaken: 'x'.repeat(2001) }, 'action_too_long'],
    [{ category: 'weather' }, 'unknown_category'],
    [{ happenedAt: '2026-03-02T05:02:00.000Z' }, 'happened_in_future'],
    [{ centreId: 'AST-NOWHERE' }, 'unknown_centre'],
    [{ terminalId: 'P-NONE' }, 'unknown_terminal'],
    [{ terminalId: 'P-ALMALY-1' }, 'terminal_not_in_centre'],
  ])('refuses %j with 400 %s, recording nothing', async (change, code) => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM problems');
    const response = await record(as.supervisor, change);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code });
    expect((await t.db.query('SELECT count(*)::int AS n FROM problems')).rows).toEqual(before.rows);
  });

  it('takes a clock a minute ahead of ours, not more', async () => {
    expect((await record(as.operator, { happenedAt: '2026-03-02T05:00:59.000Z' })).statusCode).toBe(201);
  });

  it('refuses a centre outside the recorder\'s scope with 403 centre_out_of_scope', async () => {
    expect((await record(as.operator, { centreId: 'AST-SARYARKA' })).json()).toEqual({ code: 'centre_out_of_scope', detail: 'centreId' });
    expect((await record(as.supervisor, { centreId: 'ALA-ALMALY' })).statusCode).toBe(403);
    expect((await record(as.supervisor, { centreId: 'AST-SARYARKA' })).statusCode).toBe(201);
    expect((await record(almatyPolice, { centreId: 'ALA-ALMALY', terminalId: 'P-ALMALY-1' })).statusCode).toBe(201);
  });

  it('lists within the scope: the branch for its supervisor and police, the centre for an operator, all for analyst and admin', async () => {
    const centres = async (who: SignedIn) => new Set((await list(who)).problems.map((p) => p.centreId));
    expect(await centres(as.supervisor)).toEqual(new Set(['AST-ESIL', 'AST-SARYARKA']));
    expect(await centres(as.police)).toEqual(new Set(['AST-ESIL', 'AST-SARYARKA']));
    expect(await centres(as.operator)).toEqual(new Set(['AST-ESIL']));
    expect(await centres(almatyPolice)).toEqual(new Set(['ALA-ALMALY']));
    expect(await centres(as.analyst)).toEqual(new Set(['AST-ESIL', 'AST-SARYARKA', 'ALA-ALMALY']));
    expect(await centres(as.admin)).toEqual(await centres(as.analyst));
    // A centre filter outside the scope finds nothing rather than another branch's problems.
    expect((await list(almatyPolice, '?centreId=AST-ESIL')).problems).toEqual([]);
  });

  it('pages newest happened first, by days (Kazakhstan\'s) and status', async () => {
    await record(as.supervisor, { description: 'Sunday evening, Kazakhstan', happenedAt: '2026-03-01T18:30:00.000Z' }); // 2026-03-01 23:30 UTC+5
    await record(as.supervisor, { description: 'Monday night, Kazakhstan', happenedAt: '2026-03-01T19:30:00.000Z' }); // 2026-03-02 00:30 UTC+5
    const sunday = await list(as.supervisor, '?from=2026-03-01&to=2026-03-01');
    expect(sunday.problems.map((p) => p.description)).toEqual(['Sunday evening, Kazakhstan']);

    const all = await list(as.admin);
    const seen: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const page: ProblemsPage = await list(as.admin, `?limit=2${next ? `&before=${encodeURIComponent(next)}` : ''}`);
      seen.push(...page.problems.map((p) => p.id));
      next = page.next;
    }
    expect(seen).toEqual(all.problems.map((p) => p.id));
    const times = all.problems.map((p) => p.happenedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await list(as.admin, '?status=resolved')).problems).toEqual([]);
  });

  it.each([
    ['?from=2026-03-02&to=2026-03-01', 'invalid_date_range'],
    ['?before=2026-02-30T00:00:00.000000Z~00000000-0000-4000-8000-000000000000', 'invalid_cursor'],
    ['?before=yesterday', 'invalid_cursor'],
    ['?status=lost', 'invalid_request'],
  ])('refuses the query %s with 400 %s', async (query, code) => {
    const response = await asStaff(t.app, as.admin, { method: 'GET', url: `/api/v1/staff/problems${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code });
  });

  it('resolves against the version read, keeps each version, refuses a stale edit with 409 and audits the change', async () => {
    const problem = (await record(as.operator, { description: 'Camera shows black' })).json() as Problem;
    t.advance(600);
    const resolved = await asStaff(t.app, as.supervisor, { method: 'PUT', url: `/api/v1/staff/problems/${problem.id}`, payload: { status: 'resolved', actionTaken: 'Cable reseated', version: 1 } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedAt: t.now().toISOString(), actionTaken: 'Cable reseated', description: 'Camera shows black', version: 2 });

    const stale = await asStaff(t.app, as.operator, { method: 'PUT', url: `/api/v1/staff/problems/${problem.id}`, payload: { actionTaken: 'Restarted', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ code: 'version_conflict' });

    const reopened = await asStaff(t.app, as.operator, { method: 'PUT', url: `/api/v1/staff/problems/${problem.id}`, payload: { status: 'open', version: 2 } });
    expect(reopened.json()).toMatchObject({ status: 'open', resolvedAt: null, actionTaken: 'Cable reseated', version: 3 });
    const versions = await t.db.query('SELECT version, status, action_taken FROM problem_versions WHERE problem_id = $1 ORDER BY version', [problem.id]);
    expect(versions.rows).toEqual([
      { version: 1, status: 'open', action_taken: '' },
      { version: 2, status: 'resolved', action_taken: 'Cable reseated' },
      { version: 3, status: 'open', action_taken: 'Cable reseated' },
    ]);
    const updates = (await audit('problem_updated')).filter((e) => e.details.problem === problem.id);
    expect(updates.map((e) => [e.details.was, e.details.status])).toEqual([['open', 'resolved'], ['resolved', 'open']]);
    await expect(t.db.query('DELETE FROM problem_versions WHERE problem_id = $1', [problem.id])).rejects.toThrow(/append-only/);
  });

  it('answers another branch\'s problem as one there is not, and refuses a bad status', async () => {
    const problem = (await record(as.supervisor, {})).json() as Problem;
    const foreign = await asStaff(t.app, almatyPolice, { method: 'PUT', url: `/api/v1/staff/problems/${problem.id}`, payload: { status: 'resolved', version: 1 } });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual({ code: 'not_found' });
    const bad = await asStaff(t.app, as.supervisor, { method: 'PUT', url: `/api/v1/staff/problems/${problem.id}`, payload: { status: 'closed', version: 1 } });
    expect(bad.json()).toMatchObject({ code: 'unknown_status' });
  });

  it('offers the recorder the centres of their scope with their terminals', async () => {
    const response = await asStaff(t.app, almatyPolice, { method: 'GET', url: '/api/v1/staff/problems/places' });
    expect(response.json()).toEqual({ centres: [{ id: 'ALA-ALMALY', nameRu: expect.any(String), nameKk: expect.any(String), terminals: [{ id: 'P-ALMALY-1', name: null }] }] });
    const operator = await asStaff(t.app, as.operator, { method: 'GET', url: '/api/v1/staff/problems/places' });
    expect((operator.json() as { centres: Array<{ id: string; terminals: Array<{ id: string }> }> }).centres.map((c) => c.id)).toEqual(['AST-ESIL']);
  });
});
