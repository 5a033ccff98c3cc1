import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_MAX_SKEW_S, TERMINAL_REQUEST_HEADERS as H } from '../../src/protocol/terminal-request';
import { signRequest } from '../../src/sync/request-signature';
import { telemetryBatch } from '../telemetry/journey-fixture';
import { heartbeatBody } from '../terminals/heartbeat-fixture';
import { createTestApp, enrolTerminal, signedInject, TEST_ADMIN_TOKEN, type TerminalInject, type TestApp, type TestTerminal } from '../test-support';

// Who may ask about a citizen: only an enrolled, unrevoked terminal, by a request it signed now, once.

/** Every route a kiosk calls on a citizen's behalf, with a body that would otherwise be answered. */
const KIOSK_ROUTES: TerminalInject[] = [
  { method: 'POST', url: '/api/v1/citizens/check', payload: { iin: '001019601003', service: '04', document: 'id_card' } },
  { method: 'POST', url: '/api/v1/phone/start', payload: { iin: '001019601003', phone: '+77076063608' } },
  { method: 'POST', url: '/api/v1/phone/confirm', payload: { verificationId: '00000000-0000-4000-8000-000000000000', code: '123456' } },
  { method: 'POST', url: '/api/v1/phone/resend', payload: { verificationId: '00000000-0000-4000-8000-000000000000' } },
  { method: 'POST', url: '/api/v1/identify', payload: { phoneToken: 'x', descriptor: [], liveness: {} } },
  { method: 'POST', url: '/api/v1/payments', payload: { applicationId: '00000000-0000-4000-8000-000000000000', identityToken: 'x', service: '04', document: 'id_card' } },
  { method: 'GET', url: '/api/v1/payments/00000000-0000-4000-8000-000000000000' },
  // Not on a citizen's behalf, but signed the same way: the terminal's heartbeat.
  { method: 'POST', url: '/api/v1/terminals/heartbeat', payload: heartbeatBody() },
  // And its journeys' telemetry (an empty batch is answered too).
  { method: 'POST', url: '/api/v1/terminals/telemetry', payload: telemetryBatch() },
  // The colour challenge's sequence, chosen for a citizen's next identification (last: the tests above index this list).
  { method: 'POST', url: '/api/v1/identify/colour', payload: { phoneToken: 'x', calm: false } },
];

