import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteFee } from '../../src/domain/fees';
import { encodePaymentQr } from '../../src/domain/payment-qr';
import type { ApplicationPayload } from '../../src/protocol/packets';
import { createTestApp, enrolTerminal, offlineApplication, postSealed, TEST_ADMIN_TOKEN, type TestApp, type TestTerminal } from '../test-support';
import type { ApplicationReview } from './admin';
import { enterMrpForTest } from '../repositories/reference-data';

const ADMIN = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

// 0.2 MRP of an MRP that is not a multiple of 5 has tiyn: 0.2 × 3,932 ₸ = 786.40 ₸. Whole tenge
// made it 786 ₸, and a citizen who paid the QR's 786 ₸ underpaid the state by 40 tiyn.
describe('a packet whose fee has tiyn', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  let seq = 1;
  beforeAll(async () => {
    // The checks are run by the test (drain), so it knows when they are done.
    t = await createTestApp({ jobs: { workers: false } });
    terminal = await enrolTerminal(t.app, 'T-714');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const moveTo = (iso: string) => t.advance((Date.parse(iso) - t.now().getTime()) / 1000);
  const review = async (number: string): Promise<ApplicationReview> => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/admin/applications/${number}`, headers: ADMIN });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ApplicationReview;
  };
  const paymentCheck = async (number: string) => (await review(number)).checks.find((c) => c.check === 'payment');
  const storedFee = async (id: string) => (await t.db.query<{ fee_tiyn: number }>('SELECT fee_tiyn FROM applications WHERE id = $1', [id])).rows[0]?.fee_tiyn;

  async function deliver(payload: ApplicationPayload): Promise<void> {
    const response = await postSealed(t, terminal, payload, seq++);
    expect(response.statusCode, response.body).toBe(201);
    await t.app.jobs.drain();
  }

  it('reads a packet of a kiosk from before the tiyn, its fee in whole tenge, as the same fee in tiyn', async () => {
    // 2 March 2026: 0.2 × 4,325 ₸ = 865 ₸, as such a kiosk sealed it.
    const current = offlineApplication(t, t.citizen('service-07'), { lang: 'ru', terminalId: terminal.terminalId, centreId: terminal.centreId });
    expect(current.application.feeTiyn).toBe(86_500);
    const { feeTiyn: _feeTiyn, ...application } = current.application;
    const legacy = { ...current, application: { ...application, feeKzt: 865 } } as unknown as ApplicationPayload;
    await deliver(legacy);
    expect(await storedFee(current.application.id)).toBe(86_500);
    expect(await paymentCheck(current.application.number)).toMatchObject({ outcome: 'pending', code: 'payment_awaited' });

    // Whole tenge only, and never both: anything else is refused as any malformed payload is.
    for (const fee of [{ feeKzt: 865.5 }, { feeKzt: 865, feeTiyn: 86_500 }, { feeKzt: '865' }]) {
      const other = offlineApplication(t, t.citizen('service-07'), { lang: 'ru', terminalId: terminal.terminalId, centreId: terminal.centreId });
      const { feeTiyn: _fee, ...rest } = other.application;
      const response = await postSealed(t, terminal, { ...other, application: { ...rest, ...fee } } as unknown as ApplicationPayload, seq++);
      expect(response.statusCode, JSON.stringify(fee)).toBe(422);
      expect(response.json()).toMatchObject({ code: 'invalid_payload' });
    }
  });

  describe('in a year whose MRP is 3,932 ₸', () => {
    beforeAll(async () => {
      moveTo('2027-01-04T04:00:00Z');
      await enterMrpForTest(t.db, t.app.backOfficeKeys, t.app.clock(), 2027, 3932);
    });

    /** As a kiosk that knows 2027's MRP seals it: 0.2 × 3,932 ₸ to the tiyn (src/domain/fees.ts). */
    const kioskFee = () => quoteFee({ service: '09', document: 'id_card', on: '2027-01-04', lostIdCardsThisYear: 0 }, { 2027: 3932 }).amountTiyn!;
    // Another citizen than the first test's, whose application still waits for its fee: one open application a person.
    const madeOffline = (feeTiyn: number) =>
      offlineApplication(t, t.citizen('service-09'), { lang: 'ru', terminalId: terminal.terminalId, centreId: terminal.centreId, feeTiyn });

    it('takes 786.40 ₸ from the kiosk, keeps it to the tiyn, and accepts it once the QR of 786.40 is paid', async () => {
      expect(kioskFee()).toBe(78_640);
      const payload = madeOffline(kioskFee());
      await deliver(payload);
      const { id, number } = payload.application;
      expect(await storedFee(id)).toBe(78_640);
      expect(await paymentCheck(number)).toMatchObject({ outcome: 'pending', code: 'payment_awaited' });

      // The citizen's bank pays the kiosk's QR; its tag 54 says 786.40.
      const paid = await t.app.sandbox!.payments.payQr(encodePaymentQr({ amountKzt: 786.4, reference: number }));
      expect(paid).toMatchObject({ ok: true, payment: { amountTiyn: 78_640, status: 'paid' } });
      // The re-check the settle job planned looks again.
      await t.app.jobs.drain({ delayed: true });
      const body = await review(number);
      expect(body.checks.find((c) => c.check === 'payment')).toMatchObject({ outcome: 'passed', detail: 'reference' });
      expect(body.status).toBe('accepted');
    });

    it('does not take the 786 ₸ that whole tenge made of it: a person sees both figures in tiyn', async () => {
      // A citizen with no other application open, so nothing but the fee keeps it from a person.
      const payload = offlineApplication(t, t.citizen('crowd-03'), { lang: 'ru', terminalId: terminal.terminalId, centreId: terminal.centreId, feeTiyn: 78_600 });
      await deliver(payload);
      const body = await review(payload.application.number);
      expect(body.checks.find((c) => c.check === 'payment')).toMatchObject({ outcome: 'review', code: 'fee_mismatch', detail: 'tariff 78640 tiyn, kiosk 78600 tiyn' });
      expect(body.status).toBe('in_review');
    });

    it('does not take 786 ₸ paid by reference for a fee of 786.40 ₸', async () => {
      const payload = madeOffline(kioskFee());
      await deliver(payload);
      const { number } = payload.application;
      expect(await t.app.sandbox!.payments.payQr(encodePaymentQr({ amountKzt: 786, reference: number }))).toMatchObject({ ok: true });
      expect(await t.app.paymentGateway.findByReference(number)).toEqual([{ status: 'paid', amountTiyn: 78_600 }]);
      await t.app.jobs.drain({ delayed: true });
      expect(await paymentCheck(number)).toMatchObject({ outcome: 'pending', code: 'payment_awaited' });
    });
  });
});
