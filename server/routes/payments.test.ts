import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationNumber } from '../../src/domain/application';
import { feeFor } from '../../src/domain/fees';
import { parseEmvQr, parseTlv } from '../../src/domain/payment-qr';
import { signRequest } from '../../src/sync/request-signature';
import type { PaymentRecord } from '../repositories/payments';
import { createTestApp, enrolTerminal, identifyCitizen, signedInject, TEST_ADMIN_TOKEN, type TestApp } from '../test-support';
import { enterMrpForTest } from '../repositories/reference-data';

describe('payments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const create = (payload: object) => t.asTerminal({ method: 'POST', url: '/api/v1/payments', payload });
  const read = (id: string) => t.asTerminal({ method: 'GET', url: `/api/v1/payments/${id}` });
  const tariff = (service: '09' | '13', document: 'id_card' | 'passport', lost = 0) =>
    feeFor({ service, document, on: '2026-03-02', lostIdCardsThisYear: lost }).amountTiyn;
  const identified = async (tag: string) => (await identifyCitizen(t, t.citizen(tag))).identityToken;

  it('creates a pending QR payment for the tariff, with the application number as reference', async () => {
    const identityToken = await identified('service-13');
    const applicationId = randomUUID();
    const response = await create({ applicationId, identityToken, service: '13', document: 'passport' });
    expect(response.statusCode).toBe(201);
    const payment = response.json() as { paymentId: string; amountTiyn: number; amountKzt?: number; qrPayload: string; status: string; expiresAt: string };
    expect(payment).toMatchObject({ amountTiyn: tariff('13', 'passport'), status: 'pending' });
    expect(payment.amountTiyn).toBe(3_460_000);
    // For kiosks of before the tiyn until they reload: the same whole amount in tenge.
    expect(payment.amountKzt).toBe(34_600);
    expect(new Date(payment.expiresAt).getTime() - t.now().getTime()).toBe(15 * 60 * 1000);
    const qr = parseEmvQr(payment.qrPayload);
    expect(qr.get('54')).toBe('34600.00');
    expect(parseTlv(qr.get('62') ?? '').get('05')).toBe(applicationNumber(applicationId));

    const again = await create({ applicationId, identityToken, service: '13', document: 'passport' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(payment);
  });

  it('charges 1 MRP for a third lost ID card and 0.2 MRP for a first', async () => {
    const repeated = await create({ applicationId: randomUUID(), identityToken: await identified('service-09-lost-repeatedly'), service: '09', document: 'id_card' });
    expect(repeated.json()).toMatchObject({ amountTiyn: tariff('09', 'id_card', 3) });
    const first = await create({ applicationId: randomUUID(), identityToken: await identified('service-09'), service: '09', document: 'id_card' });
    expect(first.json()).toMatchObject({ amountTiyn: tariff('09', 'id_card') });
    expect(tariff('09', 'id_card', 3)).toBeGreaterThan(tariff('09', 'id_card'));
  });

  it('needs no payment for an ID card replaced on expiry', async () => {
    const response = await create({ applicationId: randomUUID(), identityToken: await identified('service-18'), service: '18', document: 'id_card' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ amountTiyn: 0, qrPayload: '', status: 'not_required' });
  });

  it('follows the sandbox gateway: paid, declined', async () => {
    const identityToken = await identified('service-16');
    const paid = (await create({ applicationId: randomUUID(), identityToken, service: '16', document: 'passport' })).json() as { paymentId: string };
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${paid.paymentId}/pay` })).statusCode).toBe(200);
    expect((await read(paid.paymentId)).json()).toMatchObject({ status: 'paid' });

    const declined = (await create({ applicationId: randomUUID(), identityToken, service: '16', document: 'passport' })).json() as { paymentId: string };
    await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${declined.paymentId}/decline` });
    expect((await read(declined.paymentId)).json()).toMatchObject({ status: 'declined' });
  });

  it('expires an unpaid payment after 15 minutes, and then a new one can be made for the application', async () => {
    const identityToken = await identified('service-04-passport');
    const applicationId = randomUUID();
    const first = (await create({ applicationId, identityToken, service: '04', document: 'passport' })).json() as { paymentId: string };
    t.advance(15 * 60 - 1);
    expect((await read(first.paymentId)).json()).toMatchObject({ status: 'pending' });
    t.advance(1);
    expect((await read(first.paymentId)).json()).toMatchObject({ status: 'expired' });
    const sandboxPay = await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${first.paymentId}/pay` });
    expect(sandboxPay.statusCode).toBe(409);

    const second = await create({ applicationId, identityToken, service: '04', document: 'passport' });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ status: 'pending' });
    expect((second.json() as { paymentId: string }).paymentId).not.toBe(first.paymentId);
  });

  it('refuses without an identity token with 403 unverified_identity', async () => {
    const response = await create({ applicationId: randomUUID(), identityToken: 'made-up', service: '07', document: 'id_card' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'unverified_identity' });
  });

  it('refuses a service the person may not apply for with 422 and the refusal code', async () => {
    const response = await create({ applicationId: randomUUID(), identityToken: await identified('service-04'), service: '13', document: 'passport' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ code: 'no_document_on_record' });
  });

  it("refuses another person's application id with 409 conflict", async () => {
    const applicationId = randomUUID();
    await create({ applicationId, identityToken: await identified('service-07'), service: '07', document: 'id_card' });
    const response = await create({ applicationId, identityToken: await identified('service-14'), service: '14', document: 'id_card' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ code: 'conflict' });
  });

  it('says how many seconds the QR stays valid, by its own clock, and 0 once it is settled', async () => {
    const identityToken = await identified('service-16');
    const payment = (await create({ applicationId: randomUUID(), identityToken, service: '16', document: 'passport' })).json() as { paymentId: string; expiresInS: number };
    expect(payment.expiresInS).toBe(15 * 60);
    t.advance(100);
    expect((await read(payment.paymentId)).json()).toMatchObject({ status: 'pending', expiresInS: 15 * 60 - 100 });
    await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${payment.paymentId}/pay` });
    expect((await read(payment.paymentId)).json()).toMatchObject({ status: 'paid', expiresInS: 0 });
  });

  it('shows a new QR after a decline: a new payment whose QR is not the refused one, and only the new one can be paid', async () => {
    const identityToken = await identified('service-16');
    const applicationId = randomUUID();
    const body = { applicationId, identityToken, service: '16', document: 'passport' };
    const first = (await create(body)).json() as { paymentId: string; qrPayload: string };
    await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${first.paymentId}/decline` });
    const second = await create(body);
    expect(second.statusCode).toBe(201);
    const renewed = second.json() as { paymentId: string; qrPayload: string; status: string };
    expect(renewed.status).toBe('pending');
    expect(renewed.paymentId).not.toBe(first.paymentId);
    expect(renewed.qrPayload).not.toBe(first.qrPayload);
    // Both carry the application number: the bank shows it, the back office finds the payment by it.
    expect(parseTlv(parseEmvQr(renewed.qrPayload).get('62') ?? '').get('05')).toBe(applicationNumber(applicationId));

    expect(await t.app.sandbox!.payments.payQr(first.qrPayload)).toMatchObject({ ok: false, code: 'not_pending' });
    expect(await t.app.sandbox!.payments.payQr(renewed.qrPayload)).toMatchObject({ ok: true });
    expect((await read(renewed.paymentId)).json()).toMatchObject({ status: 'paid' });
  });

  it('answers an unknown payment with 404 not_found', async () => {
    expect((await read(randomUUID())).statusCode).toBe(404);
    expect((await read('not-a-uuid')).json()).toEqual({ code: 'not_found' });
  });
});

describe('a long poll of a payment (GET /payments/:id?waitS=)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const read = (id: string, query = '') => t.asTerminal({ method: 'GET', url: `/api/v1/payments/${id}${query}` });
  // Identified once: a citizen's SMS codes are limited, as they are for a person at a kiosk.
  let identityToken: string | undefined;
  const pending = async () => {
    identityToken ??= (await identifyCitizen(t, t.citizen('service-16'))).identityToken;
    const response = await t.asTerminal({ method: 'POST', url: '/api/v1/payments', payload: { applicationId: randomUUID(), identityToken, service: '16', document: 'passport' } });
    return (response.json() as { paymentId: string }).paymentId;
  };

  /**
   * Runs `then` once the held request has read the payment again while waiting (its second read of
   * the row): what `then` changes happens during the wait, not before the request was answered.
   */
  function duringTheWait(then: () => Promise<unknown>): () => void {
    const repository = t.app.payments;
    const read = repository.findById.bind(repository);
    let reads = 0;
    repository.findById = async (id: string): Promise<PaymentRecord | null> => {
      const record = await read(id);
      if (++reads === 2) await then();
      return record;
    };
    return () => {
      repository.findById = read;
    };
  }

  it('answers as soon as the payment is paid by someone else (the gateway), not after the wait', async () => {
    const id = await pending();
    const restore = duringTheWait(() => t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${id}/pay` }));
    try {
      const response = await read(id, '?waitS=20');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ paymentId: id, status: 'paid' });
    } finally {
      restore();
    }
  });

  it('answers "pending" with the seconds left when nothing happened in the wait', async () => {
    const id = await pending();
    const response = await read(id, '?waitS=1');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'pending', expiresInS: 15 * 60 });
  });

  it('answers a payment already settled at once, whatever the wait asked (a larger one is cut to 25 s)', async () => {
    const id = await pending();
    await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${id}/decline` });
    expect((await read(id, '?waitS=9999')).json()).toMatchObject({ status: 'declined' });
    expect((await read(randomUUID(), '?waitS=25')).statusCode).toBe(404);
  });

  it('refuses a wait that is not a number of seconds with 400, and stores nothing', async () => {
    const id = await pending();
    for (const query of ['?waitS=', '?waitS=abc', '?waitS=-1', '?waitS=1.5', '?waitS=1e3', '?waitS=99999', '?waitS=1&waitS=2', '?wait=5']) {
      const response = await read(id, query);
      expect(response.statusCode, query).toBe(400);
      expect((response.json() as { code: string }).code, query).toBeTypeOf('string');
    }
    expect((await read(id)).json()).toMatchObject({ status: 'pending' });
  });

  it('refuses callers other than an enrolled terminal that signed this very request', async () => {
    const id = await pending();
    const url = `/api/v1/payments/${id}?waitS=1`;
    const unsigned = await t.app.inject({ method: 'GET', url });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toEqual({ code: 'unsigned_request' });

    // The wait is part of what is signed: a request whose query was changed on the way is refused.
    const terminal = await enrolTerminal(t.app, 'T-LONG-POLL');
    const signer = { terminalId: terminal.terminalId, signingKey: terminal.keys.privateKey };
    const headers = await signRequest(signer, { method: 'GET', path: url, body: null }, t.now());
    const tampered = await t.app.inject({ method: 'GET', url: `/api/v1/payments/${id}?waitS=25`, headers });
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json()).toEqual({ code: 'bad_signature' });
    expect((await t.app.inject({ method: 'GET', url, headers })).statusCode).toBe(200);

    await t.app.inject({ method: 'POST', url: `/api/v1/admin/terminals/${terminal.terminalId}/revoke`, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const revoked = await signedInject(t.app, terminal, { method: 'GET', url }, t.now());
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()).toEqual({ code: 'revoked_terminal' });
  });

  // Last: it moves the clock past the identity's lifetime.
  it('answers "expired" when the QR runs out during the wait', async () => {
    const id = await pending();
    const restore = duringTheWait(async () => t.advance(15 * 60));
    try {
      expect((await read(id, '?waitS=20')).json()).toMatchObject({ status: 'expired', expiresInS: 0 });
    } finally {
      restore();
    }
  });
});

describe('payments in a year whose MRP is not entered', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // To Monday 4 January 2027, 09:00 in Astana: the back office holds MRPs up to 2026 (migration 0010).
    t.advance((Date.parse('2027-01-04T04:00:00Z') - t.now().getTime()) / 1000);
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const create = (payload: object) => t.asTerminal({ method: 'POST', url: '/api/v1/payments', payload });

  it('answers 422 fee_unknown and makes no invoice, then charges the figure once it is entered as data', async () => {
    const { identityToken } = await identifyCitizen(t, t.citizen('service-07'));
    const applicationId = randomUUID();
    const body = { applicationId, identityToken, service: '07', document: 'id_card' };
    const deferred = await create(body);
    expect(deferred.statusCode).toBe(422);
    expect(deferred.json()).toEqual({ code: 'fee_unknown', detail: 'no MRP entered for 2027' });
    expect((await t.db.query('SELECT 1 FROM payments WHERE application_id = $1', [applicationId])).rows).toEqual([]);

    await enterMrpForTest(t.db, t.app.backOfficeKeys, t.app.clock(), 2027, 4500);
    const charged = await create(body);
    expect(charged.statusCode).toBe(201);
    expect(charged.json()).toMatchObject({ amountTiyn: 90_000, status: 'pending' });
  });

  it('charges to the tiyn when 0.2 MRP has them, and then gives no whole-tenge amount to kiosks of before the tiyn', async () => {
    await enterMrpForTest(t.db, t.app.backOfficeKeys, t.app.clock(), 2027, 3932);
    const { identityToken } = await identifyCitizen(t, t.citizen('service-07'));
    const charged = await create({ applicationId: randomUUID(), identityToken, service: '07', document: 'id_card' });
    expect(charged.statusCode).toBe(201);
    const payment = charged.json() as { amountTiyn: number; qrPayload: string };
    expect(payment).toMatchObject({ amountTiyn: 78_640, status: 'pending' });
    expect(payment).not.toHaveProperty('amountKzt');
    expect(parseEmvQr(payment.qrPayload).get('54')).toBe('786.40');
  });
});
