import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EnrolRequest, Enrolled, SealedPacket } from '../protocol/packets';
import { BackOfficeError } from '../sync/backoffice';
import { KioskDb, TERMINAL_ROW } from '../sync/kiosk-db';
import { PRESET_PROFILES } from '../devices/profile';
import { exportLog, type LogExport } from './audit-log';
import { MAX_FAILURES } from './lockout';
import { SANDBOX_PIN, pinRecord, verifyPin } from './pin';
import { loadProfile, saveProfile } from './profile-store';
import { TECH_IDLE_MS, Technician, type TechnicianDeps } from './technician.svelte';
import { journeyRecord } from '../telemetry/record-fixture';
import { keepJourneyRecord } from '../telemetry/telemetry-store';

const jwk = { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) } as const;
const NOW = Date.UTC(2026, 2, 1, 9, 30);

let db: KioskDb;
beforeEach(() => {
  db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

async function enrolAs(terminalId: string): Promise<void> {
  const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  await db.terminal.put({
    id: TERMINAL_ROW,
    terminalId,
    centreId: 'AST-ESIL',
    signingKey: privateKey,
    publicKeyJwk: jwk,
    backOfficeKey: jwk,
    enrolledAt: '2026-03-01T08:00:00Z',
    nextSeq: 1,
  });
}

async function logged(): Promise<{ action: string; details: unknown }[]> {
  const { jsonl } = await exportLog(db);
  return jsonl
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { action: string; details: unknown });
}

/** A technician whose idle timer fires only when the test says so. */
function technician(overrides: Partial<TechnicianDeps> = {}) {
  const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  const onleave = vi.fn();
  const sendNow = vi.fn();
  const enrol = vi.fn<(body: EnrolRequest) => Promise<Enrolled>>(() => Promise.reject(new BackOfficeError('network', null)));
  const uploaded = { lastSeq: 0 };
  const send = vi.fn((exported: LogExport) => {
    uploaded.lastSeq = exported.lastSeq;
    return Promise.resolve({ received: exported.entries, lastSeq: exported.lastSeq });
  });
  const reload = vi.fn();
  const tech = new Technician({
    db,
    enrol,
    sendNow,
    onleave,
    uploadLog: { lastSeq: () => Promise.resolve(uploaded.lastSeq), send },
    search: '',
    startedAt: NOW - 60_000,
    reload,
    now: () => NOW,
    schedule: (fn, ms) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
    storage: { estimate: () => Promise.resolve({ usage: 10 * 1024 * 1024, quota: 1024 * 1024 * 1024 }), persisted: () => Promise.resolve(true) },
    ...overrides,
  });
  const fireIdle = () => timers.filter((timer) => !timer.cancelled).forEach((timer) => timer.fn());
  return { tech, timers, fireIdle, onleave, sendNow, enrol, send, uploaded, reload };
}

async function typePin(tech: Technician, pin: string): Promise<void> {
  for (const digit of pin) tech.typeDigit(digit);
}

describe('opening technician mode', () => {
  it('gives a sandbox terminal without a PIN the sandbox PIN, then asks for it', async () => {
    await enrolAs('SBX-7F3A');
    const { tech } = technician();
    await tech.open();
    expect(tech.stage).toBe('pin');
    expect((await pinRecord(db))?.source).toBe('sandbox');
    expect(tech.terminal).toEqual({ terminalId: 'SBX-7F3A', centreId: 'AST-ESIL', enrolledAt: '2026-03-01T08:00:00Z' });
  });

  it('offers only enrolment to a production kiosk without a PIN, and installs none', async () => {
    await enrolAs('KIOSK-7');
    const { tech } = technician();
    await tech.open();
    expect(tech.stage).toBe('enrol');
    expect(tech.hasPin).toBe(false);
    expect(await pinRecord(db)).toBeNull();
  });

  it('refuses a wrong PIN with the attempts left, and opens the overview on the right one', async () => {
    await enrolAs('SBX-7F3A');
    const { tech } = technician();
    await tech.open();
    await typePin(tech, '123456');
    await tech.submitPin();
    expect(tech.verdict).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 });
    expect(tech.stage).toBe('pin');
    expect(tech.pin).toBe('');

    await typePin(tech, SANDBOX_PIN);
    await tech.submitPin();
    expect(tech.stage).toBe('overview');
    expect(tech.outbox).toMatchObject({ pending: 0, quarantined: 0, oldestPendingAgeMs: null });
    expect(tech.storage).toMatchObject({ state: 'ok', freeBytes: 1014 * 1024 * 1024 });
    expect(tech.persisted).toBe(true);
    expect((await logged()).map((row) => row.action)).toEqual(['pin_set', 'pin_refused', 'pin_accepted', 'screen_opened']);
  });
});

