import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskDb } from '../sync/kiosk-db';
import { exportLog } from './audit-log';
import { writeSetting } from './settings';
import { PIN_ITERATIONS, PinError, SANDBOX_PIN, installSandboxPin, pinProblem, pinRecord, sameBytes, setPin, verifyPin } from './pin';

const MIN = 60_000;
let idb: IDBFactory;
let opened: KioskDb[];
let time: number;
const clock = () => time;

function openDb(): KioskDb {
  const db = new KioskDb({ indexedDB: idb, IDBKeyRange });
  opened.push(db);
  return db;
}
beforeEach(() => {
  idb = new IDBFactory();
  opened = [];
  time = Date.UTC(2026, 0, 1);
});
afterEach(() => opened.forEach((db) => db.close()));

async function actions(db: KioskDb): Promise<{ action: string; details: unknown }[]> {
  const { jsonl } = await exportLog(db);
  return jsonl
    .trim()
    .split('\n')
    .map((line) => {
      const { action, details } = JSON.parse(line) as { action: string; details: unknown };
      return { action, details };
    });
}

describe('pinProblem', () => {
  it('takes 6 to 8 digits that are not a repeated digit or a run', () => {
    expect(['482917', '5031987', '90817263'].map(pinProblem)).toEqual([null, null, null]);
    expect(pinProblem('12345')).toBe('pin_length');
    expect(pinProblem('123456789')).toBe('pin_length');
    expect(pinProblem('48a917')).toBe('pin_not_digits');
    expect(pinProblem('４８２９１７')).toBe('pin_not_digits');
    expect(['000000', '777777', '123456', '654321', '23456789'].map(pinProblem)).toEqual(Array(5).fill('pin_too_simple'));
  });
});

