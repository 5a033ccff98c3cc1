import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApplicationPayload } from '../../src/protocol/packets';
import type { Database } from '../db/database';
import { openTestDatabase, TEST_DATABASE_URL } from '../db/test-database';
import { newBackOfficeKeys, type BackOfficeKeys } from '../sync/back-office-keys';
import { createTestApp, enrolTerminal, offlineApplication, postSealed, syntheticDescriptor, type TestApp, type TestTerminal } from '../test-support';
import { CitizenSmsRepository, sendCitizenSms } from './citizen-sms';
import { appOn, eventually } from './jobs-test-support';
import { enterMrpForTest } from '../repositories/reference-data';

const statusOf = async (db: Database, id: string) =>
  (await db.query<{ status: string }>('SELECT status FROM applications WHERE id = $1', [id])).rows[0]?.status ?? 'missing';

const smsTo = async (t: TestApp, phone: string, number: string) =>
  ((await t.app.inject({ method: 'GET', url: `/api/v1/sandbox/sms?phone=${encodeURIComponent(phone)}` })).json() as { messages: { text: string }[] }).messages.filter(
    (m) => m.text.includes(number),
  );

describe('the settle job and its packet', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  let seq = 1;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    terminal = await enrolTerminal(t.app, 'T-600');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const payloadFor = (tag: string) => offlineApplication(t, t.citizen(tag), { terminalId: terminal.terminalId, centreId: terminal.centreId });
  const settleJobsOf = async (id: string) => (await t.app.jobs.waiting('settle', t.db)).filter((j) => j.data.applicationId === id);

  it('a stored packet has its settle job waiting; a refused packet has none', async () => {
    const stored = payloadFor('service-18');
    const storedSeq = seq++;
    expect((await postSealed(t, terminal, stored, storedSeq)).statusCode).toBe(201);
    expect((await settleJobsOf(stored.application.id)).map((j) => j.data)).toEqual([{ applicationId: stored.application.id }]);

    // Another application under a seq already taken: refused, and nothing queued for it.
    const refused = payloadFor('service-16');
    const response = await postSealed(t, terminal, refused, storedSeq);
    expect(response.statusCode).toBe(409);
    expect(await settleJobsOf(refused.application.id)).toEqual([]);
    await t.app.jobs.drain();
    expect(await statusOf(t.db, stored.application.id)).toBe('accepted');
  });

  it('when its job cannot be queued the packet is not stored either, and the kiosk’s retry stores both', async () => {
    const payload = payloadFor('service-18-expired-id-card');
    const packetSeq = seq++;
    const send = vi.spyOn(t.app.jobs, 'send').mockRejectedValueOnce(new Error('the job table is unavailable'));
    try {
      const failed = await postSealed(t, terminal, payload, packetSeq);
      expect(failed.statusCode).toBe(500);
      expect(await statusOf(t.db, payload.application.id)).toBe('missing');
      expect(await t.app.packets.findByApplication(payload.application.id)).toBeNull();
    } finally {
      send.mockRestore();
    }
    const retried = await postSealed(t, terminal, payload, packetSeq);
    expect(retried.statusCode, retried.body).toBe(201);
    expect(await settleJobsOf(payload.application.id)).toHaveLength(1);
    await t.app.jobs.drain();
    expect(await statusOf(t.db, payload.application.id)).toBe('accepted');
  });

  it('a run that never finished (its process killed, on PostgreSQL) is retried once it is past its expiry', async () => {
    const payload = payloadFor('refusal-deceased');
    expect((await postSealed(t, terminal, payload, seq++)).statusCode).toBe(201);
    // Taken by a worker of a process that then died, long enough ago.
    await t.db.query(
      `UPDATE ${t.app.jobs.schema}.job SET state = 'active', started_on = now() - interval '1 hour' WHERE name = 'settle' AND data->>'applicationId' = $1`,
      [payload.application.id],
    );
    await t.app.jobs.drain({ delayed: true });
    expect(await statusOf(t.db, payload.application.id)).toBe('pending_checks');

    await t.app.jobs.maintain();
    expect(await settleJobsOf(payload.application.id)).toHaveLength(1);
    await t.app.jobs.drain({ delayed: true });
    expect(await statusOf(t.db, payload.application.id)).toBe('rejected');
  });

  it('an SMS the gateway refused is sent on the retry, once', async () => {
    const citizen = t.citizen('service-17');
    // Another person's face: refused at once, whatever the fee.
    const made = offlineApplication(t, citizen, { terminalId: terminal.terminalId, centreId: terminal.centreId });
    const payload = { ...made, face: { ...made.face, descriptor: syntheticDescriptor(citizen.faceId === 'f01' ? 'f02' : 'f01') } };
    const { id, number } = payload.application;
    const gateway = vi.spyOn(t.app.sms, 'send').mockRejectedValueOnce(new Error('SMS gateway: 503'));
    try {
      expect((await postSealed(t, terminal, payload, seq++)).statusCode).toBe(201);
      await t.app.jobs.drain();
    } finally {
      gateway.mockRestore();
    }
    // The outcome stands; the message waits for its retry, later.
    expect(await statusOf(t.db, id)).toBe('rejected');
    expect(await smsTo(t, citizen.phoneToType, number)).toEqual([]);
    const [retry] = (await t.app.jobs.waiting('sms', t.db)).filter((j) => j.data.applicationId === id);
    expect(retry?.startAfter.getTime()).toBeGreaterThan(Date.now());

    await t.app.jobs.drain({ delayed: true });
    expect(await smsTo(t, citizen.phoneToType, number)).toHaveLength(1);
    expect(await new CitizenSmsRepository(t.db).find({ applicationId: id, outcome: 'rejected' })).toMatchObject({ attempts: 2, sentAt: expect.any(Date) });

    // A second job for the same message (as two processes might hold) sends nothing more.
    await t.app.jobs.send('sms', { applicationId: id, outcome: 'rejected' });
    await t.app.jobs.drain({ delayed: true });
    expect(await smsTo(t, citizen.phoneToType, number)).toHaveLength(1);

    // A process killed after the gateway took it and before sent_at: sent again with the same client
    // id, which the gateway delivers once.
    await t.db.query(`UPDATE citizen_sms SET sent_at = NULL, claimed_until = NULL WHERE application_id = $1`, [id]);
    await sendCitizenSms(t.db, t.app.sms, t.now, { applicationId: id, outcome: 'rejected' });
    expect(await smsTo(t, citizen.phoneToType, number)).toHaveLength(1);
    expect(await new CitizenSmsRepository(t.db).find({ applicationId: id, outcome: 'rejected' })).toMatchObject({ sentAt: expect.any(Date) });
  });
});

