import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetList } from '../../src/protocol/heartbeat';
import type { TerminalCreated } from '../../src/protocol/packets';
import type { ManagedTerminal, TerminalCentres } from '../../src/protocol/staff-terminals';
import { exportPublicJwk, makeTerminalKeys } from '../../src/sync/seal';
import { createTestApp, enrolTerminal, type TestApp } from '../test-support';
import { asStaff, signIn, type SignedIn } from './test-staff';

describe('staff: a supervisor runs the terminals of their branch', () => {
  let t: TestApp;
  let supervisor: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    supervisor = await signIn(t.app, 'supervisor');
    admin = await signIn(t.app, 'admin');
    // Another branch's terminals: one enrolled, one waiting for its kiosk.
    await enrolTerminal(t.app, 'TM-ALMATY', 'ALA-ALMALY');
    expect((await as(admin, 'POST', '/api/v1/staff/terminals', { terminalId: 'TM-ALMATY-NEW', centreId: 'ALA-ALMALY' })).statusCode).toBe(201);
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const as = (who: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers?: Record<string, string>) =>
    asStaff(t.app, who, { method, url, payload, ...(headers ? { headers } : {}) });
  const enrolWithCode = async (code: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/terminals/enrol', payload: { code, publicKey: await exportPublicJwk((await makeTerminalKeys()).publicKey) } });
  const fleetRow = async (terminalId: string) =>
    ((await as(admin, 'GET', '/api/v1/staff/terminals')).json() as FleetList).terminals.find((f) => f.terminalId === terminalId);
  const auditOf = async (terminalId: string) => {
    const { rows } = await t.db.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_log WHERE details->>'terminalId' = $1 ORDER BY id",
      [terminalId],
    );
    return rows;
  };
  const terminalCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM terminals')).rows[0]!.n;

  it('offers a supervisor the centres of their branch and an admin every centre', async () => {
    const mine = (await as(supervisor, 'GET', '/api/v1/staff/terminals/centres')).json() as TerminalCentres;
    expect(mine.centres.map((c) => c.id)).toEqual(['AST-ESIL', 'AST-SARYARKA']);
    expect(mine.centres[0]).toMatchObject({ branchId: 'AST', nameRu: 'ЦОН Есильского района г. Астаны' });
    const all = (await as(admin, 'GET', '/api/v1/staff/terminals/centres')).json() as TerminalCentres;
    expect(all.centres.map((c) => c.id)).toEqual(expect.arrayContaining(['AST-ESIL', 'ALA-ALMALY', 'ZKO-ORAL']));
  });

  it('enrols a terminal in a centre of the branch: a one-time code for 24 hours that enrols the kiosk once, the name trimmed, audited', async () => {
    const response = await as(supervisor, 'POST', '/api/v1/staff/terminals', { terminalId: 'TM-ESIL-1', centreId: 'AST-ESIL', name: '  ЦОН Есиль, зал 1, у входа ' });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as TerminalCreated;
    expect(created).toMatchObject({ terminalId: 'TM-ESIL-1', centreId: 'AST-ESIL' });
    expect(created.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(new Date(created.expiresAt).getTime() - t.now().getTime()).toBe(24 * 3_600_000);
    expect(await fleetRow('TM-ESIL-1')).toMatchObject({ name: 'ЦОН Есиль, зал 1, у входа', centreId: 'AST-ESIL', enrolledAt: null });

    expect((await enrolWithCode(created.code)).statusCode).toBe(201);
    expect((await enrolWithCode(created.code)).json()).toMatchObject({ code: 'code_used' });
    expect((await fleetRow('TM-ESIL-1'))?.enrolledAt).not.toBeNull();
    expect(await auditOf('TM-ESIL-1')).toEqual([{ action: 'terminal_enrolled', details: { terminalId: 'TM-ESIL-1', centreId: 'AST-ESIL', reissued: false } }]);
  });

  it('gives a terminal still waiting for its kiosk a new code, and the first one stops working', async () => {
    const first = (await as(supervisor, 'POST', '/api/v1/staff/terminals', { terminalId: 'TM-ESIL-2', centreId: 'AST-ESIL', name: 'Зал 2' })).json() as TerminalCreated;
    const second = await as(supervisor, 'POST', '/api/v1/staff/terminals', { terminalId: 'TM-ESIL-2', centreId: 'AST-SARYARKA' });
    expect(second.statusCode, second.body).toBe(201);
    expect((await enrolWithCode(first.code)).json()).toMatchObject({ code: 'invalid_code' });
    // Moved where the new code says, and the name given before is kept.
    expect(await fleetRow('TM-ESIL-2')).toMatchObject({ centreId: 'AST-SARYARKA', name: 'Зал 2' });
    expect((await auditOf('TM-ESIL-2')).map((e) => e.details.reissued)).toEqual([false, true]);
  });

  it("refuses a centre of another branch or none, and an id that is enrolled, revoked or another branch's, storing nothing", async () => {
    const before = await terminalCount();
    for (const centreId of ['ALA-ALMALY', 'NOWHERE-1']) {
      const response = await as(supervisor, 'POST', '/api/v1/staff/terminals', { terminalId: 'TM-ELSEWHERE', centreId });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'centre_not_found' });
    }
    for (const terminalId of ['TM-ALMATY', 'TM-ALMATY-NEW']) {
      const response = await as(supervisor, 'POST', '/api/v1/staff/terminals', { terminalId, centreId: 'AST-ESIL' });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'terminal_exists' });
    }
    // The admin too cannot give an enrolled terminal a code: its key stays.
    expect((await as(admin, 'POST', '/api/v1/staff/terminals', { terminalId: 'TM-ALMATY', centreId: 'ALA-ALMALY' })).json()).toMatchObject({ code: 'terminal_exists' });
    expect(await terminalCount()).toBe(before);
    expect(await fleetRow('TM-ALMATY-NEW')).toMatchObject({ centreId: 'ALA-ALMALY' });
  });

  it('refuses bodies that are not exactly the request: an id the kiosk could not hold, a field too many, an empty name', async () => {
    const cases: [unknown, string][] = [
      [{ terminalId: 'tm-lower', centreId: 'AST-ESIL' }, 'invalid_request'],
      [{ terminalId: 'TM-X', centreId: 'AST-ESIL', note: 'x' }, 'invalid_request'],
      [{ terminalId: 'TM-X' }, 'invalid_request'],
      [{ terminalId: 'TM-X', centreId: 'AST-ESIL', name: '   ' }, 'invalid_name'],
      [{ terminalId: 'TM-X', centreId: 'AST-ESIL', name: 'я'.repeat(81) }, 'invalid_name'],
      [{ terminalId: 'TM-X', centreId: 'AST-ESIL', name: 'Зал 1\nу входа' }, 'invalid_name'],
    ];
    for (const [payload, code] of cases) {
      const response = await as(supervisor, 'POST', '/api/v1/staff/terminals', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code });
    }
    expect(await fleetRow('TM-X')).toBeUndefined();
  });

  it('renames a terminal of the branch (trimmed, null takes the name away), each change audited once', async () => {
    await as(supervisor, 'POST', '/api/v1/staff/terminals', { terminalId: 'TM-NAMED', centreId: 'AST-ESIL' });
    const renamed = await as(supervisor, 'PUT', '/api/v1/staff/terminals/TM-NAMED/name', { name: ' Зал 1, у окна ' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ terminalId: 'TM-NAMED', name: 'Зал 1, у окна', revokedAt: null } satisfies Partial<ManagedTerminal>);
    // The same name again changes nothing and is not audited again.
    await as(supervisor, 'PUT', '/api/v1/staff/terminals/TM-NAMED/name', { name: 'Зал 1, у окна' });
    expect(((await as(supervisor, 'PUT', '/api/v1/staff/terminals/TM-NAMED/name', { name: null })).json() as ManagedTerminal).name).toBeNull();
    expect((await auditOf('TM-NAMED')).slice(1)).toEqual([
      { action: 'terminal_renamed', details: { terminalId: 'TM-NAMED', from: null, to: 'Зал 1, у окна' } },
      { action: 'terminal_renamed', details: { terminalId: 'TM-NAMED', from: 'Зал 1, у окна', to: null } },
    ]);

    for (const [name, code] of [['', 'invalid_request'], [' \t ', 'invalid_name'], ['a'.repeat(81), 'invalid_name'], ['Зал\u0007', 'invalid_name'], ['Зал 1\u2028у входа', 'invalid_name']] as const) {
      const response = await as(supervisor, 'PUT', '/api/v1/staff/terminals/TM-NAMED/name', { name });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code });
    }
    expect((await as(supervisor, 'PUT', '/api/v1/staff/terminals/TM-NAMED/name', {})).statusCode).toBe(400);
  });

  it("answers another branch's terminal as one that does not exist, whatever the change", async () => {
    for (const [method, url, payload] of [
      ['PUT', '/api/v1/staff/terminals/TM-ALMATY/name', { name: 'мой' }],
      ['PUT', '/api/v1/staff/terminals/TM-ALMATY/centre', { centreId: 'AST-ESIL' }],
      ['POST', '/api/v1/staff/terminals/TM-ALMATY/revoke', undefined],
      ['POST', '/api/v1/staff/terminals/TM-NEVER/revoke', undefined],
    ] as const) {
      const response = await as(supervisor, method, url, payload);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toEqual({ code: 'not_found' });
    }
    expect(await fleetRow('TM-ALMATY')).toMatchObject({ name: null, centreId: 'ALA-ALMALY', revokedAt: null });
    expect(await auditOf('TM-ALMATY')).toEqual([]);
  });

  it('moves a terminal to another centre of the branch, never out of it; its next applications count there', async () => {
    const kiosk = await enrolTerminal(t.app, 'TM-MOVING', 'AST-ESIL');
    const moved = await as(supervisor, 'PUT', '/api/v1/staff/terminals/TM-MOVING/centre', { centreId: 'AST-SARYARKA' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ terminalId: kiosk.terminalId, centreId: 'AST-SARYARKA' });
    const away = await as(supervisor, 'PUT', '/api/v1/staff/terminals/TM-MOVING/centre', { centreId: 'ALA-ALMALY' });
    expect(away.statusCode).toBe(404);
    expect(away.json()).toMatchObject({ code: 'centre_not_found' });
    expect(await fleetRow('TM-MOVING')).toMatchObject({ centreId: 'AST-SARYARKA' });
    expect((await t.app.terminals.find('TM-MOVING'))?.centreId).toBe('AST-SARYARKA');
    expect((await auditOf('TM-MOVING')).map((e) => e.details)).toEqual([{ terminalId: 'TM-MOVING', from: 'AST-ESIL', to: 'AST-SARYARKA' }]);
  });

  it('revokes a terminal once (audited once), after which it changes no more and its unused code enrols nothing', async () => {
    const created = (await as(supervisor, 'POST', '/api/v1/staff/terminals', { terminalId: 'TM-GONE', centreId: 'AST-ESIL' })).json() as TerminalCreated;
    // A change sent without the session's CSRF token is refused before anything is done.
    const forged = await as(supervisor, 'POST', '/api/v1/staff/terminals/TM-GONE/revoke', undefined, { 'x-csrf-token': 'forged' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toEqual({ code: 'csrf' });

    const revoked = await as(supervisor, 'POST', '/api/v1/staff/terminals/TM-GONE/revoke');
    expect(revoked.statusCode, revoked.body).toBe(200);
    const { revokedAt } = revoked.json() as ManagedTerminal;
    expect(revokedAt).toBe(t.now().toISOString());
    t.advance(60);
    expect(((await as(supervisor, 'POST', '/api/v1/staff/terminals/TM-GONE/revoke')).json() as ManagedTerminal).revokedAt).toBe(revokedAt);
    expect((await fleetRow('TM-GONE'))?.revokedAt).toBe(revokedAt);

    expect((await enrolWithCode(created.code)).statusCode).toBe(400);
    for (const [url, payload] of [['/api/v1/staff/terminals/TM-GONE/name', { name: 'x' }], ['/api/v1/staff/terminals/TM-GONE/centre', { centreId: 'AST-SARYARKA' }]] as const) {
      const response = await as(supervisor, 'PUT', url, payload);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'terminal_revoked' });
    }
    expect((await as(supervisor, 'POST', '/api/v1/staff/terminals', { terminalId: 'TM-GONE', centreId: 'AST-ESIL' })).json()).toMatchObject({ code: 'terminal_exists' });
    expect((await auditOf('TM-GONE')).map((e) => e.action)).toEqual(['terminal_enrolled', 'terminal_revoked']);
  });
});
