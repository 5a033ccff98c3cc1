// Shared by the route tests: an app on in-memory PGlite with synthetic faces and a clock the test moves.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { vi } from 'vitest';
import { applicationNumber } from '../src/domain/application';
import { feeFor } from '../src/domain/fees';
import { DESCRIPTOR_LENGTH } from '../src/protocol/identify';
import { buildApp, type AppOptions } from './app';
import type { Database } from './db/database';
import { openTestDatabase } from './db/test-database';
import { kazakhstanDate } from '../src/domain/dates';
import { SandboxBmg } from './adapters/sandbox-bmg';
import { SandboxPayments } from './adapters/sandbox-payments';
import { SandboxRegistry } from './adapters/sandbox-registry';
import { SandboxSms } from './adapters/sandbox-sms';
import { buildSeedCitizens, type SeedCitizen } from './seed/citizens';
import { seedSandbox } from './seed/seed-sandbox';
import type { FaceSource, RegistryFace } from './seed/faces';
import type { ApplicationPayload, EnrolRequest, Enrolled } from '../src/protocol/packets';
import type { KioskDb } from '../src/sync/kiosk-db';
import { enrolTerminal as enrolKioskTerminal } from '../src/sync/terminal';
import { exportPublicJwk, importBackOfficePublicKey, makeTerminalKeys, sealPacket } from '../src/sync/seal';
import { makeApplicationPayload, PASSED_LIVENESS, PASSED_PHOTO_QUALITY } from '../src/sync/packet-fixture';
import { signRequest } from '../src/sync/request-signature';

// Each test file starts its own PGlite (seconds of WebAssembly start-up); on two busy cores a
// whole journey through app.inject() can take longer than vitest's default 5 s.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

export const TEST_START = new Date('2026-03-02T05:00:00Z');

/** Far apart from each other (distance √2·0.6 ≈ 0.85), as different people's descriptors are. */
export function syntheticDescriptor(faceId: string): number[] {
  const index = Number(faceId.slice(1)) - 1;
  return Array.from({ length: DESCRIPTOR_LENGTH }, (_, i) => (i === index ? 0.65 : 0.05));
}

/** A live descriptor of the same person: close to the reference but not equal to it. */
export function sameFace(faceId: string): number[] {
  return syntheticDescriptor(faceId).map((v, i) => (i % 2 === 0 ? v + 0.01 : v - 0.01));
}

/** A live descriptor exactly `distance` from the face's reference: how a test reaches the review band around the threshold. */
export function faceAtDistance(faceId: string, distance: number): number[] {
  const moved = Number(faceId.slice(1)) % DESCRIPTOR_LENGTH; // any dimension other than the face's own
  return syntheticDescriptor(faceId).map((v, i) => (i === moved ? v + distance : v));
}

export const syntheticFaces: FaceSource = async () =>
  Array.from({ length: 22 }, (_, i): RegistryFace => {
    const faceId = `f${String(i + 1).padStart(2, '0')}`;
    return { faceId, jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, i]), descriptor: syntheticDescriptor(faceId) };
  });

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  /** The SMS gateway's messages: the sandbox's, or in the production configuration the same adapter injected as the real one. */
  sms: SandboxSms;
  citizens: SeedCitizen[];
  citizen(tag: string): SeedCitizen;
  now(): Date;
  advance(seconds: number): void;
  /** Injects the request as the test's own enrolled terminal (TEST_TERMINAL_ID) signs it, as a kiosk does. */
  asTerminal(request: TerminalInject): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The terminal every test app's asTerminal speaks as; enrolled on first use. */
export const TEST_TERMINAL_ID = 'T-TEST';

/** A request as a kiosk makes it: a method, a URL under the app, and a JSON body or none. */
export interface TerminalInject {
  method: 'GET' | 'POST';
  url: string;
  payload?: unknown;
}

/** The public address of every test app (createTestApp): what its terminals put in the receipt's QR. */
export const TEST_PUBLIC_URL = 'https://track.example.kz';

/** The admin token of every test app (createTestApp). */
export const TEST_ADMIN_TOKEN = 'test-admin-token';

