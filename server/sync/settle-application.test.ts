import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationPayload } from '../../src/protocol/packets';
import type { SeedCitizen } from '../seed/citizens';
import { settleApplication } from './settle-application';
import { createTestApp, enrolTerminal, offlineApplication, postSealed, sameFace, syntheticDescriptor, type TestApp, type TestTerminal } from '../test-support';

// A packet from a kiosk that was offline throughout, through the real intake and the real checks
// on the sandbox state systems, run as the back office's jobs (here by hand: `drain`): the
// application ends accepted or rejected, each check's outcome is kept, and the citizen gets one
// SMS per outcome with the application number.
describe('a packet made offline, settled by its jobs', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  let seq = 1;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    terminal = await enrolTerminal(t.app, 'T-300');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  function offline(citizen: SeedCitizen, descriptor = sameFace(citizen.faceId!)): ApplicationPayload {
    const payload = offlineApplication(t, citizen, { lang: 'kk', terminalId: terminal.terminalId, centreId: terminal.centreId });
    return { ...payload, face: { ...payload.face, descriptor } };
  }

  async function deliver(payload: ApplicationPayload): Promise<string> {
    const response = await postSealed(t, terminal, payload, seq++);
    expect(response.statusCode, response.body).toBe(201);
    await t.app.jobs.drain();
    return status(payload.application.id);
  }

  async function status(id: string): Promise<string> {
    const { rows } = await t.db.query<{ status: string }>('SELECT status FROM applications WHERE id = $1', [id]);
    return rows[0]?.status ?? 'missing';
  }

  const rechecksOf = async (id: string) => (await t.app.jobs.waiting('recheck', t.db)).filter((j) => j.data.applicationId === id);

  const sms = async (phone: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/sandbox/sms?phone=${encodeURIComponent(phone)}` })).json() as { messages: { text: string }[] };

  it('an eligible citizen with no fee to pay, the right phone and face: accepted, told by SMS in Kazakh', async () => {
    const citizen = t.citizen('service-18');
    const payload = offline(citizen);
    expect(await deliver(payload)).toBe('accepted');
    const checks = await t.app.applicationChecks.list(payload.application.id);
    expect(checks.map((c) => [c.check, c.outcome]).sort()).toEqual([
      ['face_match', 'passed'],
      ['payment', 'passed'],
      ['phone', 'passed'],
      ['registry', 'passed'],
    ]);
    const [latest] = (await sms(citizen.phoneToType)).messages;
    expect(latest?.text).toContain(payload.application.number);
    // The tracking QR now says where it stands.
    const tracked = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${payload.application.number}` });
    expect(tracked.json()).toMatchObject({ status: 'accepted' });
  });

  it('someone else in front of the camera: rejected on the face match, and the owner of the IIN is told', async () => {
    const citizen = t.citizen('service-16');
    const payload = offline(citizen, syntheticDescriptor('f17'));
    expect(await deliver(payload)).toBe('rejected');
    const face = (await t.app.applicationChecks.list(payload.application.id)).find((c) => c.check === 'face_match');
    expect(face).toMatchObject({ outcome: 'failed', code: 'face_mismatch' });
    expect((await sms(citizen.bmgPhone!)).messages[0]?.text).toContain(payload.application.number);
  });

  it('a fee paid later, on the QR the kiosk made offline: the re-check job accepts it and tells the citizen once', async () => {
    const citizen = t.citizen('service-09');
    const payload = offline(citizen);
    const { id, number, feeTiyn } = payload.application;
    expect(await deliver(payload)).toBe('pending_checks');
    const told = async () => (await sms(citizen.phoneToType)).messages.filter((m) => m.text.includes(number)).length;
    expect(await told()).toBe(1); // on arrival: the fee is awaited
    // The next look is planned, not run at once.
    const [first] = await rechecksOf(id);
    expect(first?.data).toEqual({ applicationId: id, attempt: 1 });
    expect(first!.startAfter.getTime()).toBeGreaterThan(Date.now());

    // Nothing paid yet: the re-check leaves it waiting, says nothing more, and plans the next, later.
    await t.app.jobs.drain({ delayed: true });
    expect(await status(id)).toBe('pending_checks');
    expect(await told()).toBe(1);
    expect((await rechecksOf(id)).map((j) => j.data.attempt)).toEqual([2]);

    // The citizen pays on their phone: the gateway has a payment under the application number.
    const sandbox = t.app.sandbox!.payments;
    const orderId = randomUUID();
    await sandbox.createInvoice({ orderId, reference: number, amountTiyn: feeTiyn, expiresAt: new Date(t.now().getTime() + 15 * 60_000) });
    await sandbox.settle(orderId, 'paid');

    await t.app.jobs.drain({ delayed: true });
    expect(await status(id)).toBe('accepted');
    expect(await told()).toBe(2);
    // Settled: not looked at again.
    expect(await rechecksOf(id)).toEqual([]);
  });

  it('settled by two runs at once (a job taken over after its expiry): recorded once, the citizen told once', async () => {
    const citizen = t.citizen('service-18-expired-id-card');
    const payload = offline(citizen);
    const response = await postSealed(t, terminal, payload, seq++);
    expect(response.statusCode, response.body).toBe(201);
    const [a, b] = await Promise.all([settleApplication(payload, t.app), settleApplication(payload, t.app)]);
    expect(a.status).toBe('accepted');
    expect(b.status).toBe('accepted');
    await t.app.jobs.drain();
    const texts = (await sms(citizen.phoneToType)).messages.filter((m) => m.text.includes(payload.application.number));
    expect(texts).toHaveLength(1);
  });

  it('a fee not yet paid: the application waits, pending the payment, and the tracking page says so', async () => {
    const citizen = t.citizen('service-13');
    const payload = offline(citizen);
    expect(payload.application.feeTiyn).toBeGreaterThan(0);
    expect(await deliver(payload)).toBe('pending_checks');
    const payment = (await t.app.applicationChecks.list(payload.application.id)).find((c) => c.check === 'payment');
    expect(payment).toMatchObject({ outcome: 'pending' });
    const tracked = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${payload.application.number}` });
    expect(tracked.json()).toMatchObject({ status: 'pending_checks' });
  });
});
