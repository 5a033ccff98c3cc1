import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationPayload } from '../../src/protocol/packets';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { openTestDatabase, TEST_DATABASE_URL } from '../db/test-database';
import { newBackOfficeKeys } from '../sync/back-office-keys';
import { settleApplication, type DeferredChecks } from '../sync/settle-application';
import { enrolTerminal, offlineApplication, postSealed, syntheticDescriptor, type TestApp } from '../test-support';
import { appOn, eventually } from './jobs-test-support';

// Two back offices on one PostgreSQL database, each with its own connections and its own workers,
// as two processes behind a load balancer: packets come to either, the jobs are run by whichever
// is free, and still each application is settled once and each citizen told once per outcome.
describe.skipIf(!TEST_DATABASE_URL)('two back offices on one PostgreSQL', () => {
  let db: Database;
  let otherDb: Database;
  let apps: TestApp[];
  /** Each run of the checks, by application: `id:attempt`. */
  const runs: string[] = [];
  const counting: DeferredChecks = (payload, app, context) => {
    runs.push(`${payload.application.id}:${context.attempt}`);
    return settleApplication(payload, app, context);
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    // The same schema through a pool of its own: the second process.
    const { rows } = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
    const url = new URL(TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
    otherDb = await openDatabase({ url: url.toString() });
    const keys = await newBackOfficeKeys();
    const options = { deferredChecks: counting, jobs: { pollingIntervalMs: 500 } };
    apps = [await appOn(db, keys, options), await appOn(otherDb, keys, options)];
  }, 60_000);
  afterAll(async () => {
    for (const t of apps) await t.close();
    await otherDb.close();
    await db.close();
  }, 60_000);

  const messagesAbout = async (number: string) =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sandbox_sms WHERE text LIKE $1', [`%${number}%`])).rows[0]!.n;
  const statuses = (payloads: ApplicationPayload[]) =>
    Promise.all(payloads.map(async (p) => (await db.query<{ status: string }>('SELECT status FROM applications WHERE id = $1', [p.application.id])).rows[0]!.status));
  const unsent = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen_sms WHERE sent_at IS NULL')).rows[0]!.n;
  const sent = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen_sms WHERE sent_at IS NOT NULL')).rows[0]!.n;

  it('packets to either: each application settled once, each citizen told once; a fee paid later accepted once, told once', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const terminal = await enrolTerminal(a.app, 'T-800');
    const made = (tag: string, descriptor?: number[]) => {
      const p = offlineApplication(a, a.citizen(tag), { terminalId: terminal.terminalId, centreId: terminal.centreId });
      return descriptor ? { ...p, face: { ...p.face, descriptor } } : p;
    };
    const accepted = [made('service-18'), made('service-18-expired-id-card')];
    const refused = ['service-16', 'service-04', 'service-14', 'service-17'].map((tag, i) => made(tag, syntheticDescriptor(`f${21 - i}`)));
    const awaited = ['service-13', 'service-09', 'service-07', 'service-18-passport'].map((tag) => made(tag));
    const all = [...accepted, ...refused, ...awaited];
    for (const [i, payload] of all.entries()) {
      const response = await postSealed(i % 2 === 0 ? a : b, terminal, payload, i + 1);
      expect(response.statusCode, response.body).toBe(201);
    }

    // Every citizen told (the fee awaited is an outcome too): every application has been looked at.
    await eventually(sent, (n) => n === all.length);
    expect(await statuses(all)).toEqual([...accepted.map(() => 'accepted'), ...refused.map(() => 'rejected'), ...awaited.map(() => 'pending_checks')]);
    for (const p of all) {
      expect(runs.filter((r) => r === `${p.application.id}:0`)).toHaveLength(1);
      expect(await messagesAbout(p.application.number)).toBe(1);
    }

    // The citizens pay; both back offices look again at once (the old re-check timers of two processes did).
    for (const p of awaited) {
      const orderId = randomUUID();
      await a.app.sandbox!.payments.createInvoice({ orderId, reference: p.application.number, amountTiyn: p.application.feeTiyn, expiresAt: new Date(a.now().getTime() + 15 * 60_000) });
      await a.app.sandbox!.payments.settle(orderId, 'paid');
    }
    await Promise.all([
      ...awaited.flatMap((p) => [settleApplication(p, a.app, { attempt: 1 }), settleApplication(p, b.app, { attempt: 1 })]),
      a.app.jobs.drain({ delayed: true }),
      b.app.jobs.drain({ delayed: true }),
    ]);
    await eventually(sent, (n) => n === all.length + awaited.length);
    expect(await unsent()).toBe(0);
    expect(await statuses(awaited)).toEqual(awaited.map(() => 'accepted'));
    for (const p of awaited) expect(await messagesAbout(p.application.number)).toBe(2); // the fee awaited, then accepted
    for (const p of [...accepted, ...refused]) expect(await messagesAbout(p.application.number)).toBe(1);
  });
});
