import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../src/protocol/heartbeat';
import { fleet } from '../terminals/fleet';
import { heartbeatBody } from '../terminals/heartbeat-fixture';
import { createTestApp, enrolTerminal, signedInject, TEST_ADMIN_TOKEN, type TestApp, type TestTerminal } from '../test-support';

// POST /api/v1/terminals/heartbeat: only an enrolled, unrevoked terminal, by a request it signed; the latest kept per terminal.

describe('POST /api/v1/terminals/heartbeat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const URL = '/api/v1/terminals/heartbeat';
  const beat = (terminal: TestTerminal, body: unknown = heartbeatBody()) => signedInject(t.app, terminal, { method: 'POST', url: URL, payload: body }, t.now());
  const stored = async (terminalId: string) => (await fleet(t.db, 'all', t.now())).find((f) => f.terminalId === terminalId);
  const rows = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM terminal_heartbeats')).rows[0]?.n);

  it('keeps what the terminal sent, under the terminal that signed it, dated by the back office', async () => {
    const terminal = await enrolTerminal(t.app, 'HB-1', 'AST-ESIL');
    const body = heartbeatBody({ outbox: { pending: 4, oldestPendingAgeS: 900, quarantined: 1 }, lastSyncAt: '2026-03-02T04:30:00.000Z' });
    const response = await beat(terminal, body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ receivedAt: t.now().toISOString() });
    expect(await stored('HB-1')).toMatchObject({
      centreId: 'AST-ESIL',
      appVersion: '0.4.0',
      lastContactAt: t.now(),
      silent: false,
      outbox: { pending: 4, oldestPendingAgeS: 900, quarantined: 1 },
      devices: body.devices,
      storage: body.storage,
      readiness: { fault: null, detail: null, outOfOrderSince: null, outOfOrderForS: null },
      lastSyncAt: new Date('2026-03-02T04:30:00.000Z'),
    });
  });

  it('shows in the admin’s terminal list: the health, in its wire form', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/admin/terminals', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const { terminals } = response.json() as { terminals: { terminalId: string; health: unknown }[] };
    expect(terminals.find((x) => x.terminalId === 'HB-1')?.health).toMatchObject({
      lastContactAt: t.now().toISOString(),
      silent: false,
      outbox: { pending: 4, oldestPendingAgeS: 900, quarantined: 1 },
      lastSyncAt: '2026-03-02T04:30:00.000Z',
    });
  });

  it('keeps one row per terminal: the latest heartbeat replaces the one before', async () => {
    const terminal = await enrolTerminal(t.app, 'HB-2');
    const before = await rows();
    for (const pending of [1, 2, 3]) {
      t.advance(60);
      expect((await beat(terminal, heartbeatBody({ outbox: { pending, oldestPendingAgeS: 60, quarantined: 0 } }))).statusCode).toBe(200);
    }
    expect(await rows()).toBe(before + 1);
    expect((await stored('HB-2'))?.outbox?.pending).toBe(3);
  });

  it('keeps when the terminal first went out of order across heartbeats and reasons, and clears it once in order', async () => {
    const terminal = await enrolTerminal(t.app, 'HB-3');
    const firstSeen = t.now();
    const outOfOrder = (fault: string, detail: string | null, since: string): Partial<Heartbeat> => ({
      readiness: { fault, detail, since },
      devices: { ...heartbeatBody().devices, printer: { driver: 'webusb', state: 'paper_out' } },
    });
    // The kiosk saw it two minutes before it could say so.
    const sawIt = new Date(firstSeen.getTime() - 120_000);
    await beat(terminal, heartbeatBody(outOfOrder('device_fault', 'paper_out', sawIt.toISOString())));
    t.advance(60);
    // Reloaded since: the kiosk's own "since" starts again, the back office keeps the earlier one.
    await beat(terminal, heartbeatBody(outOfOrder('storage_full', null, t.now().toISOString())));
    t.advance(60);
    expect((await stored('HB-3'))?.readiness).toEqual({ fault: 'storage_full', detail: null, outOfOrderSince: sawIt, outOfOrderForS: 240 });

    await beat(terminal, heartbeatBody());
    const back = await stored('HB-3');
    expect(back?.readiness).toEqual({ fault: null, detail: null, outOfOrderSince: null, outOfOrderForS: null });
    // What went wrong last is still shown, with when it was last reported.
    expect(back?.lastFault).toEqual({ fault: 'storage_full', at: new Date(firstSeen.getTime() + 60_000) });
  });

  it('takes a kiosk’s "since" in the future as now', async () => {
    const terminal = await enrolTerminal(t.app, 'HB-4');
    await beat(terminal, heartbeatBody({ readiness: { fault: 'storage_full', detail: null, since: new Date(t.now().getTime() + 30_000).toISOString() } }));
    expect((await stored('HB-4'))?.readiness.outOfOrderSince).toEqual(t.now());
  });

  it('refuses a caller with no signature: 401 unsigned_request, nothing stored', async () => {
    const before = await rows();
    const response = await t.app.inject({ method: 'POST', url: URL, payload: heartbeatBody() });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'unsigned_request' });
    expect(await rows()).toBe(before);
  });

  it('refuses an unknown terminal and a revoked one: 403, nothing stored', async () => {
    const known = await enrolTerminal(t.app, 'HB-5');
    const before = await rows();
    const stranger = await beat({ ...known, terminalId: 'HB-NOBODY' });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json()).toEqual({ code: 'unknown_terminal' });

    const revoked = await enrolTerminal(t.app, 'HB-REVOKED');
    await t.app.inject({ method: 'POST', url: `/api/v1/admin/terminals/${revoked.terminalId}/revoke`, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const response = await beat(revoked);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'revoked_terminal' });
    expect(await rows()).toBe(before);
  });

  it.each([
    ['a field the schema does not name (an IIN)', { ...heartbeatBody(), iin: '900101300017' }],
    ['a name in the outbox', { ...heartbeatBody(), outbox: { pending: 0, oldestPendingAgeS: null, quarantined: 0, surname: 'Иванов' } }],
    ['a negative backlog', heartbeatBody({ outbox: { pending: -1, oldestPendingAgeS: null, quarantined: 0 } })],
    ['a backlog past an integer column', heartbeatBody({ outbox: { pending: 2 ** 31, oldestPendingAgeS: null, quarantined: 0 } })],
    ['a device state that is not a code', heartbeatBody({ devices: { ...heartbeatBody().devices, camera: { driver: 'camera', state: 'Camera is <b>off</b>' } } })],
    ['a since that is no date', heartbeatBody({ readiness: { fault: 'device_fault', detail: 'paper_out', since: 'yesterday' } })],
    ['another version', { ...heartbeatBody(), v: 2 }],
    ['no devices', (({ devices: _d, ...rest }) => rest)(heartbeatBody())],
  ])('refuses %s: 400 invalid_request, nothing stored', async (_name, body) => {
    const terminal = await enrolTerminal(t.app, `HB-BAD-${Math.random().toString(36).slice(2, 8).toUpperCase()}`);
    const response = await beat(terminal, body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
    expect(await stored(terminal.terminalId)).toMatchObject({ lastContactAt: null, silent: true });
  });

  it('refuses a terminal that floods it: the eleventh in a minute is 429, and the next minute is heard again', async () => {
    const terminal = await enrolTerminal(t.app, 'HB-FLOOD');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await beat(terminal)).statusCode);
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429]);
    t.advance(60);
    expect((await beat(terminal)).statusCode).toBe(200);
  });
});