describe('enrolment from technician mode', () => {
  const enrolled: Enrolled = { terminalId: 'KIOSK-9', centreId: 'ALA-01', backOfficeKey: jwk, enrolledAt: '2026-03-01T09:00:00Z', publicUrl: 'https://track.example.kz' };

  it('says why the back office refused a code, and logs the code of the refusal only', async () => {
    const { tech, enrol } = technician();
    enrol.mockRejectedValueOnce(new BackOfficeError('code_used', 409));
    await tech.open();
    expect(await tech.enrol('ABCD-2345')).toEqual({ ok: false, code: 'code_used' });
    expect(tech.stage).toBe('enrol');
    expect(await logged()).toEqual([expect.objectContaining({ action: 'enrolment_failed', details: { code: 'code_used' } })]);
  });

  it('enrols with the code, then has the technician choose a PIN typed twice', async () => {
    const { tech, enrol } = technician();
    enrol.mockResolvedValueOnce(enrolled);
    await tech.open();
    expect(await tech.enrol('ABCD-2345')).toEqual({ ok: true, terminal: { terminalId: 'KIOSK-9', centreId: 'ALA-01' } });
    expect(enrol).toHaveBeenCalledWith(expect.objectContaining({ code: 'ABCD-2345' }));
    expect(tech.stage).toBe('choose-pin');

    await typePin(tech, '111111');
    await tech.submitNewPin();
    expect(tech.pinChoiceProblem).toBe('pin_too_simple');
    await typePin(tech, '480159');
    await tech.submitNewPin();
    await typePin(tech, '480160');
    await tech.submitNewPin();
    expect(tech.pinChoiceProblem).toBe('mismatch');
    expect(tech.stage).toBe('choose-pin');

    await typePin(tech, '480159');
    await tech.submitNewPin();
    await typePin(tech, '480159');
    await tech.submitNewPin();
    expect(tech.stage).toBe('overview');
    expect(tech.terminal?.terminalId).toBe('KIOSK-9');
    expect(await verifyPin(db, '480159', () => NOW)).toEqual({ ok: true });
    expect((await pinRecord(db))?.source).toBe('enrolment');
  });

  it('keeps the PIN when the terminal is enrolled again from the overview', async () => {
    await enrolAs('SBX-7F3A');
    const { tech, enrol } = technician();
    enrol.mockResolvedValueOnce(enrolled);
    await tech.open();
    await typePin(tech, SANDBOX_PIN);
    await tech.submitPin();
    await tech.enrol('ABCD-2345');
    expect(tech.stage).toBe('overview');
    expect(tech.terminal?.terminalId).toBe('KIOSK-9');
    expect((await pinRecord(db))?.source).toBe('sandbox');
  });
});

describe('the outbox in technician mode', () => {
  const packet: SealedPacket = {
    v: 1,
    terminalId: 'SBX-7F3A',
    applicationId: '00000000-0000-4000-8000-000000000001',
    seq: 1,
    sealedAt: '2026-03-01T08:30:00Z',
    epk: jwk,
    iv: 'i'.repeat(16),
    ciphertext: 'c',
    signature: 's'.repeat(86),
  };

  it('releases a quarantined packet, logs why it had been refused, and sends at once', async () => {
    await enrolAs('SBX-7F3A');
    await db.outbox.put({
      applicationId: packet.applicationId,
      packet,
      seq: 1,
      state: 'quarantined',
      attempts: 3,
      nextAttemptAt: NOW,
      lastError: null,
      createdAt: NOW - 3_600_000,
      quarantine: { code: 'bad_signature', status: 422, at: NOW - 60_000 },
    });
    const { tech, sendNow } = technician();
    await tech.open();
    await typePin(tech, SANDBOX_PIN);
    await tech.submitPin();
    expect(tech.outbox?.quarantinedPackets.map((p) => p.quarantine.code)).toEqual(['bad_signature']);

    await tech.release(packet.applicationId);
    expect(sendNow).toHaveBeenCalledOnce();
    expect(tech.outbox).toMatchObject({ pending: 1, quarantined: 0, oldestPendingAgeMs: 3_600_000 });
    expect((await logged()).at(-1)).toMatchObject({ action: 'packet_released', details: { code: 'bad_signature' } });
  });

  it('asks the outbox to send now, and logs it', async () => {
    const { tech, sendNow } = technician();
    await tech.sendNow();
    expect(sendNow).toHaveBeenCalledOnce();
    expect((await logged()).map((row) => row.action)).toEqual(['sync_requested']);
  });

  it('shows how many journey records wait to be sent', async () => {
    for (const n of [1, 2]) await keepJourneyRecord(db, journeyRecord(n, NOW - n * 60_000));
    const { tech } = await inOverview();
    expect(tech.telemetry).toEqual({ journeys: 2, folds: 0, refused: 0 });
  });
});

