import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROLMENT_CODE_HOURS, EnrolmentCode, type Enrolled, type TerminalCreated } from '../../src/protocol/packets';
import { Value } from '@sinclair/typebox/value';
import { exportPublicJwk, makeTerminalKeys } from '../../src/sync/seal';
import { NEVER_HEARD } from '../terminals/fleet';
import { createTestApp, TEST_ADMIN_TOKEN, TEST_PUBLIC_URL, TEST_START, type TestApp } from '../test-support';

const ADMIN = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

describe('terminals: admin and enrolment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const create = (terminalId: string, centreId = 'AST-03') =>
    t.app.inject({ method: 'POST', url: '/api/v1/admin/terminals', headers: ADMIN, payload: { terminalId, centreId } });
  const enrol = async (code: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/terminals/enrol',
      payload: { code, publicKey: await exportPublicJwk((await makeTerminalKeys()).publicKey) },
    });

  describe('the admin token', () => {
    it.each([
      ['no Authorization header', {}],
      ['a wrong token', { authorization: 'Bearer not-the-token' }],
      ['the token without the Bearer scheme', { authorization: TEST_ADMIN_TOKEN }],
    ])('is required: %s → 401', async (_name, headers) => {
      const requests = [
        t.app.inject({ method: 'POST', url: '/api/v1/admin/terminals', headers, payload: { terminalId: 'T-401', centreId: 'AST-03' } }),
        t.app.inject({ method: 'POST', url: '/api/v1/admin/terminals/T-401/revoke', headers }),
        t.app.inject({ method: 'GET', url: '/api/v1/admin/terminals', headers }),
      ];
      for (const response of await Promise.all(requests)) {
        expect(response.statusCode).toBe(401);
        expect(response.json()).toEqual({ code: 'unauthorised' });
        expect(response.headers['www-authenticate']).toBe('Bearer');
      }
      // Nothing was created by the refused request.
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/terminals', headers: ADMIN });
      expect(list.body).not.toContain('T-401');
    });
  });

  it('creates a terminal with a one-time code that enrols it once', async () => {
    const created = await create('T-100');
    expect(created.statusCode).toBe(201);
    const body = created.json() as TerminalCreated;
    expect(Value.Check(EnrolmentCode, body.code)).toBe(true);
    expect(body.code).not.toMatch(/[IOL01]/);
    expect(body).toMatchObject({ terminalId: 'T-100', centreId: 'AST-03' });
    expect(new Date(body.expiresAt).getTime()).toBe(TEST_START.getTime() + ENROLMENT_CODE_HOURS * 3_600_000);

    const first = await enrol(body.code);
    expect(first.statusCode).toBe(201);
    const enrolled = first.json() as Enrolled;
    expect(enrolled).toEqual({
      terminalId: 'T-100',
      centreId: 'AST-03',
      backOfficeKey: t.app.backOfficeKeys.publicJwk,
      enrolledAt: TEST_START.toISOString(),
      // What every receipt's QR will carry (PUBLIC_URL), kept by the kiosk with its identity.
      publicUrl: TEST_PUBLIC_URL,
    });
    expect(enrolled.backOfficeKey).not.toHaveProperty('d');

    const second = await enrol(body.code);
    expect(second.statusCode).toBe(400);
    expect(second.json()).toEqual({ code: 'code_used' });
  });

  it('does not store the code itself', async () => {
    const { code } = (await create('T-101')).json() as TerminalCreated;
    const { rows } = await t.db.query<{ code_hash: string }>(`SELECT code_hash FROM enrolment_codes WHERE terminal_id = 'T-101'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.code_hash).not.toContain(code);
    expect(rows[0]?.code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a code after ENROLMENT_CODE_HOURS with code_expired', async () => {
    const { code } = (await create('T-102')).json() as TerminalCreated;
    t.advance(ENROLMENT_CODE_HOURS * 3600);
    const response = await enrol(code);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'code_expired' });
  });

  it('refuses a code it never gave with invalid_code, and a malformed one with invalid_request', async () => {
    const unknown = await enrol('ABCD-EFGH');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({ code: 'invalid_code' });
    const malformed = await enrol('abcd-1234');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'invalid_request' });
  });

  it('refuses a public key that is not a point of P-256', async () => {
    const { code } = (await create('T-103')).json() as TerminalCreated;
    const publicKey = await exportPublicJwk((await makeTerminalKeys()).publicKey);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/terminals/enrol',
      payload: { code, publicKey: { ...publicKey, y: publicKey.x } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
    // The code was not spent on it.
    expect((await enrol(code)).statusCode).toBe(201);
  });

  it('gives a terminal not yet enrolled a new code in place of the old one; an enrolled one gets 409', async () => {
    const { code: old } = (await create('T-104')).json() as TerminalCreated;
    const again = await create('T-104', 'ALA-01');
    expect(again.statusCode).toBe(201);
    const { code } = again.json() as TerminalCreated;
    expect((await enrol(old)).json()).toEqual({ code: 'invalid_code' });
    const enrolled = await enrol(code);
    expect(enrolled.json()).toMatchObject({ terminalId: 'T-104', centreId: 'ALA-01' });
    const conflict = await create('T-104');
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'conflict' });
  });

  it('revokes a terminal: 200 with the time, 404 for an unknown one; a revoked terminal cannot enrol', async () => {
    const { code } = (await create('T-105')).json() as TerminalCreated;
    const revoked = await t.app.inject({ method: 'POST', url: '/api/v1/admin/terminals/T-105/revoke', headers: ADMIN });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ terminalId: 'T-105', revokedAt: t.now().toISOString() });
    expect((await enrol(code)).json()).toEqual({ code: 'invalid_code' });
    expect((await create('T-105')).statusCode).toBe(409);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/admin/terminals/T-999/revoke', headers: ADMIN });
    expect(unknown.statusCode).toBe(404);
  });

  it('lists terminals without their keys', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/admin/terminals', headers: ADMIN });
    expect(response.statusCode).toBe(200);
    const { terminals } = response.json() as { terminals: Record<string, unknown>[] };
    expect(terminals.find((x) => x.terminalId === 'T-100')).toEqual({
      terminalId: 'T-100',
      centreId: 'AST-03',
      createdAt: TEST_START.toISOString(),
      enrolledAt: TEST_START.toISOString(),
      revokedAt: null,
      lastSeq: 0,
      // Enrolled, but no heartbeat yet: silent, nothing known.
      health: NEVER_HEARD,
    });
    expect(terminals.find((x) => x.terminalId === 'T-105')).toMatchObject({ revokedAt: expect.any(String), enrolledAt: null });
    expect(response.body).not.toContain('publicKey');
    expect(response.body).not.toContain('"x"');
  });
});
