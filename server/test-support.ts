// Shared by the route tests: an app on in-memory PGlite with synthetic faces and a clock the test moves.
import type { LivenessEvidence } from '../src/protocol/liveness';
import type { PhotoQuality } from '../src/protocol/photo-quality';
import type { FastifyInstance } from 'fastify';
import { vi } from 'vitest';
import { DESCRIPTOR_LENGTH } from '../src/protocol/identify';
import { buildApp, type AppOptions } from './app';
import type { Database } from './db/database';
import { openTestDatabase } from './db/test-database';
import { kazakhstanDate } from './kazakhstan-date';
import { buildSeedCitizens, type SeedCitizen } from './seed/citizens';
import type { FaceSource, RegistryFace } from './seed/faces';
import type { Enrolled } from '../src/protocol/packets';
import { exportPublicJwk, importBackOfficePublicKey, makeTerminalKeys } from '../src/sync/seal';

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

export const syntheticFaces: FaceSource = async () =>
  Array.from({ length: 22 }, (_, i): RegistryFace => {
    const faceId = `f${String(i + 1).padStart(2, '0')}`;
    return { faceId, jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, i]), descriptor: syntheticDescriptor(faceId) };
  });

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  citizens: SeedCitizen[];
  citizen(tag: string): SeedCitizen;
  now(): Date;
  advance(seconds: number): void;
  close(): Promise<void>;
}

/** The admin token of every test app (createTestApp). */
export const TEST_ADMIN_TOKEN = 'test-admin-token';

/** `options` go to buildApp over the defaults (admin token TEST_ADMIN_TOKEN, a new back-office key). */
export async function createTestApp(options: Partial<Omit<AppOptions, 'db' | 'clock'>> = {}): Promise<TestApp> {
  let now = TEST_START;
  const db = await openTestDatabase();
  const app = await buildApp({ db, clock: () => now, sandbox: { faces: syntheticFaces }, adminToken: TEST_ADMIN_TOKEN, ...options });
  const citizens = buildSeedCitizens(kazakhstanDate(TEST_START));
  return {
    app,
    db,
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
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** The last code the sandbox SMS gateway sent to this phone, read as the e2e tests do. */
export async function lastSmsCode(app: FastifyInstance, phone: string): Promise<string> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/sandbox/sms?phone=${encodeURIComponent(phone)}` });
  const code = (response.json() as { messages: { code: string | null }[] }).messages[0]?.code;
  if (!code) throw new Error(`no SMS code for ${phone}`);
  return code;
}

/** Runs the phone step for a seeded citizen and returns the phone token. */
export async function confirmPhone(app: FastifyInstance, citizen: SeedCitizen): Promise<string> {
  const start = await app.inject({
    method: 'POST',
    url: '/api/v1/phone/start',
    payload: { iin: citizen.person.iin, phone: citizen.phoneToType },
  });
  const { verificationId } = start.json() as { verificationId: string };
  const code = await lastSmsCode(app, citizen.phoneToType);
  const confirm = await app.inject({ method: 'POST', url: '/api/v1/phone/confirm', payload: { verificationId, code } });
  const { phoneToken } = confirm.json() as { phoneToken?: string };
  if (!phoneToken) throw new Error(`phone confirmation failed: ${confirm.body}`);
  return phoneToken;
}

/** Runs the phone and face steps; returns both tokens. */
export async function identifyCitizen(app: FastifyInstance, citizen: SeedCitizen): Promise<{ phoneToken: string; identityToken: string }> {
  const phoneToken = await confirmPhone(app, citizen);
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/identify',
    payload: { phoneToken, descriptor: sameFace(citizen.faceId ?? 'f01'), liveness: PASSED_LIVENESS },
  });
  const { identityToken } = response.json() as { identityToken?: string };
  if (!identityToken) throw new Error(`identification failed: ${response.body}`);
  return { phoneToken, identityToken };
}

/** Evidence of a liveness sequence the kiosk passed: two turns, as the test device profile asks. */
export const PASSED_LIVENESS: LivenessEvidence = {
  thresholdsVersion: 'liveness-2026-11-25.2',
  status: 'passed',
  reason: null,
  durationMs: 6400,
  frameCount: 128,
  fps: 20,
  challenges: [
    { kind: 'turn_left', outcome: 'passed', startMs: 700, endMs: 3100, peak: 21, parallax: 0.07 },
    { kind: 'turn_right', outcome: 'passed', startMs: 3100, endMs: 6400, peak: 19, parallax: 0.06 },
  ],
  passive: {
    longestFrozenMs: 90,
    identicalShare: 0.1,
    medianJitter: 0.012,
    repeatedFrames: 0,
    descriptorsCompared: 6,
    maxIdentityDistance: 0.18,
    maxFaces: 1,
    longestFaceGapMs: 0,
  },
  pose: { yaw: [-20, 22], pitch: [-3, 4], roll: [-2, 2] },
};

/** The ICAO measures of a portrait that passed every limit, as the kiosk sends them. */
export const PASSED_PHOTO_QUALITY: PhotoQuality = {
  limitsVersion: 'photo-2026-11-25.1',
  measures: {
    SingleFacePresent: 1,
    InterEyeDistance: 84.2,
    HeadSize: 0.75,
    CropOfTheFaceImage: 0.0012,
    HeadPoseYaw: 1.8,
    HeadPosePitch: -2.4,
    HeadPoseRoll: 0.9,
    EyesOpen: 0.31,
    MouthClosed: 0.04,
    ExpressionNeutrality: 0.93,
    Luminance: 137.2,
    DynamicRange: 112.5,
    Sharpness: 41.3,
    BackgroundUniformity: 0.2,
    BackgroundLuminance: 233.6,
  },
};

/** A kiosk enrolled as a technician would: the admin's code, then the terminal's key sent with it. */
export interface TestTerminal {
  terminalId: string;
  centreId: string;
  keys: CryptoKeyPair;
  /** The back office's key the terminal seals to. */
  backOfficeKey: CryptoKey;
}

export async function enrolTerminal(app: FastifyInstance, terminalId: string, centreId = 'AST-03'): Promise<TestTerminal> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/terminals',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    payload: { terminalId, centreId },
  });
  const { code } = created.json() as { code?: string };
  if (!code) throw new Error(`terminal creation failed: ${created.body}`);
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
