import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationPayload } from '../../src/protocol/packets';
import type { ReviewQueue } from '../../src/protocol/console';
import type { SeedCitizen } from '../seed/citizens';
import { createTestApp, enrolTerminal, faceAtDistance, offlineApplication, postSealed, type TestApp, type TestTerminal } from '../test-support';
import { asStaff, signIn, type SignedIn } from './test-staff';

// The manual review end to end on the sandbox: a packet whose face lands in the band around the
// threshold waits for a person; the operator of its centre decides; the citizen is told in their
// language; the decision is in the history and the audit log; nobody decides it twice, and no
// other centre sees it.
describe('the manual review', () => {
  let t: TestApp;
  let esil: TestTerminal;
  let almaly: TestTerminal;
  let operator: SignedIn;
  let supervisor: SignedIn;
  let seq = 1;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    esil = await enrolTerminal(t.app, 'T-REVIEW-1', 'AST-ESIL');
    almaly = await enrolTerminal(t.app, 'T-REVIEW-2', 'ALA-ALMALY');
    operator = await signIn(t.app, 'operator');
    supervisor = await signIn(t.app, 'supervisor');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  /** The citizen pays on the offline kiosk's QR (its reference is the application number) before the packet arrives. */
  async function pay(payload: ApplicationPayload, amountTiyn = payload.application.feeTiyn): Promise<void> {
    if (amountTiyn === 0) return;
    const orderId = randomUUID();
    const sandbox = t.app.sandbox!.payments;
    await sandbox.createInvoice({ orderId, reference: payload.application.number, amountTiyn, expiresAt: new Date(t.now().getTime() + 15 * 60_000) });
    await sandbox.settle(orderId, 'paid');
  }

  /** An offline packet of this citizen, paid, with the face in the band around the threshold, delivered and settled. */
  async function inReview(citizen: SeedCitizen, terminal = esil, lang: 'kk' | 'ru' = 'kk'): Promise<ApplicationPayload> {
    const made = offlineApplication(t, citizen, { lang, terminalId: terminal.terminalId, centreId: terminal.centreId });
    const payload = { ...made, face: { ...made.face, descriptor: faceAtDistance(citizen.faceId!, 0.46) } };
    await pay(payload);
    const response = await postSealed(t, terminal, payload, seq++);
    expect(response.statusCode, response.body).toBe(201);
    await t.app.jobs.drain();
    return payload;
  }

  const decide = (who: SignedIn, number: string, body: unknown) => asStaff(t.app, who, { method: 'POST', url: `/api/v1/staff/applications/${number}/decision`, payload: body });
  const statusOf = async (id: string) => (await t.db.query<{ status: string }>('SELECT status FROM applications WHERE id = $1', [id])).rows[0]?.status;
  const smsTo = async (phone: string) =>
    ((await t.app.inject({ method: 'GET', url: `/api/v1/sandbox/sms?phone=${encodeURIComponent(phone)}` })).json() as { messages: { text: string }[] }).messages.map((m) => m.text);

  it('puts a face near the threshold in the queue of its centre, and tells the citizen a person is looking', async () => {
    const citizen = t.citizen('service-18');
    const payload = await inReview(citizen);
    const { id, number } = payload.application;
    expect(await statusOf(id)).toBe('in_review');
    expect((await smsTo(citizen.phoneToType))[0]).toBe(`${number} өтініші алынды, оны қызметкер тексеріп жатыр. Шешімді SMS арқылы хабарлаймыз, әдетте бір жұмыс күні ішінде.`);

    const queue = (await asStaff(t.app, operator, { method: 'GET', url: '/api/v1/staff/review' })).json() as ReviewQueue;
    const row = queue.rows.find((r) => r.number === number);
    expect(row).toMatchObject({ centreId: 'AST-ESIL', reviews: [{ check: 'face_match', code: 'face_grey_zone' }] });
    expect(row!.reviews[0]!.distance).toBeCloseTo(0.46, 6);

    // The detail shows the distance against the threshold and the band.
    const detail = (await asStaff(t.app, operator, { method: 'GET', url: `/api/v1/staff/applications/${number}` })).json() as { faceMatch: unknown; status: string };
    expect(detail.status).toBe('in_review');
    expect(detail.faceMatch).toEqual({ threshold: 0.45, reviewFrom: 0.4, reviewTo: 0.5, distance: expect.closeTo(0.46, 6) as number });
  });

  it('rejects with a reason: the status moves, the check says who decided, the citizen is told why in Kazakh, the audit log keeps the note', async () => {
    const citizen = t.citizen('service-07');
    const { id, number } = (await inReview(citizen)).application;

    const response = await decide(operator, number, { decision: 'reject', reason: 'face_not_applicant', note: 'the portrait shows another man' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ number, status: 'rejected' });
    expect(await statusOf(id)).toBe('rejected');

    const face = (await t.app.applicationChecks.list(id)).find((c) => c.check === 'face_match');
    expect(face).toMatchObject({ outcome: 'failed', code: 'face_not_applicant', detail: 'review by operator: face_grey_zone → face_not_applicant' });

    await t.app.jobs.drain();
    expect((await smsTo(citizen.phoneToType))[0]).toBe(`${number} өтініші қабылданбады: өтінішті сіз бергеніңіз фото арқылы расталмады. ХҚКО-ға жүгініңіз.`);

    const { rows: events } = await t.db.query<{ to_status: string; actor: string; reason_code: string }>(
      'SELECT to_status, actor, reason_code FROM application_events WHERE application_id = $1 ORDER BY seq',
      [id],
    );
    expect(events.at(-1)).toEqual({ to_status: 'rejected', actor: `staff:${operator.session.staff.id}`, reason_code: 'face_not_applicant' });
    const { rows: audit } = await t.db.query<{ action: string; staff_id: string; reason: string; details: Record<string, unknown> }>(
      `SELECT action, staff_id, reason, details FROM audit_log WHERE application_id = $1 AND action = 'review_decided'`,
      [id],
    );
    expect(audit).toEqual([
      { action: 'review_decided', staff_id: operator.session.staff.id, reason: 'the portrait shows another man', details: { decision: 'reject', reasonCode: 'face_not_applicant', from: 'in_review', to: 'rejected' } },
    ]);
  });

  it('accepts with a reason, and a second decision on the same application is refused', async () => {
    const citizen = t.citizen('service-14');
    const { id, number } = (await inReview(citizen, esil, 'ru')).application;
    expect((await decide(supervisor, number, { decision: 'accept', reason: 'face_confirmed' })).statusCode).toBe(200);
    expect(await statusOf(id)).toBe('accepted');
    await t.app.jobs.drain();
    expect((await smsTo(citizen.phoneToType))[0]).toBe(`Заявление ${number} принято. Статус — по QR-коду на расписке.`);

    const again = await decide(operator, number, { decision: 'reject', reason: 'face_not_applicant' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'not_in_review' });
    expect(await statusOf(id)).toBe('accepted');
  });

  it('refuses a reason that is not for the decision, and a decision on an application that waits for nothing', async () => {
    const { id, number } = (await inReview(t.citizen('service-16'))).application;
    const mixed = await decide(operator, number, { decision: 'accept', reason: 'face_not_applicant' });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json()).toEqual({ code: 'reason_not_for_decision' });
    const unknown = await decide(operator, number, { decision: 'accept', reason: 'looks_fine' });
    expect(unknown.statusCode).toBe(400);
    expect(await statusOf(id)).toBe('in_review');
    expect((await decide(operator, 'AAAA-BBBB-CCCC', { decision: 'accept', reason: 'face_confirmed' })).statusCode).toBe(404);
  });

  it('sends money of another amount to a person, who may accept it once the difference is settled', async () => {
    const citizen = t.citizen('service-09');
    const payload = offlineApplication(t, citizen, { lang: 'ru', terminalId: esil.terminalId, centreId: esil.centreId });
    await pay(payload, payload.application.feeTiyn - 100);
    expect((await postSealed(t, esil, payload, seq++)).statusCode).toBe(201);
    await t.app.jobs.drain();
    const { id, number } = payload.application;
    expect(await statusOf(id)).toBe('in_review');
    const queue = (await asStaff(t.app, operator, { method: 'GET', url: '/api/v1/staff/review' })).json() as ReviewQueue;
    expect(queue.rows.find((r) => r.number === number)?.reviews).toEqual([
      { check: 'payment', code: 'payment_mismatch', detail: `reference: paid ${payload.application.feeTiyn - 100} tiyn, tariff ${payload.application.feeTiyn} tiyn`, distance: null },
    ]);
    expect((await decide(operator, number, { decision: 'accept', reason: 'payment_confirmed', note: 'the citizen paid the 1 ₸ at the desk' })).statusCode).toBe(200);
    expect(await statusOf(id)).toBe('accepted');
  });

  it('keeps another centre\'s application out of the queue and out of reach', async () => {
    const { id, number } = (await inReview(t.citizen('service-13'), almaly)).application;
    expect(await statusOf(id)).toBe('in_review');
    const queue = (await asStaff(t.app, operator, { method: 'GET', url: '/api/v1/staff/review' })).json() as ReviewQueue;
    expect(queue.rows.map((r) => r.number)).not.toContain(number);
    const response = await decide(operator, number, { decision: 'accept', reason: 'face_confirmed' });
    expect(response.statusCode).toBe(404);
    expect(await statusOf(id)).toBe('in_review');
  });
});
