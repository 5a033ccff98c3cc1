import { Value } from '@sinclair/typebox/value';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat } from '../protocol/heartbeat';
import type { SealedPacket } from '../protocol/packets';
import type { DeviceReports } from '../devices/devices';
import { kioskDbOpener } from './kiosk-db-fixture';
import { TERMINAL_ROW, type KioskDb } from './kiosk-db';
import { recordLastSync } from './last-sync';
import { putPacket } from './outbox';
import { assembleHeartbeat, FIRST_HEARTBEAT_MS, HEARTBEAT_INTERVAL_MS, OutOfOrderSince, startHeartbeat, type HeartbeatSender, type HeartbeatSources } from './heartbeat';
import { storageVerdict } from './storage';

const openDb = kioskDbOpener();
const jwk = { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) } as const;
const T0 = new Date('2026-03-02T05:00:00.000Z');
const MB = 1024 * 1024;

const DEVICES_OK: DeviceReports = {
  printer: { driver: 'webusb', state: 'ok' },
  camera: { driver: 'camera', state: 'ok' },
  pad: { driver: 'touch', state: 'ok' },
  scanner: { driver: 'webhid', state: 'ok' },
};

function packet(seq: number): SealedPacket {
  return {
    v: 1,
    terminalId: 'KIOSK-1',
    applicationId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq,
    sealedAt: '2026-03-02T04:00:00Z',
    epk: jwk,
    iv: 'i'.repeat(16),
    ciphertext: `c${seq}`,
    signature: 's'.repeat(86),
  };
}

async function enrol(db: KioskDb): Promise<void> {
  const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  await db.terminal.put({
    id: TERMINAL_ROW,
    terminalId: 'KIOSK-1',
    centreId: 'AST-ESIL',
    signingKey: privateKey,
    publicKeyJwk: jwk,
    backOfficeKey: jwk,
    enrolledAt: '2026-03-01T00:00:00Z',
    nextSeq: 1,
  });
}

describe('assembleHeartbeat', () => {
  it('puts the outbox, devices, storage, readiness and last sync on the wire in a form the back office takes', () => {
    const heartbeat = assembleHeartbeat({
      appVersion: '0.4.0',
      outbox: { pending: 3, quarantined: 1, oldestPendingAgeMs: 125_900, lastSync: { at: T0.getTime() - 60_000, delivered: 2 } },
      devices: { ...DEVICES_OK, printer: { driver: 'webusb', state: 'paper_out' } },
      storage: storageVerdict({ usage: 3000 * MB, quota: 3100 * MB }),
      readiness: { fault: 'device_fault', detail: 'paper_out', since: T0 },
    });
    expect(heartbeat).toEqual({
      v: 1,
      appVersion: '0.4.0',
      outbox: { pending: 3, oldestPendingAgeS: 125, quarantined: 1 },
      devices: { ...DEVICES_OK, printer: { driver: 'webusb', state: 'paper_out' } },
      storage: { state: 'low', usageBytes: 3000 * MB, quotaBytes: 3100 * MB },
      readiness: { fault: 'device_fault', detail: 'paper_out', since: '2026-03-02T05:00:00.000Z' },
      lastSyncAt: '2026-03-02T04:59:00.000Z',
    });
    expect(Value.Check(Heartbeat, heartbeat)).toBe(true);
  });

  it('says nothing of a since or a detail while the kiosk is in order, and null where nothing is known yet', () => {
    const heartbeat = assembleHeartbeat({
      appVersion: 'dev',
      outbox: { pending: 0, quarantined: 0, oldestPendingAgeMs: null, lastSync: null },
      devices: DEVICES_OK,
      storage: null,
      readiness: { fault: null, detail: 'paper_out', since: T0 },
    });
    expect(heartbeat).toMatchObject({ outbox: { oldestPendingAgeS: null }, storage: null, readiness: { fault: null, detail: null, since: null }, lastSyncAt: null });
    expect(Value.Check(Heartbeat, heartbeat)).toBe(true);
  });

  it('holds no personal data: the schema refuses any field it does not name', () => {
    const heartbeat = assembleHeartbeat({
      appVersion: 'dev',
      outbox: { pending: 0, quarantined: 0, oldestPendingAgeMs: null, lastSync: null },
      devices: DEVICES_OK,
      storage: null,
      readiness: { fault: null, detail: null, since: null },
    });
    expect(Value.Check(Heartbeat, { ...heartbeat, iin: '900101300017' })).toBe(false);
    expect(Value.Check(Heartbeat, { ...heartbeat, outbox: { ...heartbeat.outbox, applicationIds: [] } })).toBe(false);
  });

  it('gives a pending packet sealed "in the future" (a clock set back) an age of 0, not a refusal', () => {
    const heartbeat = assembleHeartbeat({
      appVersion: 'dev',
      outbox: { pending: 1, quarantined: 0, oldestPendingAgeMs: -5_000, lastSync: null },
      devices: DEVICES_OK,
      storage: null,
      readiness: { fault: null, detail: null, since: null },
    });
    expect(heartbeat.outbox.oldestPendingAgeS).toBe(0);
  });
});

