import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationNumber } from '../../src/domain/application';
import { crc16CcittFalse, encodePaymentQr } from '../../src/domain/payment-qr';
import type { ApplicationPayload } from '../../src/protocol/packets';
import { signLogUpload } from '../../src/sync/log-upload';
import { makeApplicationPayload } from '../../src/sync/packet-fixture';
import { sealPacket } from '../../src/sync/seal';
import { createTestApp, enrolTerminal, type TestApp, type TestTerminal } from '../test-support';

/*
 * Every shape of signed input that once answered 500 (issue 11): fields a correctly signed packet
 * or technician log may carry that the database cannot hold. Each is refused with a 4xx and a
 * stable code, so the kiosk quarantines it instead of retrying it forever, and nothing is stored.
 */

const IMPOSSIBLE_INSTANTS: [string, string][] = [
  ['month 13, day 45, 99:99:99', '2026-13-45T99:99:99Z'],
  ['30 February', '2026-02-30T10:00:00+05:00'],
  ['an offset of +99:99', '2026-03-02T10:00:00+99:99'],
  ['year 0000', '0000-01-01T00:00:00Z'],
  ['1900', '1900-03-02T10:00:00Z'],
];

const NUL = 'v1\u0000';
const LONE_SURROGATE = 'v1\ud800';

