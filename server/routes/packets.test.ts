import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationNumber } from '../../src/domain/application';
import type { ApplicationPayload, SealedPacket } from '../../src/protocol/packets';
import { makeApplicationPayload, TINY_JPEG_BASE64, TINY_PNG_BASE64 } from '../../src/sync/packet-fixture';
import { importBackOfficePublicKey, sealPacket } from '../../src/sync/seal';
import { newBackOfficeKeys } from '../sync/back-office-keys';
import { createTestApp, enrolTerminal, TEST_ADMIN_TOKEN, type TestApp, type TestTerminal } from '../test-support';

describe('packets', () => {
  let t: TestApp;
  /** The payloads the deferred-checks seam was given, in order. */
  const checked: ApplicationPayload[] = [];
  let checksFail = false;
  const waiting = new Map<string, (payload: ApplicationPayload) => void>();
  /** The checks run after the kiosk has its answer: this waits for them to be given this application. */
  const checksOf = (id: string) =>
    new Promise<ApplicationPayload>((resolve) => {
      const done = checked.find((p) => p.application.id === id);
      if (done) resolve(done);
      else waiting.set(id, resolve);
    });
  let terminal: TestTerminal;
  let nextSeq = 1;

  beforeAll(async () => {
    t = await createTestApp({
      deferredChecks: async (payload) => {
        checked.push(payload);
        waiting.get(payload.application.id)?.(payload);
        if (checksFail) throw new Error('registry unreachable');
      },
    });
    terminal = await enrolTerminal(t.app, 'T-200');
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const send = (packet: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/packets', payload: packet as object });

  function payloadFrom(from: TestTerminal, application: Partial<ApplicationPayload['application']> = {}): ApplicationPayload {
    const id = randomUUID();
    return makeApplicationPayload({ id, number: applicationNumber(id), terminalId: from.terminalId, centreId: from.centreId, ...application });
  }

  async function seal(payload: ApplicationPayload, from = terminal, o: { seq?: number; backOfficeKey?: CryptoKey } = {}): Promise<SealedPacket> {
    return sealPacket(payload, {
      terminalId: from.terminalId,
      seq: o.seq ?? nextSeq++,
      sealedAt: t.now().toISOString(),
      backOfficeKey: o.backOfficeKey ?? from.backOfficeKey,
      signingKey: from.keys.privateKey,
    });
  }

  const count = async (table: 'applications' | 'packets', id: string) => {
    const column = table === 'applications' ? 'id' : 'application_id';
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [id]);
    return rows[0]?.n;
  };

  it('stores a packet from an enrolled terminal as an application pending checks, with its photo: 201', async () => {
    const payload = payloadFrom(terminal);
    const packet = await seal(payload);
    const response = await send(packet);
    expect(response.statusCode, response.body).toBe(201);
    const { id, number } = payload.application;
    expect(response.json()).toEqual({ applicationId: id, number, status: 'received' });

    const { rows } = await t.db.query<{ status: string; is_test: boolean; iin: string; fee_tiyn: number; terminal_id: string }>(
      'SELECT status, is_test, iin, fee_tiyn, terminal_id FROM applications WHERE id = $1',
      [id],
    );
    expect(rows).toEqual([{ status: 'pending_checks', is_test: true, iin: payload.application.iin, fee_tiyn: 250_000, terminal_id: 'T-200' }]);
    const images = await t.app.applications.images(id);
    expect(Buffer.from(images!.photoJpeg).toString('base64')).toBe(TINY_JPEG_BASE64);
    expect(Buffer.from(images!.signaturePng).toString('base64')).toBe(TINY_PNG_BASE64);
    const audit = await t.app.applications.audit(id);
    expect(audit).toEqual({ liveness: payload.face.liveness, photoQuality: payload.photo.quality });
    expect(await t.app.packets.findByApplication(id)).toMatchObject({ terminalId: 'T-200', seq: packet.seq, signature: packet.signature });
    // Kept so the checks can run again after a restart: the payload as it was sealed.
    expect(await t.app.packets.payload(id)).toEqual(payload);
    // The deferred checks were handed what the packet held.
    expect(await checksOf(id)).toEqual(payload);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/terminals', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(list.json()).toMatchObject({ terminals: [{ terminalId: 'T-200', lastSeq: packet.seq }] });
  });

  it('answers the very same packet again with 200 and stores nothing twice', async () => {
    const payload = payloadFrom(terminal);
    const packet = await seal(payload);
    expect((await send(packet)).statusCode).toBe(201);
    await checksOf(payload.application.id);
    const checks = checked.length;
    const again = await send(packet);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ applicationId: payload.application.id, number: payload.application.number, status: 'received' });
    expect(await count('applications', payload.application.id)).toBe(1);
    expect(await count('packets', payload.application.id)).toBe(1);
    expect(checked.length).toBe(checks);
  });

  it('takes concurrent duplicates once: one 201, the others 200', async () => {
    const payload = payloadFrom(terminal);
    const packet = await seal(payload);
    const responses = await Promise.all([send(packet), send(packet), send(packet)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(await count('applications', payload.application.id)).toBe(1);
  });

  it('refuses a packet with one byte of its ciphertext altered: 400 bad_signature', async () => {
    const payload = payloadFrom(terminal);
    const packet = await seal(payload);
    const i = 100;
    const altered = packet.ciphertext[i] === 'A' ? 'B' : 'A';
    const response = await send({ ...packet, ciphertext: packet.ciphertext.slice(0, i) + altered + packet.ciphertext.slice(i + 1) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'bad_signature' });
    expect(await count('applications', payload.application.id)).toBe(0);
  });

  it('refuses another application under a seq already used, and the same application in another packet: 409 replay', async () => {
    const first = await seal(payloadFrom(terminal));
    expect((await send(first)).statusCode).toBe(201);
    const other = payloadFrom(terminal);
    const sameSeq = await send(await seal(other, terminal, { seq: first.seq }));
    expect(sameSeq.statusCode).toBe(409);
    expect(sameSeq.json()).toMatchObject({ code: 'replay' });
    expect(await count('applications', other.application.id)).toBe(0);

    // The same application sealed again (a new seq, a new signature) is not a retry of the first.
    const resealed = await send(await seal(makeApplicationPayload({ ...other.application, id: first.applicationId, number: applicationNumber(first.applicationId) })));
    expect(resealed.statusCode).toBe(409);
    expect(resealed.json()).toMatchObject({ code: 'replay' });
  });

  it('refuses a packet from a terminal it does not know: 403 unknown_terminal', async () => {
    const stranger: TestTerminal = { ...terminal, terminalId: 'T-404' };
    const response = await send(await seal(payloadFrom(stranger), stranger));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'unknown_terminal' });
  });

  it('refuses a packet sealed to another back office: 400 undecryptable', async () => {
    const elsewhere = await importBackOfficePublicKey((await newBackOfficeKeys()).publicJwk);
    const payload = payloadFrom(terminal);
    const response = await send(await seal(payload, terminal, { backOfficeKey: elsewhere }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'undecryptable' });
    expect(await count('applications', payload.application.id)).toBe(0);
  });

  describe('a well-sealed packet whose payload is not a valid application: 422 invalid_payload', () => {
    it.each<[string, (p: ApplicationPayload) => unknown]>([
      ['a field missing', ({ signaturePng: _s, ...rest }) => rest],
      ['an IIN of letters', (p) => ({ ...p, application: { ...p.application, iin: 'ABCDEFGHIJKL' } })],
      ['an IIN with a wrong control digit', (p) => ({ ...p, application: { ...p.application, iin: '880415300128' } })],
      ['another terminal than the packet', (p) => ({ ...p, application: { ...p.application, terminalId: 'T-201' } })],
      ['a number not of its id', (p) => ({ ...p, application: { ...p.application, number: 'AAAA-BBBB-CCCC' } })],
      ['a photo that is not a JPEG', (p) => ({ ...p, photo: { ...p.photo, jpeg: TINY_PNG_BASE64 } })],
      ['a payment id that is not ours', (p) => ({ ...p, application: { ...p.application, paymentId: 'pay-1' } })],
    ])('%s', async (_name, spoil) => {
      const payload = payloadFrom(terminal);
      // The packet's application id is the payload's (sealPacket takes it from there): that they
      // differ is tested in sync/payload-check.test.ts.
      const response = await send(await seal(spoil(payload) as ApplicationPayload));
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json()).toMatchObject({ code: 'invalid_payload', detail: expect.any(String) });
      expect(await count('applications', payload.application.id)).toBe(0);
    });
  });

  it('refuses a request that is not a packet: 400 invalid_request', async () => {
    const packet = await seal(payloadFrom(terminal));
    for (const body of [{ ...packet, v: 2 }, { ...packet, extra: 1 }, { hello: 'world' }]) {
      const response = await send(body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request' });
    }
  });

  it('keeps an application pending when the deferred checks fail, and still answers 201', async () => {
    checksFail = true;
    try {
      const payload = payloadFrom(terminal);
      const response = await send(await seal(payload));
      expect(response.statusCode).toBe(201);
      expect(await checksOf(payload.application.id)).toEqual(payload);
      expect((await t.app.applications.findById(payload.application.id))?.status).toBe('pending_checks');
      expect(await t.app.packets.pendingChecks()).toContain(payload.application.id);
    } finally {
      checksFail = false;
    }
  });

  it('refuses packets from a revoked terminal, even ones it sealed before: 403 revoked_terminal', async () => {
    const revoked = await enrolTerminal(t.app, 'T-210');
    const packet = await seal(payloadFrom(revoked), revoked, { seq: 1 });
    const revoke = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/terminals/T-210/revoke',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(revoke.statusCode).toBe(200);
    const response = await send(packet);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'revoked_terminal' });
  });
});