// A back office stopped without running its jobs (a kill -9 right after the 201s), then started
// again on the same database.
describe('after a crash', () => {
  let db: Database;
  let keys: BackOfficeKeys;
  beforeAll(async () => {
    db = await openTestDatabase();
    keys = await newBackOfficeKeys();
  }, 60_000);
  afterAll(() => db.close(), 60_000);

  /** Three offline applications posted to a back office that runs no jobs, which then stops. */
  async function acknowledgedThenStopped(terminalId: string): Promise<{ payloads: ApplicationPayload[]; first: TestApp }> {
    const first = await appOn(db, keys, { jobs: { workers: false } });
    const terminal = await enrolTerminal(first.app, terminalId);
    const made = (tag: string) => offlineApplication(first, first.citizen(tag), { terminalId, centreId: terminal.centreId });
    const wrongFace = made('service-16');
    const payloads = [made('service-18'), made('service-18-expired-id-card'), { ...wrongFace, face: { ...wrongFace.face, descriptor: syntheticDescriptor('f20') } }];
    for (const [i, payload] of payloads.entries()) expect((await postSealed(first, terminal, payload, i + 1)).statusCode).toBe(201);
    await first.close();
    return { payloads, first };
  }

  it('the checks of applications acknowledged before it run as soon as the back office is up again', async () => {
    const { payloads } = await acknowledgedThenStopped('T-610');
    for (const p of payloads) expect(await statusOf(db, p.application.id)).toBe('pending_checks');

    const second = await appOn(db, keys, { jobs: { pollingIntervalMs: 500 } });
    try {
      const statuses = await eventually(
        () => Promise.all(payloads.map((p) => statusOf(db, p.application.id))),
        (s) => s.every((status) => status !== 'pending_checks'),
      );
      expect(statuses).toEqual(['accepted', 'accepted', 'rejected']);
      // Each citizen told once (the face mismatch goes to the БМГ's number).
      const [accepted, alsoAccepted, refused] = payloads;
      await eventually(
        () => db.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen_sms WHERE sent_at IS NOT NULL AND application_id = ANY($1::uuid[])', [payloads.map((p) => p.application.id)]),
        ({ rows }) => rows[0]?.n === 3,
      );
      expect(await smsTo(second, accepted!.application.phone, accepted!.application.number)).toHaveLength(1);
      expect(await smsTo(second, alsoAccepted!.application.phone, alsoAccepted!.application.number)).toHaveLength(1);
      expect(await smsTo(second, second.citizen('service-16').bmgPhone!, refused!.application.number)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  // PGlite is one process by construction: whatever was running when it stopped was cut short.
  // (On PostgreSQL another process may still be running it: it is retried after its expiry.)
  it.skipIf(TEST_DATABASE_URL)('a check cut short by the crash is run again at the next start', async () => {
    const { payloads, first } = await acknowledgedThenStopped('T-620');
    const [cut] = payloads;
    // What a worker's fetch does: the job taken, then the process gone.
    await db.query(`UPDATE ${first.app.jobs.schema}.job SET state = 'active', started_on = now() WHERE name = 'settle' AND data->>'applicationId' = $1`, [
      cut!.application.id,
    ]);

    const second = await appOn(db, keys, { jobs: { workers: false } });
    try {
      expect((await second.app.jobs.waiting('settle', db)).map((j) => j.data.applicationId)).toContain(cut!.application.id);
      await second.app.jobs.drain({ delayed: true });
      // Settled (refused: the same citizens applied in the test before, so theirs are in progress).
      expect(await statusOf(db, cut!.application.id)).toBe('rejected');
      expect(await second.app.applicationChecks.list(cut!.application.id)).toContainEqual(expect.objectContaining({ check: 'registry', code: 'application_in_progress' }));
    } finally {
      await second.close();
    }
  });

  it('an application pending with no job at all (stored before the job queue) is looked at at the next start', async () => {
    const { payloads, first } = await acknowledgedThenStopped('T-630');
    const [orphan] = payloads;
    await db.query(`DELETE FROM ${first.app.jobs.schema}.job WHERE data->>'applicationId' = $1`, [orphan!.application.id]);

    const second = await appOn(db, keys, { jobs: { workers: false } });
    try {
      expect((await second.app.jobs.waiting('recheck', db)).map((j) => j.data)).toContainEqual({ applicationId: orphan!.application.id, attempt: 1 });
      await second.app.jobs.drain({ delayed: true });
      expect(await statusOf(db, orphan!.application.id)).toBe('rejected');
      expect(await second.app.applicationChecks.list(orphan!.application.id)).toContainEqual(expect.objectContaining({ check: 'registry', code: 'application_in_progress' }));
    } finally {
      await second.close();
    }
  });
});

// 4 January 2027, 09:00 in Astana: no MRP for 2027 in this build nor, at first, in the back office.
describe('a fee deferred for want of the year’s MRP', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    t.advance((Date.parse('2027-01-04T04:00:00Z') - t.now().getTime()) / 1000);
    terminal = await enrolTerminal(t.app, 'T-610');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  it('is told by SMS as not approved yet, then once more with the amount when the MRP is entered, each once', async () => {
    const citizen = t.citizen('service-16');
    const payload = offlineApplication(t, citizen, { terminalId: terminal.terminalId, centreId: terminal.centreId, lang: 'ru', feeTiyn: 0 });
    const { id, number } = payload.application;
    expect((await postSealed(t, terminal, payload, 1)).statusCode).toBe(201);
    await t.app.jobs.drain();
    expect((await smsTo(t, citizen.phoneToType, number)).map((m) => m.text)).toEqual([expect.stringContaining('ещё не утверждён')]);

    // A look before the MRP is there says nothing new.
    await t.app.jobs.drain({ delayed: true });
    expect(await smsTo(t, citizen.phoneToType, number)).toHaveLength(1);

    await enterMrpForTest(t.db, t.app.backOfficeKeys, t.app.clock(), 2027, 4500);
    await t.app.jobs.send('recheck', { applicationId: id, attempt: 1 });
    await t.app.jobs.drain({ delayed: true });
    const texts = (await smsTo(t, citizen.phoneToType, number)).map((m) => m.text);
    expect(texts).toHaveLength(2);
    expect(texts).toContainEqual(expect.stringContaining('36\u00a0000\u00a0₸'));
    expect(await statusOf(t.db, id)).toBe('pending_checks');
  });
});
