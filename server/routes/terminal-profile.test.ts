import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, enrolTerminal, signedInject, TEST_ADMIN_TOKEN, TEST_PUBLIC_URL, type TestApp } from '../test-support';

// GET /api/v1/terminals/me: how a kiosk enrolled before the enrolment answer carried the back
// office's public address learns it (src/sync/public-url.ts). Only the terminal itself, signed.

describe('GET /api/v1/terminals/me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  it("answers the signing terminal with its id, centre and the back office's public address", async () => {
    const response = await t.asTerminal({ method: 'GET', url: '/api/v1/terminals/me' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ terminalId: 'T-TEST', centreId: 'AST-03', publicUrl: TEST_PUBLIC_URL });
  });

  it('refuses a request not signed (401), with a bad signature (401), or by a revoked terminal (403)', async () => {
    const unsigned = await t.app.inject({ method: 'GET', url: '/api/v1/terminals/me' });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toEqual({ code: 'unsigned_request' });
    // The admin's token is not a terminal.
    const admin = await t.app.inject({ method: 'GET', url: '/api/v1/terminals/me', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(admin.statusCode).toBe(401);

    const terminal = await enrolTerminal(t.app, 'T-PROFILE');
    const other = await enrolTerminal(t.app, 'T-OTHER');
    const forged = await signedInject(t.app, { ...terminal, keys: other.keys }, { method: 'GET', url: '/api/v1/terminals/me' }, t.now());
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toEqual({ code: 'bad_signature' });

    await t.app.inject({ method: 'POST', url: '/api/v1/admin/terminals/T-PROFILE/revoke', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const revoked = await signedInject(t.app, terminal, { method: 'GET', url: '/api/v1/terminals/me' }, t.now());
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()).toEqual({ code: 'revoked_terminal' });
  });

  it('changes nothing: a POST is not a route', async () => {
    const response = await t.asTerminal({ method: 'POST', url: '/api/v1/terminals/me', payload: { publicUrl: 'https://evil.example' } });
    expect(response.statusCode).toBe(404);
    expect((await t.asTerminal({ method: 'GET', url: '/api/v1/terminals/me' })).json()).toMatchObject({ publicUrl: TEST_PUBLIC_URL });
  });
});