describe('requests a kiosk signs', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  beforeAll(async () => {
    t = await createTestApp();
    terminal = await enrolTerminal(t.app, 'T-SIGNER');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const countRows = async (table: string) => Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

  it('refuses every citizen route to a caller with no signature: 401 unsigned_request, and nothing happens', async () => {
    const smsBefore = await countRows('sandbox_sms');
    for (const route of KIOSK_ROUTES) {
      const response = await t.app.inject({ method: route.method, url: route.url, ...(route.payload ? { payload: route.payload as object } : {}) });
      expect(response.statusCode, route.url).toBe(401);
      expect(response.json(), route.url).toEqual({ code: 'unsigned_request' });
      expect(response.headers['www-authenticate']).toBe('Terminal-Signature');
    }
    expect(await countRows('sandbox_sms')).toBe(smsBefore);
    expect(await countRows('phone_verifications')).toBe(0);
  });

  it('answers the same routes to the terminal, each on its own terms', async () => {
    const refusals = ['unsigned_request', 'stale_request', 'bad_signature', 'replayed_request', 'unknown_terminal', 'revoked_terminal'];
    for (const route of KIOSK_ROUTES) {
      const response = await signedInject(t.app, terminal, route, t.now());
      expect(response.statusCode, route.url).not.toBe(401);
      expect(refusals, `${route.url}: ${response.body}`).not.toContain((response.json() as { code?: string }).code);
    }
    const check = await signedInject(t.app, terminal, KIOSK_ROUTES[0]!, t.now());
    expect(check.json()).toMatchObject({ ok: true });
  });

  it('refuses a replay of a signed request: 401 replayed_request', async () => {
    const route = KIOSK_ROUTES[0]!;
    const body = new TextEncoder().encode(JSON.stringify(route.payload));
    const headers = await signRequest({ terminalId: terminal.terminalId, signingKey: terminal.keys.privateKey }, { method: 'POST', path: route.url, body }, t.now());
    const send = () => t.app.inject({ method: 'POST', url: route.url, headers: { ...headers, 'content-type': 'application/json' }, payload: Buffer.from(body) });
    expect((await send()).statusCode).toBe(200);
    const again = await send();
    expect(again.statusCode).toBe(401);
    expect(again.json()).toEqual({ code: 'replayed_request' });
  });

  it('refuses a request signed too long ago or ahead: 401 stale_request', async () => {
    for (const offsetS of [REQUEST_MAX_SKEW_S + 5, -(REQUEST_MAX_SKEW_S + 5)]) {
      const at = new Date(t.now().getTime() + offsetS * 1000);
      const response = await signedInject(t.app, terminal, KIOSK_ROUTES[0]!, at);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'stale_request' });
    }
    // Within the window the kiosk's clock may be off a little.
    const late = await signedInject(t.app, terminal, KIOSK_ROUTES[0]!, new Date(t.now().getTime() - (REQUEST_MAX_SKEW_S - 5) * 1000));
    expect(late.statusCode).toBe(200);
  });

  it('refuses a request altered on the way — body, path, method or terminal — : 401 bad_signature', async () => {
    const signer = { terminalId: terminal.terminalId, signingKey: terminal.keys.privateKey };
    const body = new TextEncoder().encode(JSON.stringify({ iin: '001019601003', service: '04', document: 'id_card' }));
    const other = new TextEncoder().encode(JSON.stringify({ iin: '701126401148', service: '09', document: 'id_card' }));
    const altered = [
      { sent: { path: '/api/v1/citizens/check', body: other }, signed: { path: '/api/v1/citizens/check', body } },
      { sent: { path: '/api/v1/citizens/check?x=1', body }, signed: { path: '/api/v1/citizens/check', body } },
    ];
    for (const { sent, signed } of altered) {
      const headers = await signRequest(signer, { method: 'POST', ...signed }, t.now());
      const response = await t.app.inject({ method: 'POST', url: sent.path, headers: { ...headers, 'content-type': 'application/json' }, payload: Buffer.from(sent.body) });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'bad_signature' });
    }
    const getHeaders = await signRequest(signer, { method: 'POST', path: '/api/v1/payments/00000000-0000-4000-8000-000000000000', body: null }, t.now());
    const asGet = await t.app.inject({ method: 'GET', url: '/api/v1/payments/00000000-0000-4000-8000-000000000000', headers: getHeaders });
    expect(asGet.json()).toEqual({ code: 'bad_signature' });

    // Another enrolled terminal's name on this one's signature.
    const second = await enrolTerminal(t.app, 'T-OTHER');
    const headers = await signRequest(signer, { method: 'POST', path: '/api/v1/citizens/check', body }, t.now());
    const borrowed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizens/check',
      headers: { ...headers, [H.terminalId]: second.terminalId, 'content-type': 'application/json' },
      payload: Buffer.from(body),
    });
    expect(borrowed.json()).toEqual({ code: 'bad_signature' });
  });

  it('refuses malformed signature headers as unsigned', async () => {
    const good = await signRequest({ terminalId: terminal.terminalId, signingKey: terminal.keys.privateKey }, { method: 'GET', path: KIOSK_ROUTES[6]!.url, body: null }, t.now());
    for (const [name, value] of [
      [H.time, '2026-03-02 05:00:00'],
      [H.time, '9999-99-99T99:99:99.999Z'],
      [H.nonce, 'short'],
      [H.terminalId, 'lower-case'],
      [H.terminalId, 'T\u0000X'],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url: KIOSK_ROUTES[6]!.url, headers: { ...good, [name]: value } });
      expect(response.statusCode, `${name}: ${value}`).toBe(401);
      expect(['unsigned_request', 'stale_request']).toContain((response.json() as { code: string }).code);
    }
  });

  it('refuses an unknown terminal and a revoked one: 403', async () => {
    const stranger = { ...terminal, terminalId: 'T-NOBODY' };
    expect((await signedInject(t.app, stranger, KIOSK_ROUTES[0]!, t.now())).json()).toEqual({ code: 'unknown_terminal' });

    const revoked = await enrolTerminal(t.app, 'T-REVOKED');
    await t.app.inject({ method: 'POST', url: `/api/v1/admin/terminals/${revoked.terminalId}/revoke`, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const response = await signedInject(t.app, revoked, KIOSK_ROUTES[0]!, t.now());
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'revoked_terminal' });
  });
});