describe('sameBytes', () => {
  it('is true only for the same bytes of the same length', () => {
    expect(sameBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(sameBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(sameBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(sameBytes(new Uint8Array([0]), new Uint8Array([]))).toBe(false);
  });
});

describe('technician PIN', () => {
  it('keeps only a salted PBKDF2 hash, with a new salt each time it is set', async () => {
    const db = openDb();
    await setPin(db, '482917', 'enrolment', clock);
    const first = await pinRecord(db);
    await setPin(db, '482917', 'technician', clock);
    const second = await pinRecord(db);
    if (!first || !second) throw new Error('no PIN stored');
    expect(first).toMatchObject({ kdf: 'PBKDF2-SHA-256', iterations: PIN_ITERATIONS, source: 'enrolment' });
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    expect(first.salt).toHaveLength(16);
    expect(first.hash).toHaveLength(32);
    expect(sameBytes(first.salt, second.salt)).toBe(false);
    expect(sameBytes(first.hash, second.hash)).toBe(false);
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('482917');
  });

  it('refuses a PIN that may not be chosen, with its code', async () => {
    const db = openDb();
    await expect(setPin(db, '123456', 'technician', clock)).rejects.toEqual(new PinError('pin_too_simple'));
    expect(await pinRecord(db)).toBeNull();
  });

  it('says there is no PIN on a kiosk that has none, without counting it', async () => {
    const db = openDb();
    expect(await verifyPin(db, '482917', clock)).toEqual({ ok: false, reason: 'no_pin' });
  });

  it('accepts the right PIN and refuses a wrong one, counting down', async () => {
    const db = openDb();
    await setPin(db, '482917', 'enrolment', clock);
    expect(await verifyPin(db, '482918', clock)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 });
    expect(await verifyPin(db, '482917', clock)).toEqual({ ok: true });
    // The right PIN cleared the count.
    expect(await verifyPin(db, '000001', clock)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 });
  });

  it('locks for five minutes after five wrong PINs, even across a reload, refusing the right PIN meanwhile', async () => {
    const db = openDb();
    await setPin(db, '482917', 'enrolment', clock);
    for (let i = 0; i < 4; i++) expect((await verifyPin(db, '111112', clock)).ok).toBe(false);
    const fifth = await verifyPin(db, '111112', clock);
    expect(fifth).toEqual({ ok: false, reason: 'locked', until: time + 5 * MIN });

    db.close();
    const reloaded = openDb();
    time += 5 * MIN - 1;
    expect(await verifyPin(reloaded, '482917', clock)).toEqual({ ok: false, reason: 'locked', until: time + 1 });
    time += 1;
    expect(await verifyPin(reloaded, '482917', clock)).toEqual({ ok: true });
  });

  it('locks for ten minutes the second time', async () => {
    const db = openDb();
    await setPin(db, '482917', 'enrolment', clock);
    // A first lockout that has just ended, as a reload would find it.
    await writeSetting(db, 'pinLockout', { failures: 0, lockouts: 1, lockedAt: time - 5 * MIN });
    for (let i = 0; i < 4; i++) await verifyPin(db, '111112', clock);
    expect(await verifyPin(db, '111112', clock)).toEqual({ ok: false, reason: 'locked', until: time + 10 * MIN });
  });

  it('counts a guess as wrong before checking it, so a reload mid-check does not undo it', async () => {
    const db = openDb();
    await setPin(db, '482917', 'enrolment', clock);
    // What is on disk while the slow derivation runs is what a reload at that moment would find.
    const derive = crypto.subtle.deriveBits.bind(crypto.subtle);
    const onDiskDuringCheck: unknown[] = [];
    const spy = vi.spyOn(crypto.subtle, 'deriveBits').mockImplementation(async (...args) => {
      onDiskDuringCheck.push((await db.settings.get('pinLockout'))?.value);
      return derive(...args);
    });
    try {
      await verifyPin(db, '111112', clock);
    } finally {
      spy.mockRestore();
    }
    expect(onDiskDuringCheck).toEqual([{ failures: 1, lockouts: 0, lockedAt: null }]);
  });

  it('logs each attempt with its outcome and never the PIN', async () => {
    const db = openDb();
    await setPin(db, '482917', 'enrolment', clock);
    await verifyPin(db, '111112', clock);
    await verifyPin(db, '482917', clock);
    for (let i = 0; i < 5; i++) await verifyPin(db, '111112', clock);
    await verifyPin(db, '482917', clock);
    const lockedUntil = new Date(time + 5 * MIN).toISOString();
    expect(await actions(db)).toEqual([
      { action: 'pin_set', details: { source: 'enrolment' } },
      { action: 'pin_refused', details: { failures: 1, lockedUntil: null } },
      { action: 'pin_accepted', details: {} },
      ...[1, 2, 3, 4].map((failures) => ({ action: 'pin_refused', details: { failures, lockedUntil: null } })),
      { action: 'pin_refused', details: { failures: 5, lockedUntil } },
      { action: 'pin_locked', details: { lockedUntil } },
    ]);
    const { jsonl } = await exportLog(db);
    expect(jsonl).not.toContain('482917');
    expect(jsonl).not.toContain('111112');
  });

  it('gives a sandbox-enrolled kiosk the documented PIN, but never replaces one already set', async () => {
    const db = openDb();
    expect(await installSandboxPin(db, clock)).toBe(true);
    expect(await pinRecord(db)).toMatchObject({ source: 'sandbox' });
    expect(await verifyPin(db, SANDBOX_PIN, clock)).toEqual({ ok: true });

    await setPin(db, '482917', 'technician', clock);
    expect(await installSandboxPin(db, clock)).toBe(false);
    expect((await verifyPin(db, SANDBOX_PIN, clock)).ok).toBe(false);
    expect(await verifyPin(db, '482917', clock)).toEqual({ ok: true });
  });

  it('clears a lockout when a new PIN is set', async () => {
    const db = openDb();
    await setPin(db, '482917', 'enrolment', clock);
    for (let i = 0; i < 5; i++) await verifyPin(db, '111112', clock);
    await setPin(db, '590318', 'enrolment', clock);
    expect(await verifyPin(db, '590318', clock)).toEqual({ ok: true });
  });
});