/** A sandbox terminal's technician, in the overview. */
async function inOverview(overrides: Partial<TechnicianDeps> = {}) {
  await enrolAs('SBX-7F3A');
  const opened = technician(overrides);
  await opened.tech.open();
  await typePin(opened.tech, SANDBOX_PIN);
  await opened.tech.submitPin();
  return opened;
}

describe('the log sent to the back office', () => {
  it('sends only what the back office does not have, says how many, and logs it', async () => {
    const { tech, send, uploaded } = await inOverview();
    uploaded.lastSeq = 2; // pin_set and pin_accepted went with an earlier export
    await tech.exportLog();
    expect(send).toHaveBeenCalledOnce();
    expect(send.mock.calls[0]?.[0].jsonl.trim().split('\n').map((line) => (JSON.parse(line) as { action: string }).action)).toEqual(['screen_opened']);
    expect(tech.logExport).toEqual({ ok: true, entries: 1 });
    expect((await logged()).at(-1)).toMatchObject({ action: 'log_exported', details: { entries: 1, received: 1, lastSeq: 3 } });

    await tech.exportLog();
    expect(send.mock.calls[1]?.[0]).toMatchObject({ entries: 1, lastSeq: 4 });
  });

  it('says why it failed, logs the code, keeps every entry, and sends them all when tried again', async () => {
    const { tech, send } = await inOverview();
    send.mockRejectedValueOnce(new BackOfficeError('network', null));
    await tech.exportLog();
    expect(tech.logExport).toEqual({ ok: false, code: 'network' });
    expect(tech.exporting).toBe(false);
    expect((await logged()).at(-1)).toMatchObject({ action: 'log_export_failed', details: { code: 'network' } });

    send.mockRejectedValueOnce(new BackOfficeError('revoked_terminal', 403));
    await tech.exportLog();
    expect(tech.logExport).toEqual({ ok: false, code: 'revoked_terminal' });

    await tech.exportLog();
    expect(tech.logExport).toEqual({ ok: true, entries: 5 });
    expect(send.mock.calls[2]?.[0]).toMatchObject({ entries: 5, lastSeq: 5 });
    expect((await logged()).map((row) => row.action)).toEqual([
      'pin_set',
      'pin_accepted',
      'screen_opened',
      'log_export_failed',
      'log_export_failed',
      'log_exported',
    ]);
  });
});

describe('changing the PIN from the overview', () => {
  it('asks for the current PIN, then the new one twice, and sets it as the technician\'s', async () => {
    const { tech } = await inOverview();
    tech.startPinChange();
    expect(tech.pinChange).toBe('current');
    await typePin(tech, '123456');
    await tech.submitPinChange();
    expect(tech.verdict).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 });
    expect(tech.pinChange).toBe('current');

    await typePin(tech, SANDBOX_PIN);
    await tech.submitPinChange();
    expect(tech.pinChange).toBe('new');
    await typePin(tech, '111111');
    await tech.submitPinChange();
    expect(tech.pinChoiceProblem).toBe('pin_too_simple');
    await typePin(tech, '480159');
    await tech.submitPinChange();
    await typePin(tech, '480195');
    await tech.submitPinChange();
    expect(tech.pinChoiceProblem).toBe('mismatch');
    expect(tech.pinChange).toBe('new');

    await typePin(tech, '480159');
    await tech.submitPinChange();
    await typePin(tech, '480159');
    await tech.submitPinChange();
    expect(tech.pinChange).toBe('done');
    expect(tech.stage).toBe('overview');
    expect((await pinRecord(db))?.source).toBe('technician');
    expect(await verifyPin(db, SANDBOX_PIN, () => NOW)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await verifyPin(db, '480159', () => NOW)).toEqual({ ok: true });
    const actions = (await logged()).map((row) => row.action);
    expect(actions.slice(3, 7)).toEqual(['screen_opened', 'pin_refused', 'pin_accepted', 'pin_set']);
    expect((await logged())[6]).toMatchObject({ details: { source: 'technician' } });
  });

  it('locks out wrong current PINs as at entry, and then refuses even the right one', async () => {
    const { tech } = await inOverview();
    tech.startPinChange();
    for (let i = 0; i < MAX_FAILURES; i++) {
      await typePin(tech, '123456');
      await tech.submitPinChange();
    }
    expect(tech.verdict).toMatchObject({ ok: false, reason: 'locked' });
    await typePin(tech, SANDBOX_PIN);
    await tech.submitPinChange();
    expect(tech.verdict).toMatchObject({ ok: false, reason: 'locked' });
    expect(tech.pinChange).toBe('current');
    expect((await pinRecord(db))?.source).toBe('sandbox');
    expect((await logged()).at(-1)).toMatchObject({ action: 'pin_locked' });
  });

  it('leaves the PIN as it was when the change is cancelled', async () => {
    const { tech } = await inOverview();
    tech.startPinChange();
    await typePin(tech, SANDBOX_PIN);
    await tech.submitPinChange();
    await typePin(tech, '480159');
    await tech.submitPinChange();
    tech.cancelPinChange();
    expect(tech.pinChange).toBeNull();
    expect(tech.firstPin).toBeNull();
    expect((await pinRecord(db))?.source).toBe('sandbox');
  });
});

