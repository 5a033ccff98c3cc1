import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePaymentQr, SANDBOX_MERCHANT } from '../../src/domain/payment-qr';
import type { Enrolled, PublicKeyJwk } from '../../src/protocol/packets';
import { KioskDb } from '../../src/sync/kiosk-db';
import { exportPublicJwk, makeTerminalKeys } from '../../src/sync/seal';
import { enrolTerminal, sealApplication } from '../../src/sync/terminal';
import type { SandboxPayment } from '../adapters/sandbox-payments';
import { buildApp } from '../app';
import { openTestDatabase } from '../db/test-database';
import { settleApplication } from '../sync/settle-application';
import { createTestApp, identifyCitizen, offlineApplication, TEST_ADMIN_TOKEN, TEST_START, type TestApp } from '../test-support';
import type { TerminalList } from './admin';

describe('sandbox tester API', () => {
  let t: TestApp;
  let paymentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { identityToken } = await identifyCitizen(t, t.citizen('service-13'));
    const created = await t.asTerminal({
      method: 'POST',
      url: '/api/v1/payments',
      payload: { applicationId: randomUUID(), identityToken, service: '13', document: 'passport' },
    });
    paymentId = (created.json() as { paymentId: string }).paymentId;
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  it('lists the latest SMS for a phone, newest first, with the code picked out', async () => {
    const citizen = t.citizen('service-07');
    for (let i = 0; i < 2; i++) {
      await t.asTerminal({ method: 'POST', url: '/api/v1/phone/start', payload: { iin: citizen.person.iin, phone: citizen.phoneToType } });
      t.advance(60); // one SMS a minute to a phone
    }
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/sandbox/sms?phone=${encodeURIComponent(citizen.phoneToType)}` });
    const { messages } = response.json() as { messages: { id: number; phone: string; code: string }[] };
    expect(messages).toHaveLength(2);
    expect(messages[0]!.id).toBeGreaterThan(messages[1]!.id);
    expect(messages.every((m) => m.phone === citizen.phoneToType && /^\d{6}$/.test(m.code))).toBe(true);
  });

  it("gives a synthetic citizen's reference face, for a tester who needs one at a chosen distance", async () => {
    const citizen = t.citizen('service-07');
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/sandbox/citizens/${citizen.person.iin}/reference-face` });
    expect(response.statusCode).toBe(200);
    const { descriptor } = response.json() as { descriptor: number[] };
    expect(descriptor).toEqual(await t.app.registry.referenceDescriptor(citizen.person.iin));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/sandbox/citizens/${t.citizen('no-reference-photo').person.iin}/reference-face` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sandbox/citizens/12345/reference-face' })).statusCode).toBe(400);
  });

  it('lists payments, all or by status', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/sandbox/payments' })).json() as { payments: { id: string; status: string }[] };
    expect(all.payments.map((p) => p.id)).toContain(paymentId);
    const pending = (await t.app.inject({ method: 'GET', url: '/api/v1/sandbox/payments?status=pending' })).json() as { payments: { status: string }[] };
    expect(pending.payments.every((p) => p.status === 'pending')).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sandbox/payments?status=lost' })).statusCode).toBe(400);
  });

  it('settles a pending payment once: pay, then 409 not_pending; unknown 404', async () => {
    const paid = await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${paymentId}/pay` });
    expect(paid.json()).toMatchObject({ id: paymentId, status: 'paid' });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${paymentId}/decline` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'not_pending' });
    const unknown = await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${randomUUID()}/expire` });
    expect(unknown.statusCode).toBe(404);
  });

  it("refuses another site's page that would pay, settle or enrol through a tester's browser, and changes nothing", async () => {
    const { identityToken } = await identifyCitizen(t, t.citizen('service-13'));
    const created = await t.asTerminal({ method: 'POST', url: '/api/v1/payments', payload: { applicationId: randomUUID(), identityToken, service: '13', document: 'passport' } });
    const { paymentId: id } = created.json() as { paymentId: string };
    const fromElsewhere = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'null' }];
    for (const headers of fromElsewhere) {
      for (const url of [`/api/v1/sandbox/payments/${id}/pay`, '/api/v1/sandbox/terminals', '/api/v1/sandbox/qr/pay']) {
        const refused = await t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: '{}' });
        expect(refused.statusCode, `${url} ${JSON.stringify(headers)}`).toBe(403);
        expect(refused.json()).toMatchObject({ code: 'cross_site_request' });
      }
    }
    expect((await t.asTerminal({ method: 'GET', url: `/api/v1/payments/${id}` })).json()).toMatchObject({ status: 'pending' });
    // Its own page, and a client that is no browser, still may.
    const own = await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${id}/pay`, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(own.json()).toMatchObject({ status: 'paid' });
  });

  it('lets a tester expire a payment at once', async () => {
    const { identityToken } = await identifyCitizen(t, t.citizen('service-16'));
    const created = await t.asTerminal({
      method: 'POST',
      url: '/api/v1/payments',
      payload: { applicationId: randomUUID(), identityToken, service: '16', document: 'passport' },
    });
    const { paymentId: id } = created.json() as { paymentId: string };
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${id}/expire` })).json()).toMatchObject({ status: 'expired' });
    expect((await t.asTerminal({ method: 'GET', url: `/api/v1/payments/${id}` })).json()).toMatchObject({ status: 'expired' });
  });
});

