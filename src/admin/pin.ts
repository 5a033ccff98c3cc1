import type { KioskDb } from '../sync/kiosk-db';
import { logAction } from './audit-log';
import { UNLOCKED, afterFailure, asLockoutState, clampToClock, lockoutStatus, type LockoutState } from './lockout';
import { readSetting, writeSetting } from './settings';

/*
 * The technician's PIN. Only a PBKDF2 hash of it is kept, with a salt drawn on this kiosk, so the
 * PIN of one terminal is not read off another's disk. A 6–8 digit PIN has at most 10⁸ values: the
 * hash slows down whoever copies the disk, it does not stop them. What keeps a PIN safe on the
 * kiosk itself is the lockout (lockout.ts), persisted so that reloading the page does not reset it.
 *
 * Where the first PIN comes from (docs/technician.md): a production kiosk has none until it is
 * enrolled; technician mode then offers only enrolment, the back office's one-time code is the
 * authority, and the technician chooses the PIN right after the code is accepted (source
 * 'enrolment'). No PIN travels on the wire and none is built in. A forgotten PIN is replaced by
 * enrolling again with a new code. A kiosk enrolled by the sandbox back office (test and emulated
 * profiles) gets SANDBOX_PIN, which is documented and never on a production terminal, since a
 * production back office does not enrol kiosks by itself.
 */

/**
 * OWASP's figure for PBKDF2-HMAC-SHA-256 (2023). Once per PIN typed: what it costs in Chromium is
 * measured by `npm run bench:devices` (docs/benchmarks.md) — under a tenth of a second on the build
 * machine, unnoticed by the technician; a slower kiosk CPU may take a few times that, still fine.
 * Kept in each record, so raising it later leaves stored PINs valid.
 */
export const PIN_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

/** The PIN of every kiosk enrolled by the sandbox back office. Known by design; see above. */
export const SANDBOX_PIN = '000000';

export type PinSource = 'enrolment' | 'technician' | 'sandbox';

export interface PinRecord {
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array<ArrayBuffer>;
  source: PinSource;
  /** ms since the epoch. */
  setAt: number;
}

export type PinProblem = 'pin_not_digits' | 'pin_length' | 'pin_too_simple';

export class PinError extends Error {
  constructor(readonly code: PinProblem) {
    super(code);
    this.name = 'PinError';
  }
}

/**
 * Why a PIN may not be chosen, or null. Besides the length, it refuses the PINs tried first by
 * anyone guessing (one digit repeated, a run up or down): with five tries before each lockout,
 * those are the ones that would fall.
 */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d*$/.test(pin)) return 'pin_not_digits';
  if (pin.length < 6 || pin.length > 8) return 'pin_length';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - (digits[i] ?? 0)));
  if (steps.size === 1 && [0, 1, -1].some((step) => steps.has(step))) return 'pin_too_simple';
  return null;
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS));
}

/** Compares every byte whatever the first difference, so the time taken does not tell how much of a guess was right. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

async function storePin(db: KioskDb, pin: string, source: PinSource, now: () => number): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(pin, salt, PIN_ITERATIONS);
  const record: PinRecord = { kdf: 'PBKDF2-SHA-256', iterations: PIN_ITERATIONS, salt, hash, source, setAt: now() };
  await db.transaction('rw', db.settings, async () => {
    await writeSetting(db, 'technicianPin', record);
    await writeSetting(db, 'pinLockout', UNLOCKED);
  });
  await logAction(db, 'pin_set', { source }, now);
}

/** Sets the PIN (a new salt each time) and clears any lockout. Throws PinError for a PIN that may not be chosen. */
export async function setPin(db: KioskDb, pin: string, source: 'enrolment' | 'technician', now: () => number = Date.now): Promise<void> {
  const problem = pinProblem(pin);
  if (problem) throw new PinError(problem);
  await storePin(db, pin, source, now);
}

/** Gives a kiosk the sandbox's PIN unless it already has one; true if it did. Call only after the sandbox enrolled it. */
export async function installSandboxPin(db: KioskDb, now: () => number = Date.now): Promise<boolean> {
  if (await pinRecord(db)) return false;
  await storePin(db, SANDBOX_PIN, 'sandbox', now);
  return true;
}

export async function pinRecord(db: KioskDb): Promise<PinRecord | null> {
  const value = await readSetting(db, 'technicianPin');
  return isPinRecord(value) ? value : null;
}

function isPinRecord(value: unknown): value is PinRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.kdf === 'PBKDF2-SHA-256' &&
    typeof record.iterations === 'number' &&
    record.salt instanceof Uint8Array &&
    record.hash instanceof Uint8Array &&
    typeof record.source === 'string'
  );
}

export type PinVerdict =
  | { ok: true }
  /** No PIN on this kiosk yet: technician mode offers enrolment instead. */
  | { ok: false; reason: 'no_pin' }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  /** Locked out until `until` (ms since the epoch): by this attempt, or already before it. */
  | { ok: false; reason: 'locked'; until: number };

/**
 * Checks a PIN under the lockout. The attempt is written down as a failure before the slow
 * derivation and cleared only if the PIN is right, so reloading the page while a guess is being
 * checked does not get the guess for free.
 */
export async function verifyPin(db: KioskDb, pin: string, now: () => number = Date.now): Promise<PinVerdict> {
  const record = await pinRecord(db);
  if (!record) return { ok: false, reason: 'no_pin' };
  const at = now();
  const stored = asLockoutState(await readSetting(db, 'pinLockout'));
  const before = clampToClock(stored, at);
  const status = lockoutStatus(before, at);
  if (!status.allowed) {
    if (before !== stored) await writeSetting(db, 'pinLockout', before);
    await logAction(db, 'pin_locked', { lockedUntil: new Date(status.until).toISOString() }, now);
    return { ok: false, reason: 'locked', until: status.until };
  }
  const failed: LockoutState = afterFailure(before, at);
  await writeSetting(db, 'pinLockout', failed);

  if (sameBytes(await derive(pin, record.salt, record.iterations), record.hash)) {
    await writeSetting(db, 'pinLockout', UNLOCKED);
    await logAction(db, 'pin_accepted', {}, now);
    return { ok: true };
  }
  const after = lockoutStatus(failed, at);
  const failures = failed.lockouts > before.lockouts ? before.failures + 1 : failed.failures;
  await logAction(db, 'pin_refused', { failures, lockedUntil: after.allowed ? null : new Date(after.until).toISOString() }, now);
  return after.allowed ? { ok: false, reason: 'wrong', attemptsLeft: after.attemptsLeft } : { ok: false, reason: 'locked', until: after.until };
}
