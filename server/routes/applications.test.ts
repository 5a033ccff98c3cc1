import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyBy } from '../../src/domain/application';
import { kazakhstanDate } from '../../src/domain/dates';
import { createTestApp, enrolTerminal, offlineApplication, postSealed, TEST_START, type TestApp, type TestTerminal } from '../test-support';

describe('GET /api/v1/applications/:number, the receipt\'s tracking QR', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  beforeAll(async () => {
    t = await createTestApp();
    terminal = await enrolTerminal(t.app, 'T-017');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  it('shows the status and the ready-by day of an application that arrived, without personal data', async () => {
    const citizen = t.citizen('service-14');
    const payload = offlineApplication(t, citizen, { terminalId: terminal.terminalId, centreId: terminal.centreId, test: false });
    expect((await postSealed(t, terminal, payload, 1)).statusCode).toBe(201);
    const { number } = payload.application;
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${number}` });
    expect(response.statusCode).toBe(200);
    // The day printed on the receipt: counted from the day the kiosk made the application.
    expect(response.json()).toMatchObject({ number, readyBy: readyBy(kazakhstanDate(TEST_START)), test: false });
    expect(['pending_checks', 'accepted', 'rejected']).toContain((response.json() as { status: string }).status);
    expect(response.body).not.toContain(citizen.person.iin);
    expect(response.body).not.toContain(citizen.person.surname);
  });

  it('answers an unknown number with 404 and a malformed one with 400', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/applications/AAAA-BBBB-CCCC' })).statusCode).toBe(404);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/applications/nope' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'invalid_request' });
  });
});