// The kiosk's offline-first journey against the sandbox, without a technician: it enrols itself,
// seals an application made offline, and the citizen pays the QR the kiosk made on their phone.
describe('sandbox self-enrolment and QRs paid from the phone', () => {
  let t: TestApp;
  const kiosks: KioskDb[] = [];
  beforeAll(async () => {
    // The deferred checks are run by the test itself, so it knows when they are done.
    t = await createTestApp({ deferredChecks: async () => {} });
  }, 60_000);
  afterAll(async () => {
    for (const kiosk of kiosks) kiosk.close();
    await t.close();
  }, 60_000);

  const enrolItself = (publicKey: PublicKeyJwk) => t.app.inject({ method: 'POST', url: '/api/v1/sandbox/terminals', payload: { publicKey } });
  const payQr = (qrPayload: string) => t.app.inject({ method: 'POST', url: '/api/v1/sandbox/qr/pay', payload: { qrPayload } });
  const listTerminals = async () =>
    ((await t.app.inject({ method: 'GET', url: '/api/v1/admin/terminals', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).json() as TerminalList)
      .terminals;

  /** A fresh browser profile: its own IndexedDB, enrolled by the kiosk's own code through the sandbox route. */
  async function newKiosk(): Promise<{ db: KioskDb; enrolled: Enrolled }> {
    const db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    kiosks.push(db);
    let enrolled: Enrolled | undefined;
    await enrolTerminal(db, 'unused', async ({ publicKey }) => {
      const response = await enrolItself(publicKey);
      expect(response.statusCode, response.body).toBe(201);
      enrolled = response.json() as Enrolled;
      return enrolled;
    });
    return { db, enrolled: enrolled! };
  }

  it('gives each new key a terminal of its own, enrolled as a technician would', async () => {
    const first = await newKiosk();
    const second = await newKiosk();
    for (const { enrolled } of [first, second]) {
      expect(enrolled.terminalId).toMatch(/^SBX-[A-Z2-9]{8}$/);
      expect(enrolled).toMatchObject({ centreId: 'AST-ESIL', backOfficeKey: t.app.backOfficeKeys.publicJwk, enrolledAt: TEST_START.toISOString() });
    }
    expect(first.enrolled.terminalId).not.toBe(second.enrolled.terminalId);
    const listed = await listTerminals();
    for (const { enrolled } of [first, second]) {
      expect(listed).toContainEqual(expect.objectContaining({ terminalId: enrolled.terminalId, centreId: 'AST-ESIL', enrolledAt: TEST_START.toISOString(), revokedAt: null }));
    }
    // The stored key is the kiosk's own.
    const terminal = await t.app.terminals.find(first.enrolled.terminalId);
    expect(terminal?.publicKey).toEqual((await first.db.terminal.toArray())[0]?.publicKeyJwk);
  });

  it('refuses a key that is not a P-256 point, and leaves no terminal behind', async () => {
    const before = await listTerminals();
    const publicKey = await exportPublicJwk((await makeTerminalKeys()).publicKey);
    const response = await enrolItself({ ...publicKey, y: publicKey.x });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
    expect(await listTerminals()).toEqual(before);
    const extra = await t.app.inject({ method: 'POST', url: '/api/v1/sandbox/terminals', payload: { publicKey, code: 'ABCD-EFGH' } });
    expect(extra.statusCode).toBe(400);
  });

  it('an application made offline on a self-enrolled kiosk: packet taken, fee awaited, QR paid from the phone, accepted', async () => {
    const { db, enrolled } = await newKiosk();
    const payload = offlineApplication(t, t.citizen('service-13'), { terminalId: enrolled.terminalId, centreId: enrolled.centreId });
    const { number, feeTiyn } = payload.application;
    expect(feeTiyn).toBeGreaterThan(0);
    const packet = await sealApplication(db, payload, t.now);
    const received = await t.app.inject({ method: 'POST', url: '/api/v1/packets', payload: packet });
    expect(received.statusCode, received.body).toBe(201);

    const before = await settleApplication(payload, t.app);
    expect(before.status).toBe('pending_checks');
    expect(before.outcomes.find((o) => o.check === 'payment')).toMatchObject({ outcome: 'pending', detail: 'reference' });

    // The QR the kiosk showed offline, as the citizen's bank reads it.
    const qrPayload = encodePaymentQr({ amountTiyn: feeTiyn, reference: number });
    const paid = await payQr(qrPayload);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ reference: number, amountTiyn: feeTiyn, qrPayload, status: 'paid' });
    expect(await t.app.paymentGateway.findByReference(number)).toEqual([{ status: 'paid', amountTiyn: feeTiyn }]);

    const after = await settleApplication(payload, t.app);
    expect(after.outcomes.find((o) => o.check === 'payment')).toMatchObject({ outcome: 'passed', detail: 'reference' });
    expect(after.status).toBe('accepted');

    // Paid once: the same QR again is refused, and nothing more is received.
    const again = await payQr(qrPayload);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'not_pending' });
    expect(await t.app.paymentGateway.findByReference(number)).toHaveLength(1);
  });

  it('refuses a QR that is not one of ours, with a code', async () => {
    const ours = encodePaymentQr({ amountKzt: 3_460, reference: 'KZ-TEST-1' });
    const cases: Array<[string, string]> = [
      ['not a QR at all', 'qr_malformed'],
      [`${ours.slice(0, -4)}0000`, 'qr_crc_mismatch'],
      [encodePaymentQr({ amountKzt: 3_460, reference: 'KZ-TEST-1' }, { ...SANDBOX_MERCHANT, account: '123456789012' }), 'qr_not_ours'],
      [encodePaymentQr({ amountKzt: 3_460, reference: 'KZ-TEST-1' }, { ...SANDBOX_MERCHANT, guid: 'kz.kaspi' }), 'qr_not_ours'],
    ];
    for (const [qrPayload, code] of cases) {
      const response = await payQr(qrPayload);
      expect(response.statusCode, qrPayload).toBe(400);
      expect(response.json()).toMatchObject({ code });
    }
    expect(await t.app.paymentGateway.findByReference('KZ-TEST-1')).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/sandbox/qr/pay', payload: {} })).statusCode).toBe(400);
  });

  it('a QR the gateway issued: pays that payment instead of making a second one', async () => {
    const { identityToken } = await identifyCitizen(t, t.citizen('service-09'));
    const created = await t.asTerminal({
      method: 'POST',
      url: '/api/v1/payments',
      payload: { applicationId: randomUUID(), identityToken, service: '09', document: 'id_card' },
    });
    const { paymentId, qrPayload } = created.json() as { paymentId: string; qrPayload: string };
    const paid = await payQr(qrPayload);
    expect(paid.statusCode, paid.body).toBe(200);
    const payment = paid.json() as SandboxPayment;
    expect(payment).toMatchObject({ id: paymentId, qrPayload, status: 'paid' });
    expect(await t.app.paymentGateway.findByReference(payment.reference)).toHaveLength(1);
    expect((await t.asTerminal({ method: 'GET', url: `/api/v1/payments/${paymentId}` })).json()).toMatchObject({ status: 'paid' });
  });
});

describe('without the sandbox adapters', () => {
  it('mounts no sandbox routes or pages', async () => {
    const db = await openTestDatabase();
    const unused = async () => {
      throw new Error('not in this test');
    };
    const app = await buildApp({
      db,
      sandbox: false,
      systems: {
        registry: { findPerson: unused, referenceDescriptor: unused, referencePhoto: unused },
        bmg: { phoneFor: unused },
        sms: { send: unused },
        paymentGateway: { createInvoice: unused, status: unused, findByReference: unused },
      },
      publicUrl: 'https://track.example.kz',
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/sandbox/sms' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/v1/sandbox/citizens/900101300017/reference-face' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'POST', url: '/api/v1/sandbox/terminals', payload: {} })).statusCode).toBe(404);
      expect((await app.inject({ method: 'POST', url: '/api/v1/sandbox/qr/pay', payload: { qrPayload: 'x' } })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/sandbox/payments' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.close();
    }
  }, 60_000);
});
