import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskDb } from '../sync/kiosk-db';
import { storageVerdict } from '../sync/storage';
import { Readiness } from './readiness.svelte';
import { readinessCheck, type ReadinessSources } from './readiness-check';

const MB = 1024 * 1024;
let db: KioskDb;
beforeEach(() => {
  db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

function sources(overrides: Partial<ReadinessSources> = {}): ReadinessSources {
  return {
    readiness: new Readiness(),
    db,
    health: () => Promise.resolve({ ok: true }),
    selfEnrol: null,
    storage: () => Promise.resolve(storageVerdict({ usage: 10 * MB, quota: 10_000 * MB })),
    devices: () => Promise.resolve(null),
    ...overrides,
  };
}

describe('readinessCheck', () => {
  it('puts a kiosk with no terminal, a full disk and a device fault out of order, in that order of reasons', async () => {
    const s = sources({ storage: () => Promise.resolve(storageVerdict({ usage: 999 * MB, quota: 1000 * MB })), devices: () => Promise.resolve('camera_missing') });
    await readinessCheck(s)();
    expect(s.readiness.terminal).toBeNull();
    expect(s.readiness.storageFull).toBe(true);
    expect(s.readiness.deviceFault).toBe('camera_missing');
    expect(s.readiness.outOfOrder).toBe('not_enrolled');
  });

  it('clears a device fault that was put right (a roll of paper put in)', async () => {
    let fault: string | null = 'paper_out';
    const s = sources({ devices: () => Promise.resolve(fault) });
    const check = readinessCheck(s);
    await check();
    expect(s.readiness.deviceFault).toBe('paper_out');
    fault = null;
    await check();
    expect(s.readiness.deviceFault).toBeNull();
  });

  it('does not wait on a back office that is down: the health call failing changes nothing', async () => {
    const s = sources({ health: () => Promise.reject(new Error('network')), devices: () => Promise.resolve('pad_missing') });
    await readinessCheck(s)();
    expect(s.readiness.deviceFault).toBe('pad_missing');
  });

  it('shares one check among calls that come while it runs', async () => {
    let release!: () => void;
    const held = new Promise<null>((resolve) => (release = () => resolve(null)));
    const devices = vi.fn(() => held);
    const check = readinessCheck(sources({ devices }));
    const first = check();
    const second = check();
    expect(second).toBe(first);
    release();
    await first;
    await check();
    expect(devices).toHaveBeenCalledTimes(2);
  });

  it('reports a check that failed and lets the next one run', async () => {
    const onError = vi.fn();
    let fail = true;
    const s = sources({ devices: () => (fail ? Promise.reject(new Error('broken driver')) : Promise.resolve(null)), onError });
    const check = readinessCheck(s);
    await check();
    expect(onError).toHaveBeenCalledOnce();
    fail = false;
    await check();
    expect(s.readiness.deviceFault).toBeNull();
  });
});
