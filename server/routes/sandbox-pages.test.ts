import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, identifyCitizen, type TestApp } from '../test-support';
import { escapeHtml } from './sandbox-pages';

describe('sandbox tester pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  it('/sandbox/sms shows the messages, titled SANDBOX', async () => {
    const citizen = t.citizen('service-07');
    await t.app.inject({ method: 'POST', url: '/api/v1/phone/start', payload: { iin: citizen.person.iin, phone: citizen.phoneToType } });
    const response = await t.app.inject({ method: 'GET', url: '/sandbox/sms' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<title>SANDBOX');
    expect(response.body).toContain(citizen.phoneToType);
    expect(response.body).toContain('никому не сообщайте');
  });

  it('/sandbox/payments has Pay, Decline and Let expire for a pending payment, and Pay works as a plain form', async () => {
    const { identityToken } = await identifyCitizen(t.app, t.citizen('service-13'));
    const applicationId = randomUUID();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      payload: { applicationId, identityToken, service: '13', document: 'passport' },
    });
    const { paymentId } = created.json() as { paymentId: string };
    const page = await t.app.inject({ method: 'GET', url: '/sandbox/payments' });
    expect(page.body).toContain('<meta http-equiv="refresh"');
    for (const action of ['pay', 'decline', 'expire']) expect(page.body).toContain(`/sandbox/payments/${paymentId}/${action}`);
    expect(page.body).toContain('Let expire');

    const pressed = await t.app.inject({
      method: 'POST',
      url: `/sandbox/payments/${paymentId}/pay`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(pressed.statusCode).toBe(303);
    expect(pressed.headers.location).toBe('/sandbox/payments');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/payments/${paymentId}` })).json()).toMatchObject({ status: 'paid' });
  });

  it('escapes what it shows', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;');
  });
});