describe('the device profile from technician mode', () => {
  it('stores a preset with single settings changed; the kiosk runs it after the restart the screen offers', async () => {
    const { tech, onleave, reload } = await inOverview();
    expect(tech.profile).toMatchObject({ ok: true, source: 'default', profile: PRESET_PROFILES.emulated });
    expect(tech.restartPending).toBe(false);

    tech.editProfile();
    expect(tech.draft).toEqual(PRESET_PROFILES.emulated);
    tech.choosePreset('kiosk');
    tech.chooseSetting('width', 58);
    tech.chooseSetting('model', 'epson-tm-t20iii');
    tech.chooseSetting('printer', 'emulated');
    await tech.saveProfile();
    expect(tech.draft).toBeNull();
    expect(tech.profileProblems).toBeNull();
    expect(tech.restartPending).toBe(true);
    const chosen = { ...PRESET_PROFILES.kiosk, printer: { driver: 'emulated', width: 58, model: 'epson-tm-t20iii' } };
    expect(tech.profile).toEqual({ ok: true, source: 'stored', profile: chosen });
    expect(await loadProfile(db, '')).toEqual({ ok: true, source: 'stored', profile: chosen });
    expect(tech.actions[0]).toMatchObject({ action: 'profile_saved', details: { preset: 'kiosk', printer: 'emulated', printerWidth: 58 } });

    await tech.restart();
    expect(onleave).toHaveBeenCalledOnce();
    expect(reload).toHaveBeenCalledOnce();
    expect((await logged()).slice(-2)).toEqual([
      expect.objectContaining({ action: 'restart_requested' }),
      expect.objectContaining({ action: 'mode_closed', details: { reason: 'restart' } }),
    ]);
  });

  it('does not ask for a restart for a profile saved before this start, and edits the stored one', async () => {
    const stored = { ...PRESET_PROFILES.kiosk, scanner: 'camera' as const };
    await saveProfile(db, stored, () => NOW - 120_000);
    const { tech } = await inOverview();
    expect(tech.restartPending).toBe(false);
    tech.editProfile();
    expect(tech.draft).toEqual(stored);
  });

  it('says when the query string overrides the stored profile, and still edits the stored one', async () => {
    const stored = { ...PRESET_PROFILES.kiosk, scanner: 'camera' as const };
    await saveProfile(db, stored, () => NOW - 120_000);
    const { tech } = await inOverview({ search: '?profile=test' });
    expect(tech.profile).toEqual({ ok: true, source: 'query', profile: PRESET_PROFILES.test });
    tech.editProfile();
    expect(tech.draft).toEqual(stored);
    tech.cancelProfile();
    expect(tech.draft).toBeNull();
  });

  it('stores nothing that could not be read back, and says why', async () => {
    const { tech } = await inOverview();
    tech.editProfile();
    tech.chooseSetting('model', 'xprinter' as never);
    await tech.saveProfile();
    expect(tech.profileProblems).toEqual([expect.objectContaining({ code: 'unknown_value', field: 'model', value: 'xprinter' })]);
    expect(tech.draft).not.toBeNull();
    expect(tech.restartPending).toBe(false);
    expect(await loadProfile(db, '')).toMatchObject({ source: 'default' });
  });
});

describe('leaving technician mode', () => {
  it('closes by itself after two minutes without a touch, logged as idle, once', async () => {
    await enrolAs('SBX-7F3A');
    const { tech, timers, fireIdle, onleave } = technician();
    await tech.open();
    tech.touch();
    expect(timers.filter((timer) => !timer.cancelled).map((timer) => timer.ms)).toEqual([TECH_IDLE_MS]);
    fireIdle();
    await vi.waitFor(() => expect(onleave).toHaveBeenCalledOnce());
    await tech.leave('exit');
    expect(onleave).toHaveBeenCalledOnce();
    expect((await logged()).filter((row) => row.action === 'mode_closed')).toEqual([expect.objectContaining({ details: { reason: 'idle' } })]);
  });

  it('logs the technician leaving, and stops the idle timer', async () => {
    const { tech, timers, onleave } = technician();
    await tech.open();
    await tech.leave('exit');
    expect(onleave).toHaveBeenCalledOnce();
    expect(timers.every((timer) => timer.cancelled)).toBe(true);
    expect((await logged()).at(-1)).toMatchObject({ action: 'mode_closed', details: { reason: 'exit' } });
  });
});
