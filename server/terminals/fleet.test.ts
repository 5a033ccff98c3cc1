import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, enrolTerminal, signedInject, type TestApp, type TestTerminal } from '../test-support';
import { Value } from '@sinclair/typebox/value';
import { FleetTerminal } from '../../src/protocol/heartbeat';
import { fleet, fleetTerminalWire, SILENT_AFTER_S } from './fleet';
import { heartbeatBody } from './heartbeat-fixture';

// The fleet view's query: every terminal of the centres asked for, with its latest health, judged at `now`.

describe('fleet', () => {
  let t: TestApp;
  let esil: TestTerminal;
  let almaty: TestTerminal;
  const start = () => t.now();
  let heardAt: Date;

  beforeAll(async () => {
    t = await createTestApp();
    esil = await enrolTerminal(t.app, 'FL-ESIL-1', 'AST-ESIL');
    await enrolTerminal(t.app, 'FL-ESIL-2', 'AST-ESIL');
    almaty = await enrolTerminal(t.app, 'FL-ALA-1', 'ALA-01');
    await enrolTerminal(t.app, 'FL-SHY-1', 'SHY-01');
    heardAt = start();
    const sent = async (terminal: TestTerminal, body = heartbeatBody()) =>
      expect((await signedInject(t.app, terminal, { method: 'POST', url: '/api/v1/terminals/heartbeat', payload: body }, t.now())).statusCode).toBe(200);
    await sent(esil, heartbeatBody({ readiness: { fault: 'device_fault', detail: 'paper_out', since: heardAt.toISOString() } }));
    await sent(almaty, heartbeatBody({ appVersion: '0.3.9', outbox: { pending: 7, oldestPendingAgeS: 3600, quarantined: 2 } }));
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const at = (seconds: number) => new Date(heardAt.getTime() + seconds * 1000);

  it('lists the terminals of the centres asked for, and only those, by centre then id', async () => {
    const list = await fleet(t.db, ['AST-ESIL', 'ALA-01'], at(60));
    expect(list.map((f) => [f.centreId, f.terminalId])).toEqual([
      ['ALA-01', 'FL-ALA-1'],
      ['AST-ESIL', 'FL-ESIL-1'],
      ['AST-ESIL', 'FL-ESIL-2'],
    ]);
  });

  it('lists every terminal for the scope "all", and none for an empty list of centres', async () => {
    const all = (await fleet(t.db, 'all', at(60))).map((f) => f.terminalId);
    expect(all).toEqual(expect.arrayContaining(['FL-ALA-1', 'FL-ESIL-1', 'FL-ESIL-2', 'FL-SHY-1']));
    expect(await fleet(t.db, [], at(60))).toEqual([]);
    expect(await fleet(t.db, ['NOWHERE'], at(60))).toEqual([]);
  });

  it('shows a terminal that never sent a heartbeat: silent, never seen, nothing else known', async () => {
    const [never] = await fleet(t.db, ['SHY-01'], at(0));
    expect(never).toEqual({
      terminalId: 'FL-SHY-1',
      centreId: 'SHY-01',
      name: null,
      enrolledAt: expect.any(Date) as Date,
      revokedAt: null,
      lastContactAt: null,
      silent: true,
      appVersion: null,
      outbox: null,
      devices: null,
      storage: null,
      readiness: { fault: null, detail: null, outOfOrderSince: null, outOfOrderForS: null },
      lastFault: null,
      lastSyncAt: null,
    });
  });

  it('shows the backlog, quarantine and version the terminal last sent', async () => {
    const [ala] = await fleet(t.db, ['ALA-01'], at(60));
    expect(ala).toMatchObject({ appVersion: '0.3.9', lastContactAt: heardAt, outbox: { pending: 7, oldestPendingAgeS: 3600, quarantined: 2 } });
  });

  it('says how long a terminal has been out of order as of now', async () => {
    const esilNow = async (seconds: number) => (await fleet(t.db, ['AST-ESIL'], at(seconds)))[0]!;
    expect((await esilNow(0)).readiness).toEqual({ fault: 'device_fault', detail: 'paper_out', outOfOrderSince: heardAt, outOfOrderForS: 0 });
    expect((await esilNow(3 * 3600)).readiness.outOfOrderForS).toBe(3 * 3600);
  });

  it('flags a terminal silent once its last contact is more than 15 minutes before now, not at 15 minutes', async () => {
    const silentAt = async (seconds: number) => (await fleet(t.db, ['ALA-01'], at(seconds)))[0]!.silent;
    expect(SILENT_AFTER_S).toBe(15 * 60);
    expect(await silentAt(0)).toBe(false);
    expect(await silentAt(15 * 60)).toBe(false);
    expect(await silentAt(15 * 60 + 1)).toBe(true);
  });

  it('gives a wire form the console’s schema takes, for a terminal heard from and one never heard from', async () => {
    for (const f of await fleet(t.db, 'all', at(60))) {
      const wire = fleetTerminalWire(f);
      expect(Value.Check(FleetTerminal, wire), f.terminalId).toBe(true);
    }
    const [esilWire] = (await fleet(t.db, ['AST-ESIL'], at(60))).map(fleetTerminalWire);
    expect(esilWire).toMatchObject({ terminalId: 'FL-ESIL-1', health: { readiness: { outOfOrderSince: heardAt.toISOString(), outOfOrderForS: 60 } } });
  });

  it('is heard again with its next heartbeat, on the test clock', async () => {
    t.advance(20 * 60);
    expect((await fleet(t.db, ['ALA-01'], t.now()))[0]!.silent).toBe(true);
    await signedInject(t.app, almaty, { method: 'POST', url: '/api/v1/terminals/heartbeat', payload: heartbeatBody() }, t.now());
    const [ala] = await fleet(t.db, ['ALA-01'], t.now());
    expect(ala).toMatchObject({ silent: false, lastContactAt: t.now(), outbox: { pending: 0 } });
  });
});
