import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../src/protocol/heartbeat';
import { heartbeatBody } from '../terminals/heartbeat-fixture';
import { createTestApp, enrolTerminal, signedInject, type TestApp, type TestTerminal } from '../test-support';
import { TerminalHeartbeatsRepository } from './terminal-heartbeats';

// The stretches each terminal was out of order, by fault, as its heartbeats tell them
// (terminal_out_of_order): what the weekly report sums into minutes by fault.

describe('stretches out of order, from the heartbeats', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const beat = (terminal: TestTerminal, body: Heartbeat) =>
    signedInject(t.app, terminal, { method: 'POST', url: '/api/v1/terminals/heartbeat', payload: body }, t.now());
  const outOfOrder = (fault: string, since: Date | null, detail = 'paper_out'): Heartbeat =>
    heartbeatBody({ readiness: { fault, detail: fault === 'device_fault' ? detail : null, since: since?.toISOString() ?? null } });
  const inOrder = () => heartbeatBody();
  const stretches = async (terminalId: string) =>
    (
      await t.db.query<{ fault: string; started_at: Date; ended_at: Date | null }>(
        'SELECT fault, started_at, ended_at FROM terminal_out_of_order WHERE terminal_id = $1 ORDER BY started_at',
        [terminalId],
      )
    ).rows.map((r) => ({ fault: r.fault, from: r.started_at, to: r.ended_at }));
  const after = (start: Date, s: number) => new Date(start.getTime() + s * 1000);

  it('opens a stretch on a fault, keeps it while the fault lasts, splits it on another fault and closes it in order', async () => {
    const terminal = await enrolTerminal(t.app, 'OOO-1');
    const t0 = t.now();
    const sequence: [number, Heartbeat][] = [
      [0, inOrder()],
      // The kiosk saw it a minute before the heartbeat, and keeps that "since" across faults.
      [60, outOfOrder('device_fault', t0)],
      [120, outOfOrder('device_fault', t0)],
      // A device's fault is kept by the device's code: another device's is another stretch.
      [150, outOfOrder('device_fault', t0, 'camera_missing')],
      [180, outOfOrder('storage_full', t0)],
      [240, inOrder()],
      [300, outOfOrder('device_fault', null)],
      [360, outOfOrder('device_fault', after(t0, 300))],
    ];
    for (const [s, body] of sequence) {
      t.advance(s - (t.now().getTime() - t0.getTime()) / 1000);
      expect((await beat(terminal, body)).statusCode).toBe(200);
    }
    expect(await stretches('OOO-1')).toEqual([
      { fault: 'paper_out', from: t0, to: after(t0, 150) },
      { fault: 'camera_missing', from: after(t0, 150), to: after(t0, 180) },
      { fault: 'storage_full', from: after(t0, 180), to: after(t0, 240) },
      { fault: 'paper_out', from: after(t0, 300), to: null },
    ]);
  });

  it('starts a stretch no earlier than the one before it ended, and never later than its heartbeat arrived', async () => {
    const terminal = await enrolTerminal(t.app, 'OOO-2');
    const t0 = t.now();
    await beat(terminal, outOfOrder('storage_full', t0));
    t.advance(60);
    await beat(terminal, inOrder());
    t.advance(60);
    // A kiosk clock behind: its "since" is before the back office saw it back in order.
    await beat(terminal, outOfOrder('device_fault', after(t0, 30)));
    t.advance(60);
    await beat(terminal, inOrder());
    t.advance(60);
    // A kiosk clock ahead: "since" later than the arrival is the arrival.
    await beat(terminal, outOfOrder('camera_missing', after(t.now(), 120)));
    expect(await stretches('OOO-2')).toEqual([
      { fault: 'storage_full', from: t0, to: after(t0, 60) },
      { fault: 'paper_out', from: after(t0, 60), to: after(t0, 180) },
      { fault: 'camera_missing', from: after(t0, 240), to: null },
    ]);
  });

  it('dates a change of fault by a kiosk restarted since the stretch began', async () => {
    const terminal = await enrolTerminal(t.app, 'OOO-3');
    const t0 = t.now();
    await beat(terminal, outOfOrder('device_fault', t0));
    t.advance(120);
    // Reloaded at t0 + 100 s: its "since" starts again, with the new fault.
    await beat(terminal, outOfOrder('storage_full', after(t0, 100)));
    expect(await stretches('OOO-3')).toEqual([
      { fault: 'paper_out', from: t0, to: after(t0, 100) },
      { fault: 'storage_full', from: after(t0, 100), to: null },
    ]);
  });

  it('changes no stretch for a heartbeat received before the one held (a slow request, another process)', async () => {
    await enrolTerminal(t.app, 'OOO-4');
    const t0 = t.now();
    const repository = t.app.terminalHeartbeats;
    await repository.record('OOO-4', outOfOrder('device_fault', null), t0);
    await repository.record('OOO-4', inOrder(), after(t0, 60));
    await repository.record('OOO-4', outOfOrder('storage_full', null), after(t0, 30));
    expect(await stretches('OOO-4')).toEqual([{ fault: 'paper_out', from: t0, to: after(t0, 60) }]);
  });

  it('opens one stretch, not two, for heartbeats of one terminal taken at once by two processes', async () => {
    await enrolTerminal(t.app, 'OOO-5');
    const t0 = t.now();
    // Two back-office processes: two repositories on the one database (on PostgreSQL, two connections).
    const processes = [new TerminalHeartbeatsRepository(t.db), new TerminalHeartbeatsRepository(t.db)];
    await Promise.all(Array.from({ length: 6 }, (_, i) => processes[i % 2]!.record('OOO-5', outOfOrder('device_fault', t0), after(t0, 10 + i))));
    expect(await stretches('OOO-5')).toEqual([{ fault: 'paper_out', from: t0, to: null }]);

    // Then a change and a return in order race: whichever order they are taken in, at most one stretch is open.
    await Promise.all([
      processes[0]!.record('OOO-5', outOfOrder('storage_full', t0), after(t0, 60)),
      processes[1]!.record('OOO-5', outOfOrder('storage_full', t0), after(t0, 61)),
      processes[0]!.record('OOO-5', outOfOrder('camera_missing', t0), after(t0, 62)),
    ]);
    const open = (await stretches('OOO-5')).filter((s) => s.to === null);
    expect(open).toEqual([{ fault: 'camera_missing', from: expect.any(Date) as Date, to: null }]);
  });

  it('refuses a second open stretch for a terminal at the database (migration 0024)', async () => {
    await enrolTerminal(t.app, 'OOO-6');
    const t0 = t.now();
    await t.db.query('INSERT INTO terminal_out_of_order (terminal_id, fault, started_at) VALUES ($1, $2, $3)', ['OOO-6', 'device_fault', t0]);
    await expect(
      t.db.query('INSERT INTO terminal_out_of_order (terminal_id, fault, started_at) VALUES ($1, $2, $3)', ['OOO-6', 'storage_full', after(t0, 1)]),
    ).rejects.toThrow(/terminal_out_of_order_open|unique/);
  });
});
