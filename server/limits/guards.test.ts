import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPublicJwk, makeTerminalKeys } from '../../src/sync/seal';
import type { PublicKeyJwk } from '../../src/protocol/packets';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../test-support';
import { countTerminalLookup, limitTerminalLookups, signedTerminalId } from './guards';
import { ADDRESS_LIMITS, TERMINAL_LOOKUPS } from './rules';

const A = '203.0.113.7';
const B = '198.51.100.20';

describe('per-address limits on the public routes', () => {
  let t: TestApp;
  let publicKey: PublicKeyJwk;
  beforeAll(async () => {
    t = await createTestApp();
    publicKey = await exportPublicJwk((await makeTerminalKeys()).publicKey);
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const get = (url: string, remoteAddress: string) => t.app.inject({ method: 'GET', url, remoteAddress });
  const refusal = (response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) => [
    response.statusCode,
    response.json(),
    response.headers['retry-after'],
  ];

  it(`health: ${ADDRESS_LIMITS.health.limit} a minute from one address, then 429 until the minute is over; other addresses unaffected`, async () => {
    for (let i = 0; i < ADDRESS_LIMITS.health.limit; i++) expect((await get('/api/v1/health', A)).statusCode).toBe(200);
    t.advance(20);
    expect(refusal(await get('/api/v1/health', A))).toEqual([429, { code: 'too_many_requests' }, '40']);
    expect((await get('/api/v1/health', B)).statusCode).toBe(200);
    t.advance(40);
    expect((await get('/api/v1/health', A)).statusCode).toBe(200);
  });

  it(`tracking: ${ADDRESS_LIMITS.tracking.limit} numbers a minute from one address, found or not`, async () => {
    for (let i = 0; i < ADDRESS_LIMITS.tracking.limit; i++) {
      expect((await get(`/api/v1/applications/AAAA-AAAA-${String(1000 + i)}`, A)).statusCode).toBe(404);
    }
    expect(refusal(await get('/api/v1/applications/AAAA-AAAA-AAAA', A))).toEqual([429, { code: 'too_many_requests' }, '60']);
    expect((await get('/api/v1/applications/AAAA-AAAA-AAAA', B)).statusCode).toBe(404);
  });

  it(`enrolment: ${ADDRESS_LIMITS.enrol.limit} codes an hour from one address, then even the right code waits`, async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/terminals',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      payload: { terminalId: 'T-LIM', centreId: 'AST-03' },
    });
    const { code } = created.json() as { code: string };
    const enrol = (enrolmentCode: string, remoteAddress = A) =>
      t.app.inject({ method: 'POST', url: '/api/v1/terminals/enrol', remoteAddress, payload: { code: enrolmentCode, publicKey } });
    // A body that is not an enrolment request is no guess, and is not counted.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/terminals/enrol', remoteAddress: A, payload: { code: 'nope' } })).statusCode).toBe(400);
    for (let i = 0; i < ADDRESS_LIMITS.enrol.limit; i++) expect((await enrol('AAAA-AAA' + 'ABCDEFGHJKMNPQRSTUVWXYZ'[i])).statusCode).toBe(400);
    expect(refusal(await enrol(code))).toEqual([429, { code: 'too_many_requests' }, '3600']);
    expect((await enrol(code, B)).statusCode).toBe(201);
  });
});

describe('per-terminal lookups', () => {
  let t: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp();
    // A route as the lead wires it, with the terminal id taken from a header instead of a signature.
    app = Fastify();
    app.decorate('db', t.db);
    app.decorate('clock', t.now);
    app.post(
      '/lookup',
      { preHandler: limitTerminalLookups('citizens_check', (request) => request.headers['x-terminal'] as string | undefined) },
      async () => ({ ok: true }),
    );
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await t.close();
  }, 60_000);

  const lookup = (terminal?: string, remoteAddress = A) =>
    app.inject({ method: 'POST', url: '/lookup', remoteAddress, headers: terminal ? { 'x-terminal': terminal } : {} });

  it(`allow ${TERMINAL_LOOKUPS.citizens_check.limit} a minute per terminal, then 429 too_many_requests with Retry-After`, async () => {
    for (let i = 0; i < TERMINAL_LOOKUPS.citizens_check.limit; i++) expect((await lookup('T-1')).statusCode).toBe(200);
    t.advance(15);
    const refused = await lookup('T-1');
    expect([refused.statusCode, refused.json(), refused.headers['retry-after']]).toEqual([429, { code: 'too_many_requests' }, '45']);
    // Another terminal behind the same address is its own.
    expect((await lookup('T-2')).statusCode).toBe(200);
    t.advance(45);
    expect((await lookup('T-1')).statusCode).toBe(200);
  });

  it('read the terminal a verified signature put on the request', () => {
    expect(signedTerminalId({ terminal: { terminalId: 'T-9' } } as never)).toBe('T-9');
    expect(signedTerminalId({} as never)).toBeUndefined();
  });

  it('count a request without a terminal by its address, so the route is never unlimited', async () => {
    for (let i = 0; i < TERMINAL_LOOKUPS.citizens_check.limit; i++) expect((await lookup(undefined, B)).statusCode).toBe(200);
    expect((await lookup(undefined, B)).statusCode).toBe(429);
  });

  it('count by a terminal id passed directly, one limit for each kind of lookup', async () => {
    const app = { db: t.db, clock: t.now };
    for (let i = 0; i < TERMINAL_LOOKUPS.payment_status.limit; i++) await countTerminalLookup(app, 'payment_status', 'T-3');
    expect(await countTerminalLookup(app, 'payment_status', 'T-3')).toMatchObject({ allowed: false, rule: TERMINAL_LOOKUPS.payment_status.name });
    expect(await countTerminalLookup(app, 'identify', 'T-3')).toEqual({ allowed: true, remaining: TERMINAL_LOOKUPS.identify.limit - 1 });
  });
});
