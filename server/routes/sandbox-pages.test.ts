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
    // Refreshes itself, but not while a QR is being pasted, by a script the page loads (no inline script under the CSP).
    expect(page.body).toContain('<script src="/sandbox/refresh-unless-typing.js" defer></script>');
    const script = await t.app.inject({ method: 'GET', url: '/sandbox/refresh-unless-typing.js' });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toContain("if (!document.getElementById('qr').value.trim()) location.reload();");
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
    expect(await t.app.paymentGateway.findByReference('KZ-PAGE-1')).toEqual([{ status: 'paid', amountTiyn: 86_500 }]);
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
    expect(pressed.body).not.toContain('refresh-unless-typing');

    const nothing = await t.app.inject({ method: 'POST', url: '/sandbox/qr/pay', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('qr_malformed');
  });

  it("refuses a form another site's page sends (by Sec-Fetch-Site, or by Origin from an older browser) with a 403, and pays nothing", async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const payload = new URLSearchParams({ qrPayload: encodePaymentQr({ amountKzt: 865, reference: 'KZ-FORGED-1' }) }).toString();
    const forged: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site', origin: 'https://other.kiosk.example' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of forged) {
      const response = await t.app.inject({ method: 'POST', url: '/sandbox/qr/pay', headers: { ...form, ...headers }, payload });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json()).toMatchObject({ code: 'cross_site_request' });
    }
    const pay = await t.app.inject({ method: 'POST', url: '/sandbox/payments/some-id/pay', headers: { ...form, 'sec-fetch-site': 'cross-site' }, payload: '' });
    expect(pay.statusCode).toBe(403);
    expect(await t.app.paymentGateway.findByReference('KZ-FORGED-1')).toEqual([]);

    // The page's own form, from a browser (same-origin; or the same host in Origin), is taken.
    const own = await t.app.inject({
      method: 'POST',
      url: '/sandbox/qr/pay',
      headers: { ...form, 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' },
      payload,
    });
    expect(own.statusCode, own.body).toBe(303);
    const older = await t.app.inject({ method: 'POST', url: '/sandbox/qr/pay', headers: { ...form, host: 'kiosk.example', origin: 'https://kiosk.example' }, payload });
    // Already paid: refused by the gateway, not by the origin check.
    expect(older.statusCode).toBe(409);
  });

  it('has no inline style, script or event handler, which the Content-Security-Policy would block', async () => {
    const pages = [
      await t.app.inject({ method: 'GET', url: '/sandbox/sms' }),
      await t.app.inject({ method: 'GET', url: '/sandbox/payments' }),
      await t.app.inject({ method: 'POST', url: '/sandbox/qr/pay', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'qrPayload=x' }),
    ];
    for (const page of pages) {
      expect(page.body).toContain('<link rel="stylesheet" href="/sandbox/sandbox.css">');
      expect(page.body).not.toMatch(/<style|<script>|\sstyle=|\son[a-z]+=/);
      expect(page.headers['content-security-policy']).toContain("style-src 'self'");
    }
    const css = await t.app.inject({ method: 'GET', url: '/sandbox/sandbox.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.body).toContain('.banner{');
  });

  it('escapes what it shows', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;');
  });
});