export interface TestAppOptions extends Partial<Omit<AppOptions, 'db' | 'clock' | 'sandbox' | 'systems'>> {
  /**
   * 'sandbox' (the default): as `SANDBOX=1` runs, tester routes and all. 'production': as a
   * deployment runs — no sandbox routes, nothing seeded by the app — with the sandbox's adapter
   * classes injected as the real state systems and the synthetic citizens put in their tables by the test.
   */
  configuration?: 'sandbox' | 'production';
  /**
   * A database of the test's own, left open when the app closes: several back offices on one
   * database, as processes restarted on it or running side by side (server/jobs/). A new one by default.
   */
  db?: Database;
}

/** `options` go to buildApp over the defaults (admin token TEST_ADMIN_TOKEN, TEST_PUBLIC_URL, a new back-office key). */
export async function createTestApp({ configuration = 'sandbox', db: given, ...options }: TestAppOptions = {}): Promise<TestApp> {
  let now = TEST_START;
  const clock = () => now;
  const db = given ?? (await openTestDatabase());
  const sms = new SandboxSms(db, clock);
  let app: FastifyInstance;
  if (configuration === 'production') {
    await seedSandbox(db, { today: kazakhstanDate(TEST_START), faces: syntheticFaces });
    const systems = { registry: new SandboxRegistry(db), bmg: new SandboxBmg(db), sms, paymentGateway: new SandboxPayments(db, clock) };
    app = await buildApp({ db, clock, sandbox: false, systems, adminToken: TEST_ADMIN_TOKEN, publicUrl: TEST_PUBLIC_URL, ...options });
  } else {
    app = await buildApp({ db, clock, sandbox: { faces: syntheticFaces }, adminToken: TEST_ADMIN_TOKEN, publicUrl: TEST_PUBLIC_URL, ...options });
  }
  const citizens = buildSeedCitizens(kazakhstanDate(TEST_START));
  let terminal: Promise<TestTerminal> | null = null;
  return {
    app,
    db,
    sms,
    citizens,
    citizen: (tag) => {
      const found = citizens.find((c) => c.tag === tag);
      if (!found) throw new Error(`no seeded citizen ${tag}`);
      return found;
    },
    now: () => now,
    advance: (seconds) => {
      now = new Date(now.getTime() + seconds * 1000);
    },
    asTerminal: async (request) => {
      terminal ??= enrolTerminal(app, TEST_TERMINAL_ID);
      return signedInject(app, await terminal, request, now);
    },
    close: async () => {
      await app.close();
      if (!given) await db.close();
    },
  };
}

/** Injects `request` signed by `terminal` at `now`, with its body as the exact bytes signed. */
export async function signedInject(app: FastifyInstance, terminal: TestTerminal, request: TerminalInject, now: Date): Promise<LightMyRequestResponse> {
  const body = request.payload === undefined ? null : new TextEncoder().encode(JSON.stringify(request.payload));
  const signed = await signRequest({ terminalId: terminal.terminalId, signingKey: terminal.keys.privateKey }, { method: request.method, path: request.url, body }, now);
  const options: InjectOptions = { method: request.method, url: request.url, headers: signed };
  if (body !== null) {
    options.headers = { ...signed, 'content-type': 'application/json' };
    options.payload = Buffer.from(body);
  }
  return app.inject(options);
}