describe('signed input the database cannot hold', () => {
  let t: TestApp;
  let terminal: TestTerminal;
  let nextSeq = 1;

  beforeAll(async () => {
    t = await createTestApp();
    terminal = await enrolTerminal(t.app, 'T-900');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  /** Rows of every table a packet or a log writes to. */
  async function stored(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of ['applications', 'packets', 'application_checks', 'terminal_log']) {
      const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = rows[0]?.n ?? -1;
    }
    return counts;
  }

  function payload(change: (p: ApplicationPayload) => void = () => {}): ApplicationPayload {
    const id = randomUUID();
    // A copy: the fixture's liveness and photo quality are shared objects.
    const p = structuredClone(makeApplicationPayload({ id, number: applicationNumber(id), terminalId: terminal.terminalId, centreId: terminal.centreId }));
    change(p);
    return p;
  }

  async function send(p: ApplicationPayload, header: { seq?: number; sealedAt?: string } = {}) {
    const packet = await sealPacket(p, {
      terminalId: terminal.terminalId,
      seq: header.seq ?? nextSeq++,
      sealedAt: header.sealedAt ?? t.now().toISOString(),
      backOfficeKey: terminal.backOfficeKey,
      signingKey: terminal.keys.privateKey,
    });
    return t.app.inject({ method: 'POST', url: '/api/v1/packets', payload: packet });
  }

  const PAYLOAD_SHAPES: [string, (p: ApplicationPayload) => void][] = [
    ...IMPOSSIBLE_INSTANTS.map(([name, at]): [string, (p: ApplicationPayload) => void] => [
      `made at ${name}`,
      (p) => void (p.application.createdAt = at),
    ]),
    ['a fee of 2³¹', (p) => void (p.application.feeTiyn = 2 ** 31)],
    ['a fee of 1e300', (p) => void (p.application.feeTiyn = 1e300)],
    ['a fee that is not whole', (p) => void (p.application.feeTiyn = 2500.5)],
    ['a NUL in the phone token (jsonb)', (p) => void (p.online.phoneToken = NUL)],
    ['a lone surrogate in the identity token (jsonb)', (p) => void (p.online.identityToken = LONE_SURROGATE)],
    ['a NUL in the liveness thresholds version (jsonb)', (p) => void (p.face.liveness.thresholdsVersion = NUL)],
    ['a lone surrogate in the liveness thresholds version (jsonb)', (p) => void (p.face.liveness.thresholdsVersion = LONE_SURROGATE)],
    ['a NUL in the photo limits version (jsonb)', (p) => void (p.photo.quality.limitsVersion = NUL)],
    ['a lone surrogate in the photo limits version (jsonb)', (p) => void (p.photo.quality.limitsVersion = LONE_SURROGATE)],
    ['a NUL in the centre (text)', (p) => void (p.application.centreId = 'AST\u0000')],
  ];

  it.each(PAYLOAD_SHAPES)('refuses a sealed application with %s: 422 invalid_payload, nothing stored', async (_name, change) => {
    const before = await stored();
    const response = await send(payload(change));
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: 'invalid_payload' });
    expect(await stored()).toEqual(before);
  });

  const HEADER_SHAPES: [string, { seq?: number; sealedAt?: string }][] = [
    ['a seq of 2³¹', { seq: 2 ** 31 }],
    ...IMPOSSIBLE_INSTANTS.map(([name, sealedAt]): [string, { sealedAt: string }] => [`sealed at ${name}`, { sealedAt }]),
  ];

  it.each(HEADER_SHAPES)('refuses a signed packet with %s: 400 invalid_request, nothing stored', async (_name, header) => {
    const before = await stored();
    const response = await send(payload(), header);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
    expect(await stored()).toEqual(before);
  });

  const entry = (change: Record<string, unknown>) =>
    JSON.stringify({ seq: 1, at: '2026-03-02T05:00:00.000Z', action: 'self_test', details: { device: 'printer', ok: true }, ...change }) + '\n';

  const LOG_SHAPES: [string, string][] = [
    ['a seq of 2³¹', entry({ seq: 2 ** 31 })],
    ...IMPOSSIBLE_INSTANTS.map(([name, at]): [string, string] => [`an entry at ${name}`, entry({ at })]),
    ['a NUL in a detail (jsonb)', entry({ details: { device: NUL } })],
    ['a lone surrogate in a detail (jsonb)', entry({ details: { device: LONE_SURROGATE } })],
    ["a NUL in a detail's name (jsonb)", entry({ details: { [NUL]: 1 } })],
    ["a lone surrogate in a detail's name (jsonb)", entry({ details: { [LONE_SURROGATE]: 1 } })],
  ];

  it.each(LOG_SHAPES)('refuses a signed technician log with %s: 400 invalid_request, nothing stored', async (_name, jsonl) => {
    const before = await stored();
    const body = await signLogUpload(terminal.terminalId, jsonl, terminal.keys.privateKey);
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/terminals/${terminal.terminalId}/log`, payload: body });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
    expect(await stored()).toEqual(before);
  });

  it('still takes a valid log entry at the highest seq there is', async () => {
    const body = await signLogUpload(terminal.terminalId, entry({ seq: 2 ** 31 - 1 }), terminal.keys.privateKey);
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/terminals/${terminal.terminalId}/log`, payload: body });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ received: 1, lastSeq: 2 ** 31 - 1 });
  });

  const ODD_URLS: ['GET' | 'POST', string][] = [
    ['GET', '/api/v1/sandbox/sms?phone=%00'],
    ['GET', '/api/v1/sandbox/sms?phone=%2B7701%00'],
    ['POST', '/api/v1/sandbox/payments/%00/pay'],
    ['POST', '/sandbox/payments/%00/pay'],
    ['POST', '/sandbox/payments/abc%00/decline'],
    ['GET', '/sandbox/sms?x=%00'],
    ['GET', '/api/v1/health?%00'],
    ['GET', '/%00'],
    ['POST', '/sandbox/payments/%C0%AF/pay'],
    ['POST', '/api/v1/sandbox/payments/%ED%A0%80/pay'],
    ['GET', '/api/v1/applications/%ZZ'],
  ];

  it.each(ODD_URLS)('refuses %s %s: 400 invalid_request', async (method, url) => {
    const before = await stored();
    const response = await t.app.inject({ method, url });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
    expect(await stored()).toEqual(before);
  });

  /** A fee QR of the sandbox merchant, valid to its CRC, with a NUL in a tag of its own. */
  function qrWithNul(): string {
    const valid = encodePaymentQr({ amountKzt: 2500, reference: 'ABCD-EFGH-JKMN' });
    const body = `${valid.slice(0, -8)}9902a\u00006304`;
    return body + crc16CcittFalse(body).toString(16).toUpperCase().padStart(4, '0');
  }

  it('pays nothing for a QR holding a NUL, on the sandbox API and its page: 400, nothing stored', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sandbox_payments');
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/sandbox/qr/pay', payload: { qrPayload: qrWithNul() } });
    expect(api.statusCode, api.body).toBe(400);
    expect(api.json()).toMatchObject({ code: 'invalid_request' });
    const page = await t.app.inject({
      method: 'POST',
      url: '/sandbox/qr/pay',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ qrPayload: qrWithNul() }).toString(),
    });
    expect(page.statusCode, page.body).toBe(400);
    expect(page.body).toContain('qr_malformed');
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sandbox_payments')).rows).toEqual(before.rows);
  });

  // Last: the checks that run after its 201 add rows, which the refusals above would count.
  it('still takes a valid packet from the same terminal, under the highest seq there is', async () => {
    const response = await send(payload(), { seq: 2 ** 31 - 1 });
    expect(response.statusCode, response.body).toBe(201);
  });
});
