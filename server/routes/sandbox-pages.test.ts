import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePaymentQr } from '../../src/domain/payment-qr';
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
    await t.asTerminal({ method: 'POST', url: '/api/v1/phone/start', payload: { iin: citizen.person.iin, phone: citizen.phoneToType } });
    const response = await t.app.inject({ method: 'GET', url: '/sandbox/sms' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<title>SANDBOX');
    expect(response.body).toContain(citizen.phoneToType);
    expect(response.body).toContain('никому не сообщайте');
  });

  it('/sandbox/payments has Pay, Decline and Let expire for a pending payment, and Pay works as a plain form', async () => {
    const { identityToken } = await identifyCitizen(t, t.citizen('service-13'));
    const applicationId = randomUUID();
    const created = await t.asTerminal({
      method: 'POST',
      url: '/api/v1/payments',
      payload: { applicationId, identityToken, service: '13', document: 'passport' },
    });
    const { paymentId } = created.json() as { paymentId: string };
    const page = await t.app.inject({ method: 'GET', url: '/sandbox/payments' });
    // Refreshes itself, but not while a QR is being pasted.
    expect(page.body).toContain("if (!document.getElementById('qr').value.trim()) location.reload();");
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
    expect((await t.asTerminal({ method: 'GET', url: `/api/v1/payments/${paymentId}` })).json()).toMatchObject({ status: 'paid' });
  });

  it('/sandbox/payments pays a QR the kiosk made offline, pasted into its form', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/sandbox/payments' });
    expect(page.body).toContain('Pay a QR the kiosk made offline');
    expect(page.body).toContain('<form method="post" action="/sandbox/qr/pay"');
    expect(page.body).toContain('name="qrPayload"');

    const qrPayload = encodePaymentQr({ amountKzt: 865, reference: 'KZ-PAGE-1' });
    const pressed = await t.app.inject({
      method: 'POST',
      url: '/sandbox/qr/pay',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      // As pasted: with the line break after it.
      payload: new URLSearchParams({ qrPayload: `${qrPayload}\r\n` }).toString(),
    });
    expect(pressed.statusCode, pressed.body).toBe(303);
    expect(pressed.headers.location).toBe('/sandbox/payments');
    expect(await t.app.paymentGateway.findByReference('KZ-PAGE-1')).toEqual([{ status: 'paid', amountKzt: 865 }]);
    expect((await t.app.inject({ method: 'GET', url: '/sandbox/payments' })).body).toContain('KZ-PAGE-1');
  });

  it('says why a pasted QR is not paid, and shows the text back escaped', async () => {
    const pressed = await t.app.inject({
      method: 'POST',
      url: '/sandbox/qr/pay',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ qrPayload: '<b>not a QR</b>' }).toString(),
    });
    expect(pressed.statusCode).toBe(400);
    expect(pressed.headers['content-type']).toMatch(/^text\/html/);
    expect(pressed.body).toContain('qr_malformed');
    expect(pressed.body).toContain('&#60;b&#62;not a QR&#60;/b&#62;');
    expect(pressed.body).not.toContain('<b>not a QR');
    // A page answering a POST must not reload itself into a GET of the same address.
    expect(pressed.body).not.toContain('http-equiv="refresh"');
    expect(pressed.body).not.toContain('location.reload');

    const nothing = await t.app.inject({ method: 'POST', url: '/sandbox/qr/pay', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('qr_malformed');
  });

  it('escapes what it shows', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;');
  });
});
