import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxPayments } from './adapters/sandbox-payments';
import { ConfigError } from './config-error';
import { stateSystemsFromEnv } from './state-systems-config';
import { createTestApp, enrolTerminal, identifyCitizen, offlineApplication, postSealed, sameFace, type TestApp } from './test-support';

// The back office as a deployment runs it: no sandbox unless asked for, the state systems from the
// adapters a deployment names, and the whole API working through them.

describe('choosing the state systems', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'state-systems-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses to start with no state systems named, saying what to set', async () => {
    await expect(stateSystemsFromEnv({})).rejects.toThrow(ConfigError);
    await expect(stateSystemsFromEnv({})).rejects.toThrow(/STATE_SYSTEMS=<module>.*SANDBOX=1/);
    await expect(stateSystemsFromEnv({ SANDBOX: '0' })).rejects.toThrow(/no state systems/);
  });

  it('turns the sandbox on only for SANDBOX=1, and never beside real systems', async () => {
    expect(await stateSystemsFromEnv({ SANDBOX: '1' })).toEqual({ sandbox: {} });
    for (const value of ['true', 'yes', 'on', ' 1']) await expect(stateSystemsFromEnv({ SANDBOX: value })).rejects.toThrow(/SANDBOX=/);
    await expect(stateSystemsFromEnv({ SANDBOX: '1', STATE_SYSTEMS: 'x.mjs' })).rejects.toThrow(/both set/);
  });

  it("loads a deployment's adapters from STATE_SYSTEMS and checks each has its methods", async () => {
    const good = join(dir, 'adapters.mjs');
    await writeFile(
      good,
      `const fn = async () => null;
       export function createStateSystems(env) {
         return { registry: { findPerson: fn, referenceDescriptor: fn, referencePhoto: fn }, bmg: { phoneFor: fn }, sms: { send: fn },
                  paymentGateway: { createInvoice: fn, status: fn, findByReference: fn }, gatewayUrl: env.GATEWAY_URL };
       }`,
    );
    const choice = await stateSystemsFromEnv({ STATE_SYSTEMS: good, GATEWAY_URL: 'https://acquirer.example' });
    expect(choice.sandbox).toBe(false);
    expect(choice).toMatchObject({ systems: { gatewayUrl: 'https://acquirer.example' } });

    const partial = join(dir, 'partial.mjs');
    await writeFile(partial, 'export const createStateSystems = () => ({ registry: {}, bmg: { phoneFor() {} }, sms: { send() {} }, paymentGateway: {} });');
    await expect(stateSystemsFromEnv({ STATE_SYSTEMS: partial })).rejects.toThrow(/registry has no findPerson, referenceDescriptor/);
    const none = join(dir, 'none.mjs');
    await writeFile(none, 'export const somethingElse = 1;');
    await expect(stateSystemsFromEnv({ STATE_SYSTEMS: none })).rejects.toThrow(/exports no createStateSystems/);
  });
});

describe('the API in the production configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ configuration: 'production', jobs: { workers: false } });
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  it('has none of the sandbox routes or pages', async () => {
    const sandboxCalls = [
      { method: 'GET', url: '/api/v1/sandbox/sms' },
      { method: 'GET', url: '/api/v1/sandbox/sms?phone=%2B77076063608' },
      { method: 'GET', url: '/api/v1/sandbox/payments' },
      { method: 'POST', url: '/api/v1/sandbox/terminals', payload: {} },
      { method: 'POST', url: '/api/v1/sandbox/qr/pay', payload: { qrPayload: 'x' } },
      { method: 'POST', url: '/api/v1/sandbox/payments/x/pay' },
      { method: 'GET', url: '/sandbox/sms' },
      { method: 'GET', url: '/sandbox/payments' },
      { method: 'POST', url: '/sandbox/qr/pay', payload: 'qrPayload=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    ] as const;
    for (const call of sandboxCalls) {
      const response = await t.app.inject(call);
      expect(response.statusCode, call.url).toBe(404);
      expect(response.json(), call.url).toEqual({ code: 'not_found' });
    }
  });

  it('takes a citizen through check, phone, face and payment, and an application by packet, on the adapters it was given', async () => {
    const citizen = t.citizen('service-13');
    const check = await t.asTerminal({ method: 'POST', url: '/api/v1/citizens/check', payload: { iin: citizen.person.iin, service: '13', document: 'passport' } });
    expect(check.json()).toMatchObject({ ok: true });
    const { phoneToken, identityToken } = await identifyCitizen(t, citizen);
    const terminal = await enrolTerminal(t.app, 'T-PROD');
    const payload = offlineApplication(t, citizen, { terminalId: terminal.terminalId, centreId: terminal.centreId });
    const payment = await t.asTerminal({
      method: 'POST',
      url: '/api/v1/payments',
      payload: { applicationId: payload.application.id, identityToken, service: '13', document: 'passport' },
    });
    expect(payment.statusCode).toBe(201);
    const { paymentId } = payment.json() as { paymentId: string };
    const online = {
      ...payload,
      application: { ...payload.application, paymentId },
      online: { phoneToken, identityToken },
      face: { ...payload.face, descriptor: sameFace(citizen.faceId ?? 'f01') },
    };
    expect((await postSealed(t, terminal, online, 1)).statusCode).toBe(201);
    const tracked = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${payload.application.number}` });
    expect(tracked.statusCode).toBe(200);
    // Unpaid so far: the fee keeps it waiting; paid at the acquirer, the re-check job accepts it.
    const status = async () => (await t.db.query<{ status: string }>('SELECT status FROM applications WHERE id = $1', [payload.application.id])).rows[0]?.status;
    await t.app.jobs.drain();
    expect(await status()).toBe('pending_checks');
    await (t.app.paymentGateway as SandboxPayments).settle(paymentId, 'paid');
    await t.app.jobs.drain({ delayed: true });
    expect(await status()).toBe('accepted');
  });
});
