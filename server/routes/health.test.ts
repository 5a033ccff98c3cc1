import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../db/test-database';
import { createTestApp, type TestApp } from '../test-support';

describe('GET /api/v1/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  it('says ok, which database, and the version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', db: TEST_DATABASE_URL ? 'postgres' : 'pglite', version: '0.1.0' });
  });

  it("dates its answers by the back office's clock, which a kiosk refused as stale learns its time from", async () => {
    t.advance(400 * 24 * 3600);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.headers.date).toBe(t.now().toUTCString());
    expect(Date.parse(String(response.headers.date))).not.toBe(Math.floor(Date.now() / 1000) * 1000);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'not_found' });
  });

  it('answers a body that is not JSON with a JSON 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizens/check',
      headers: { 'content-type': 'application/json' },
      payload: '{"iin":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
  });
});