/** The last code the sandbox SMS gateway sent to this phone, read as the e2e tests do. */
export async function lastSmsCode(app: FastifyInstance, phone: string): Promise<string> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/sandbox/sms?phone=${encodeURIComponent(phone)}` });
  const code = (response.json() as { messages: { code: string | null }[] }).messages[0]?.code;
  if (!code) throw new Error(`no SMS code for ${phone}`);
  return code;
}

/** Runs the phone step for a seeded citizen and returns the phone token. */
export async function confirmPhone(t: TestApp, citizen: SeedCitizen): Promise<string> {
  const start = await t.asTerminal({
    method: 'POST',
    url: '/api/v1/phone/start',
    payload: { iin: citizen.person.iin, phone: citizen.phoneToType },
  });
  const { verificationId } = start.json() as { verificationId: string };
  const code = /\b(\d{6})\b/.exec((await t.sms.latest(citizen.phoneToType, 1))[0]?.text ?? '')?.[1];
  if (!code) throw new Error(`no SMS code for ${citizen.phoneToType}`);
  const confirm = await t.asTerminal({ method: 'POST', url: '/api/v1/phone/confirm', payload: { verificationId, code } });
  const { phoneToken } = confirm.json() as { phoneToken?: string };
  if (!phoneToken) throw new Error(`phone confirmation failed: ${confirm.body}`);
  return phoneToken;
}

/** Runs the phone and face steps; returns both tokens. */
export async function identifyCitizen(t: TestApp, citizen: SeedCitizen): Promise<{ phoneToken: string; identityToken: string }> {
  const phoneToken = await confirmPhone(t, citizen);
  const response = await t.asTerminal({
    method: 'POST',
    url: '/api/v1/identify',
    payload: { phoneToken, descriptor: sameFace(citizen.faceId ?? 'f01'), liveness: PASSED_LIVENESS },
  });
  const { identityToken } = response.json() as { identityToken?: string };
  if (!identityToken) throw new Error(`identification failed: ${response.body}`);
  return { phoneToken, identityToken };
}

export { PASSED_LIVENESS, PASSED_PHOTO_QUALITY };

/** A kiosk enrolled as a technician would: the admin's code, then the terminal's key sent with it. */
export interface TestTerminal {
  terminalId: string;
  centreId: string;
  keys: CryptoKeyPair;
  /** The back office's key the terminal seals to. */
  backOfficeKey: CryptoKey;
}

/** The administrator creates a terminal: its one-time enrolment code. */
async function enrolmentCode(app: FastifyInstance, terminalId: string, centreId: string): Promise<string> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/terminals',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    payload: { terminalId, centreId },
  });
  const { code } = created.json() as { code?: string };
  if (!code) throw new Error(`terminal creation failed: ${created.body}`);
  return code;
}

/** A terminal enrolled with keys the test holds, to seal packets by hand. */
export async function enrolTerminal(app: FastifyInstance, terminalId: string, centreId = 'AST-03'): Promise<TestTerminal> {
  const code = await enrolmentCode(app, terminalId, centreId);
  const keys = await makeTerminalKeys();
  const enrol = await app.inject({
    method: 'POST',
    url: '/api/v1/terminals/enrol',
    payload: { code, publicKey: await exportPublicJwk(keys.publicKey) },
  });
  if (enrol.statusCode !== 201) throw new Error(`enrolment failed: ${enrol.body}`);
  const enrolled = enrol.json() as Enrolled;
  return { terminalId, centreId, keys, backOfficeKey: await importBackOfficePublicKey(enrolled.backOfficeKey) };
}

/** A kiosk's own IndexedDB enrolled by the kiosk's own code (src/sync/terminal.ts), the back office answering in-process. */
export async function enrolKiosk(app: FastifyInstance, db: KioskDb, terminalId: string, centreId = 'AST-03'): Promise<void> {
  const code = await enrolmentCode(app, terminalId, centreId);
  await enrolKioskTerminal(db, code, async (body: EnrolRequest) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/terminals/enrol', payload: body });
    if (response.statusCode !== 201) throw new Error(`enrolment failed: ${response.body}`);
    return response.json() as Enrolled;
  });
}

/** Seals a payload as this terminal would, under `seq`, and posts it: the back office's answer. */
export async function postSealed(t: TestApp, terminal: TestTerminal, payload: ApplicationPayload, seq: number) {
  const packet = await sealPacket(payload, {
    terminalId: terminal.terminalId,
    seq,
    sealedAt: t.now().toISOString(),
    backOfficeKey: terminal.backOfficeKey,
    signingKey: terminal.keys.privateKey,
  });
  return t.app.inject({ method: 'POST', url: '/api/v1/packets', payload: packet });
}

/**
 * The payload an offline kiosk seals for this citizen's example service: their IIN, phone and own
 * face, the fee of the day it was made (`createdAt`, the test clock's now by default), no online
 * tokens. `change` overrides any field of the application.
 */
export function offlineApplication(t: TestApp, citizen: SeedCitizen, change: Partial<ApplicationPayload['application']> = {}): ApplicationPayload {
  const id = randomUUID();
  const { service, document } = citizen.example;
  const createdAt = change.createdAt ?? t.now().toISOString();
  const feeTiyn = change.feeTiyn ?? feeFor({ service, document, on: createdAt.slice(0, 10), lostIdCardsThisYear: citizen.person.lostIdCardsThisYear }).amountTiyn;
  const payload = makeApplicationPayload({
    id,
    number: applicationNumber(id),
    iin: citizen.person.iin,
    service,
    document,
    phone: citizen.phoneToType,
    createdAt,
    feeTiyn,
    paymentId: null,
    ...change,
  });
  return { ...payload, face: { descriptor: sameFace(citizen.faceId ?? 'f01'), liveness: PASSED_LIVENESS } };
}
