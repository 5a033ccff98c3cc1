import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openTestDatabase } from '../db/test-database';
import { createTestApp, identifyCitizen, type TestApp } from '../test-support';

describe('sandbox tester API', () => {
  let t: TestApp;
  let paymentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { identityToken } = await identifyCitizen(t.app, t.citizen('service-13'));
    const created = await t.app.inject({
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
      await t.app.inject({ method: 'POST', url: '/api/v1/phone/start', payload: { iin: citizen.person.iin, phone: citizen.phoneToType } });
    }
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/sandbox/sms?phone=${encodeURIComponent(citizen.phoneToType)}` });
    const { messages } = response.json() as { messages: { id: number; phone: string; code: string }[] };
    expect(messages).toHaveLength(2);
    expect(messages[0]!.id).toBeGreaterThan(messages[1]!.id);
    expect(messages.every((m) => m.phone === citizen.phoneToType && /^\d{6}$/.test(m.code))).toBe(true);
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

  it('lets a tester expire a payment at once', async () => {
    const { identityToken } = await identifyCitizen(t.app, t.citizen('service-16'));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      payload: { applicationId: randomUUID(), identityToken, service: '16', document: 'passport' },
    });
    const { paymentId: id } = created.json() as { paymentId: string };
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/sandbox/payments/${id}/expire` })).json()).toMatchObject({ status: 'expired' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/payments/${id}` })).json()).toMatchObject({ status: 'expired' });
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
        registry: { findPerson: unused, referenceDescriptor: unused },
        bmg: { phoneFor: unused },
        sms: { send: unused },
        paymentGateway: { createInvoice: unused, status: unused, findByReference: unused },
      },
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/sandbox/sms' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/sandbox/payments' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.close();
    }
  }, 60_000);
});
