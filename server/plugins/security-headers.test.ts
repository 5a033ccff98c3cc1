import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from './security-headers';

describe('security headers', () => {
  let dir: string;
  let t: TestApp;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-dist-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
    await writeFile(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
    await writeFile(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1);');
    await mkdir(join(dir, 'console'));
    await writeFile(join(dir, 'console', 'index.html'), '<!doctype html><title>console</title>');
    t = await createTestApp({ staticDir: dir });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const json = { 'content-type': 'application/json; charset=utf-8' };
  /** Every kind of answer the back office gives, with the status it must have. */
  const answers: Array<[string, InjectOptions, number]> = [
    ['the kiosk page', { method: 'GET', url: '/' }, 200],
    ['a page URL the kiosk routes', { method: 'GET', url: '/step/photo?x=1' }, 200],
    ['a page of the staff console', { method: 'GET', url: '/console/applications?x=1' }, 200],
    ['an asset', { method: 'GET', url: '/assets/app-1a2b.js' }, 200],
    ['the service worker', { method: 'GET', url: '/sw.js' }, 200],
    ['a missing file', { method: 'GET', url: '/assets/missing.js' }, 404],
    ['an unknown POST', { method: 'POST', url: '/somewhere' }, 404],
    ['a sandbox page', { method: 'GET', url: '/sandbox/sms' }, 200],
    ["a sandbox page's stylesheet", { method: 'GET', url: '/sandbox/sandbox.css' }, 200],
    ['a forged sandbox form', { method: 'POST', url: '/sandbox/qr/pay', headers: { 'sec-fetch-site': 'cross-site' } }, 403],
    ['a malformed URL', { method: 'GET', url: '/%E0%A4%A' }, 400],
    ["the tracking page: a number it does not know", { method: 'GET', url: '/track/AAAA-BBBB-CCCC' }, 404],
    ["the tracking page: a URL that does not decode", { method: 'GET', url: '/track/%E0%A4%A' }, 404],
    ["the tracking page: a POST", { method: 'POST', url: '/track/AAAA-BBBB-CCCC' }, 405],
    ["the tracking page's stylesheet", { method: 'GET', url: '/track/page.css' }, 200],
    ['the API: health', { method: 'GET', url: '/api/v1/health' }, 200],
    ['the API: a malformed URL', { method: 'GET', url: '/api/v1/%E0%A4%A' }, 400],
    ['the API: an answer', { method: 'GET', url: '/api/v1/sandbox/sms' }, 200],
    ['the API: an unknown path', { method: 'GET', url: '/api/v1/missing' }, 404],
    ['the API: invalid input', { method: 'POST', url: '/api/v1/terminals/enrol', headers: json, payload: { code: 'x' } }, 400],
    ['the API: a lookup not signed by a terminal', { method: 'POST', url: '/api/v1/citizens/check', headers: json, payload: { iin: 'x' } }, 401],
    ['the API: broken JSON', { method: 'POST', url: '/api/v1/citizens/check', headers: json, payload: '{"iin":' }, 400],
    ['the API: a body that is not JSON', { method: 'POST', url: '/api/v1/citizens/check', headers: { 'content-type': 'application/xml' }, payload: '<iin/>' }, 415],
    [
      'the API: a body too large',
      { method: 'POST', url: '/api/v1/citizens/check', headers: json, payload: JSON.stringify({ iin: 'x'.repeat(2 * 1024 * 1024) }) },
      413,
    ],
  ];

  async function answer(request: InjectOptions, status: number): Promise<LightMyRequestResponse> {
    const response = await t.app.inject(request);
    expect(response.statusCode, `${request.method} ${request.url}: ${response.body.slice(0, 200)}`).toBe(status);
    return response;
  }

  it.each(answers)('%s carries the CSP, nosniff, no-referrer and the Permissions-Policy', async (_kind, request, status) => {
    const response = await answer(request, status);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it.each(answers.filter(([, request, status]) => String(request.url).startsWith('/api/') || status >= 400))(
    '%s is never stored by a cache (Cache-Control: no-store)',
    async (_kind, request, status) => {
      const response = await answer(request, status);
      expect(response.headers['cache-control']).toBe('no-store');
    },
  );

  it('refuses a URL it cannot decode with a stable code', async () => {
    const response = await answer({ method: 'GET', url: '/api/v1/%E0%A4%A' }, 400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
  });

  it('keeps the kiosk page revalidated and lets its hashed assets be cached', async () => {
    expect((await answer({ method: 'GET', url: '/' }, 200)).headers['cache-control']).toBe('no-cache');
    expect((await answer({ method: 'GET', url: '/assets/app-1a2b.js' }, 200)).headers['cache-control']).not.toMatch(/no-store|no-cache/);
  });

  it('keeps the page from being framed and allows camera, USB and HID to its own origin only', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    // Nothing loaded or run from another origin, and no inline script or eval of JS.
    for (const sources of directives.values()) {
      for (const source of sources) expect(source).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|data:)$/);
    }
    const features = PERMISSIONS_POLICY.split(', ');
    expect(features).toEqual(expect.arrayContaining(['camera=(self)', 'usb=(self)', 'hid=(self)', 'microphone=()', 'geolocation=()', 'payment=()']));
    expect(features.filter((f) => !f.endsWith('=()'))).toEqual(['camera=(self)', 'usb=(self)', 'hid=(self)']);
  });
});