describe('OutOfOrderSince', () => {
  it('keeps the first moment of a stretch out of order, across a change of reason, and forgets it once in order', () => {
    const since = new OutOfOrderSince();
    const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
    expect(since.observe(null, at(0))).toBeNull();
    expect(since.observe('device_fault', at(1))).toEqual(at(1));
    expect(since.observe('storage_full', at(2))).toEqual(at(1));
    expect(since.observe(null, at(3))).toBeNull();
    expect(since.observe('terminal_refused', at(4))).toEqual(at(4));
  });
});

describe('startHeartbeat', () => {
  let db: KioskDb;
  let sender: HeartbeatSender | undefined;
  let now: Date;
  let link: boolean;
  let fault: string | null;
  let send: ReturnType<typeof vi.fn<(h: Heartbeat) => Promise<unknown>>>;

  beforeEach(() => {
    db = openDb();
    now = T0;
    link = true;
    fault = null;
    send = vi.fn<(h: Heartbeat) => Promise<unknown>>(() => Promise.resolve({ receivedAt: now.toISOString() }));
  });
  afterEach(() => {
    sender?.stop();
    vi.useRealTimers();
  });

  function start(change: Partial<HeartbeatSources> = {}): HeartbeatSender {
    sender = startHeartbeat({
      db,
      appVersion: '0.4.0',
      linkUp: () => link,
      readiness: () => ({ fault, detail: fault === 'device_fault' ? 'paper_out' : null }),
      devices: () => Promise.resolve(DEVICES_OK),
      storage: () => Promise.resolve(storageVerdict({ usage: 10 * MB, quota: 2000 * MB })),
      send,
      now: () => now,
      ...change,
    });
    return sender;
  }

  it('sends nothing before the terminal is enrolled', async () => {
    expect(await start().beat()).toBe('not_enrolled');
    expect(send).not.toHaveBeenCalled();
  });

  it('sends nothing without a link', async () => {
    await enrol(db);
    link = false;
    expect(await start().beat()).toBe('offline');
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the outbox as it stands: pending, the oldest one’s age, quarantined, the last sync', async () => {
    await enrol(db);
    await putPacket(db, packet(1), T0.getTime() - 600_000);
    await putPacket(db, packet(2), T0.getTime() - 60_000);
    await putPacket(db, packet(3), T0.getTime() - 30_000);
    await db.outbox.update(packet(3).applicationId, { state: 'quarantined', quarantine: { code: 'bad_signature', status: 400, at: T0.getTime() } });
    await recordLastSync(db, { at: T0.getTime() - 120_000, delivered: 4 });
    expect(await start().beat()).toBe('sent');
    expect(send).toHaveBeenCalledOnce();
    const sent = send.mock.calls[0]![0];
    expect(Value.Check(Heartbeat, sent)).toBe(true);
    expect(sent).toMatchObject({
      appVersion: '0.4.0',
      outbox: { pending: 2, oldestPendingAgeS: 600, quarantined: 1 },
      devices: DEVICES_OK,
      storage: { state: 'ok', usageBytes: 10 * MB, quotaBytes: 2000 * MB },
      readiness: { fault: null, detail: null, since: null },
      lastSyncAt: '2026-03-02T04:58:00.000Z',
    });
  });

  it('tells since when the kiosk is out of order as first seen, also while it had no link', async () => {
    await enrol(db);
    const heartbeat = start();
    fault = 'device_fault';
    link = false;
    expect(await heartbeat.beat()).toBe('offline');
    now = new Date(T0.getTime() + 5 * 60_000);
    link = true;
    expect(await heartbeat.beat()).toBe('sent');
    expect(send.mock.calls[0]![0].readiness).toEqual({ fault: 'device_fault', detail: 'paper_out', since: T0.toISOString() });
  });

  it('drops a heartbeat that fails: the next one carries the state of its own minute, nothing is queued', async () => {
    await enrol(db);
    send.mockRejectedValueOnce(new Error('network'));
    const heartbeat = start();
    expect(await heartbeat.beat()).toBe('failed');
    await putPacket(db, packet(1), T0.getTime());
    expect(await heartbeat.beat()).toBe('sent');
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0].outbox.pending).toBe(1);
  });

  it('does not start a second send while one is still waiting for its answer', async () => {
    await enrol(db);
    let answer: (value: unknown) => void = () => {};
    send.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const heartbeat = start();
    const first = heartbeat.beat();
    await vi.waitFor(() => expect(send).toHaveBeenCalledOnce());
    expect(await heartbeat.beat()).toBe('busy');
    answer({ receivedAt: T0.toISOString() });
    expect(await first).toBe('sent');
    expect(send).toHaveBeenCalledOnce();
  });

  it('beats soon after the start, then once a minute, and no more once stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    await enrol(db);
    const heartbeat = start();
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(FIRST_HEARTBEAT_MS);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS - FIRST_HEARTBEAT_MS);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await vi.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(3));
    heartbeat.stop();
    await vi.advanceTimersByTimeAsync(5 * HEARTBEAT_INTERVAL_MS);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('stopped before its first beat, never beats', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    await enrol(db);
    start().stop();
    await vi.advanceTimersByTimeAsync(2 * HEARTBEAT_INTERVAL_MS);
    expect(send).not.toHaveBeenCalled();
  });
});
