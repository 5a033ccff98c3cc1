import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationPayload } from '../../src/protocol/packets';
import type { SeedCitizen } from '../seed/citizens';
import { recheckPending } from './settle-application';
import { createTestApp, enrolTerminal, offlineApplication, postSealed, sameFace, syntheticDescriptor, type TestApp, type TestTerminal } from '../test-support';

// A packet from a kiosk that was offline throughout, through the real intake and the real checks
// on the sandbox state systems: the application ends accepted or rejected, each check's outcome is
// kept, and the citizen gets an SMS with the application number.
describe('a packet made offline, settled on arrival', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  let seq = 1;
  beforeAll(async () => {
    t = await createTestApp();
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
    return settledStatus(payload.application.id);
  }

  /** The checks run once the kiosk has its answer: wait for them to move the application on. */
  async function settledStatus(id: string): Promise<string> {
    for (let i = 0; i < 200; i++) {
      // The outcomes are saved with the status they lead to, in one transaction.
      if ((await t.app.applicationChecks.list(id)).length === 4) {
        const { rows } = await t.db.query<{ status: string }>('SELECT status FROM applications WHERE id = $1', [id]);
        return rows[0]?.status ?? 'missing';
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`the checks never ran on ${id}`);
  }

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

  it('a fee paid later, on the QR the kiosk made offline: the re-check accepts it and tells the citizen once', async () => {
    const citizen = t.citizen('service-09');
    const payload = offline(citizen);
    const { id, number, feeKzt } = payload.application;
    expect(await deliver(payload)).toBe('pending_checks');
    const told = async () => (await sms(citizen.phoneToType)).messages.filter((m) => m.text.includes(number)).length;
    expect(await told()).toBe(1); // on arrival: the fee is awaited

    // Nothing paid yet: the re-check leaves it waiting, and says nothing more.
    expect(await recheckPending(t.app)).toBe(0);
    expect(await told()).toBe(1);

    // The citizen pays on their phone: the gateway has a payment under the application number.
    const sandbox = t.app.sandbox!.payments;
    const orderId = randomUUID();
    await sandbox.createInvoice({ orderId, reference: number, amountKzt: feeKzt, expiresAt: new Date(t.now().getTime() + 15 * 60_000) });
    await sandbox.settle(orderId, 'paid');

    expect(await recheckPending(t.app)).toBeGreaterThanOrEqual(1);
    const { rows } = await t.db.query<{ status: string }>('SELECT status FROM applications WHERE id = $1', [id]);
    expect(rows[0]?.status).toBe('accepted');
    expect(await told()).toBe(2);
    // Settled: not looked at again.
    expect(await t.app.packets.pendingChecks()).not.toContain(id);
  });

  it('a fee not yet paid: the application waits, pending the payment, and the tracking page says so', async () => {
    const citizen = t.citizen('service-13');
    const payload = offline(citizen);
    expect(payload.application.feeKzt).toBeGreaterThan(0);
    expect(await deliver(payload)).toBe('pending_checks');
    const payment = (await t.app.applicationChecks.list(payload.application.id)).find((c) => c.check === 'payment');
    expect(payment).toMatchObject({ outcome: 'pending' });
    const tracked = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${payload.application.number}` });
    expect(tracked.json()).toMatchObject({ status: 'pending_checks' });
  });
});
