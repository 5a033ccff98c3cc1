import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SealedPacket } from '../protocol/packets';
import { BackgroundSyncError, drainOnSync, OUTBOX_SYNC_TAG, requestBackgroundSync } from './background-sync';
import { createDrainer, DRAIN_LOCK, type Answer, type Send, type WithLock } from './drain';
import { KioskDb } from './kiosk-db';
import { putPacket } from './outbox';
import { fakeApplicationId, fakePacket } from './packet-fixture';

const idOf = fakeApplicationId;

const ok = (packet: SealedPacket): Answer => ({
  status: 201,
  body: { applicationId: packet.applicationId, number: 'AB12-CD34-EF56', status: 'received' },
});

let idb: IDBFactory;
let pageDb: KioskDb;
/** Every connection the worker opened, to check it closed them. */
let workerDbs: KioskDb[];
let clock: number;
/** Application ids in the order the back office received them. */
let sent: string[];

function openWorkerDb(): KioskDb {
  const db = new KioskDb({ indexedDB: idb, IDBKeyRange });
  workerDbs.push(db);
  return db;
}

function syncDeps(send: Send, lock?: WithLock) {
  return {
    openDb: openWorkerDb,
    drainerFor: (db: KioskDb) => createDrainer({ db, send, now: () => clock, random: () => 0.5, lock }),
  };
}

const answering: Send = async (packet) => {
  sent.push(packet.applicationId);
  return ok(packet);
};

const linkDown: Send = async (packet) => {
  sent.push(packet.applicationId);
  throw new TypeError('Failed to fetch');
};

beforeEach(() => {
  idb = new IDBFactory();
  pageDb = new KioskDb({ indexedDB: idb, IDBKeyRange });
  workerDbs = [];
  clock = 1_000_000;
  sent = [];
});
afterEach(() => {
  pageDb.close();
  for (const db of workerDbs) db.close();
});

describe('drainOnSync (the service worker on a sync event)', () => {
  it('sends what the page left in the outbox, resolves, and closes its own connection', async () => {
    await putPacket(pageDb, fakePacket(1), clock);
    await putPacket(pageDb, fakePacket(2), clock);
    await expect(drainOnSync(syncDeps(answering))).resolves.toEqual({ sent: 2, quarantined: 0, retrying: 0, offline: false });
    expect(sent).toEqual([idOf(1), idOf(2)]);
    expect(await pageDb.outbox.count()).toBe(0);
    expect(workerDbs).toHaveLength(1);
    expect(workerDbs[0]?.isOpen()).toBe(false);
  });

  it('rejects when the link is down, so the browser fires the event again; the packet stays', async () => {
    await putPacket(pageDb, fakePacket(1), clock);
    const error = await drainOnSync(syncDeps(linkDown)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundSyncError);
    expect(error).toMatchObject({ code: 'outbox_pending', pending: 1, result: { offline: true, retrying: 1 } });
    expect(await pageDb.outbox.get(idOf(1))).toMatchObject({ state: 'pending', attempts: 1 });
    expect(workerDbs[0]?.isOpen()).toBe(false);
  });

  it('rejects while a packet waits out its backoff, though nothing was due to send now', async () => {
    await putPacket(pageDb, fakePacket(1), clock);
    await pageDb.outbox.update(idOf(1), { attempts: 1, nextAttemptAt: clock + 60_000 });
    const error = await drainOnSync(syncDeps(answering)).catch((e: unknown) => e);
    expect(sent).toEqual([]);
    expect(error).toMatchObject({ code: 'outbox_pending', pending: 1, result: { sent: 0, offline: false } });
  });

  it('resolves when only quarantined packets are left: retrying cannot help them', async () => {
    await putPacket(pageDb, fakePacket(1), clock);
    await pageDb.outbox.update(idOf(1), { state: 'quarantined', quarantine: { code: 'replay', status: 409, at: clock } });
    await expect(drainOnSync(syncDeps(answering))).resolves.toEqual({ sent: 0, quarantined: 0, retrying: 0, offline: false });
    expect(await pageDb.outbox.count()).toBe(1);
  });

  it('resolves with nothing to do on an empty outbox', async () => {
    await expect(drainOnSync(syncDeps(answering))).resolves.toMatchObject({ sent: 0 });
  });

  it('waits for a drain the page is running under the same lock, so no packet is sent twice at once', async () => {
    await putPacket(pageDb, fakePacket(1), clock);
    await putPacket(pageDb, fakePacket(2), clock);
    const names: string[] = [];
    // The page's first send hangs until the worker has either queued for the lock (right) or sent
    // the same packet itself (wrong): the test decides by what happened, not by waiting a while.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const lock = mutex(names, () => release());
    const pageSend: Send = async (packet) => {
      sent.push(packet.applicationId);
      await gate;
      return ok(packet);
    };
    const workerSend: Send = async (packet) => {
      release();
      return answering(packet);
    };

    const page = createDrainer({ db: pageDb, send: pageSend, now: () => clock, random: () => 0.5, lock }).drain();
    const worker = drainOnSync(syncDeps(workerSend, lock));
    expect(await page).toMatchObject({ sent: 2 });
    expect(await worker).toMatchObject({ sent: 0 });
    expect(sent).toEqual([idOf(1), idOf(2)]);
    expect(names).toEqual([DRAIN_LOCK, DRAIN_LOCK]);
  });
});

/** Web Locks' exclusive mode in miniature: one holder at a time, the rest in order. */
function mutex(names: string[], onQueued: () => void): WithLock {
  let held = false;
  const waiters: (() => void)[] = [];
  return async (name, fn) => {
    names.push(name);
    if (held) {
      const turn = new Promise<void>((resolve) => waiters.push(resolve));
      onQueued();
      await turn;
    }
    held = true;
    try {
      return await fn();
    } finally {
      const next = waiters.shift();
      if (next) next();
      else held = false;
    }
  };
}

describe('requestBackgroundSync (the page)', () => {
  function container(registration: unknown): ServiceWorkerContainer {
    return { getRegistration: () => Promise.resolve(registration) } as unknown as ServiceWorkerContainer;
  }
  function registrationWith(register: (tag: string) => Promise<void>, active: unknown = {}) {
    return { active, sync: { register } };
  }

  it('registers the outbox tag with an active worker that has Background Sync', async () => {
    const tags: string[] = [];
    const registered = await requestBackgroundSync(container(registrationWith(async (tag) => void tags.push(tag))));
    expect(registered).toBe(true);
    expect(tags).toEqual([OUTBOX_SYNC_TAG]);
  });

  it.each([
    ['no service worker support', undefined],
    ['no registration', container(undefined)],
    ['a worker not active yet', container(registrationWith(async () => undefined, null))],
    ['no Background Sync', container({ active: {} })],
    ['a refused registration', container(registrationWith(() => Promise.reject(new DOMException('denied', 'NotAllowedError'))))],
    ['getRegistration failing', { getRegistration: () => Promise.reject(new Error('insecure')) } as unknown as ServiceWorkerContainer],
  ])('resolves false, never rejects, with %s', async (_case, given) => {
    await expect(requestBackgroundSync(given)).resolves.toBe(false);
  });
});
