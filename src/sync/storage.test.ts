import { describe, expect, it } from 'vitest';
import { askPersistence, LOW_BYTES, readStorage, RESERVE_BYTES, storageVerdict, type StorageApi } from './storage';

const GB = 1024 ** 3;

describe('storageVerdict', () => {
  it.each([
    ['plenty of room', { usage: 20e6, quota: 10 * GB }, 'ok'],
    ['exactly LOW_BYTES free', { usage: GB - LOW_BYTES, quota: GB }, 'ok'],
    ['one byte under LOW_BYTES free', { usage: GB - LOW_BYTES + 1, quota: GB }, 'low'],
    ['exactly RESERVE_BYTES free', { usage: GB - RESERVE_BYTES, quota: GB }, 'low'],
    ['one byte under RESERVE_BYTES free', { usage: GB - RESERVE_BYTES + 1, quota: GB }, 'full'],
    ['the quota reached', { usage: GB, quota: GB }, 'full'],
    // Chromium's estimate can exceed the quota (padding of cached responses); no negative room.
    ['usage over the quota', { usage: GB + 5, quota: GB }, 'full'],
    ['a quota smaller than the reserve', { usage: 0, quota: RESERVE_BYTES - 1 }, 'full'],
    ['an empty origin with a small quota', { usage: 0, quota: RESERVE_BYTES + 1 }, 'low'],
  ] as const)('%s → %s', (_case, estimate, state) => {
    expect(storageVerdict(estimate).state).toBe(state);
  });

  it('reports the free room, never below zero, with what it was computed from', () => {
    expect(storageVerdict({ usage: 300, quota: 1000 })).toMatchObject({ usage: 300, quota: 1000, freeBytes: 700 });
    expect(storageVerdict({ usage: 1200, quota: 1000 }).freeBytes).toBe(0);
  });

  it('keeps the technician warning ahead of the stop', () => {
    expect(LOW_BYTES).toBeGreaterThan(RESERVE_BYTES);
  });
});

describe('askPersistence', () => {
  it('asks the browser and passes on its answer', async () => {
    let asked = 0;
    const storage = (granted: boolean): StorageApi => ({
      persisted: () => Promise.resolve(false),
      persist: () => {
        asked++;
        return Promise.resolve(granted);
      },
    });
    expect(await askPersistence(storage(true))).toBe(true);
    expect(await askPersistence(storage(false))).toBe(false);
    expect(asked).toBe(2);
  });

  it('does not ask again when the storage is already persistent', async () => {
    const storage: StorageApi = { persisted: () => Promise.resolve(true), persist: () => Promise.reject(new Error('asked')) };
    expect(await askPersistence(storage)).toBe(true);
  });

  it.each([
    ['no storage API', undefined],
    ['no persist()', {}],
    ['persist() failing', { persist: () => Promise.reject(new DOMException('no', 'InvalidStateError')) }],
  ] as const)('resolves false with %s', async (_case, storage) => {
    expect(await askPersistence(storage)).toBe(false);
  });
});

describe('readStorage', () => {
  it('judges the browser estimate', async () => {
    const verdict = await readStorage({ estimate: () => Promise.resolve({ usage: GB - 100 * 1024 * 1024, quota: GB }) });
    expect(verdict).toMatchObject({ state: 'low', freeBytes: 100 * 1024 * 1024 });
  });

  it.each([
    ['no storage API', undefined],
    ['no estimate()', {}],
    ['an estimate without a quota', { estimate: () => Promise.resolve({ usage: 5 }) }],
    ['estimate() failing', { estimate: () => Promise.reject(new Error('gone')) }],
  ] as const)('gives null with %s', async (_case, storage) => {
    expect(await readStorage(storage)).toBeNull();
  });
});
