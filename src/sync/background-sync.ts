import { Dexie } from 'dexie';
import type { DrainResult, Drainer } from './drain';
import type { KioskDb } from './kiosk-db';

/**
 * Background Sync for the outbox, both halves. The page asks for a sync after it puts a packet;
 * the browser fires `sync` in the service worker once it thinks the link is up, even if the
 * kiosk's tab has closed or crashed since, and retries the event later if it failed. Where the
 * browser has no Background Sync the page's own timer (sync-engine.ts) does the same, later.
 */

/** The one tag the kiosk registers: the browser merges repeated registrations of a tag into one. */
export const OUTBOX_SYNC_TAG = 'outbox';

/** The part of a ServiceWorkerRegistration that Background Sync adds (Chromium only, not in TS's DOM lib). */
interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/**
 * Asks the browser to fire the outbox's `sync` event in the service worker. Resolves whether it
 * was registered: false without a service worker, without Background Sync, or before the worker
 * is active. Never rejects and never waits for a worker that is not there: `ready` would hang
 * forever on a page no worker controls (development, a browser without service workers).
 */
export async function requestBackgroundSync(container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker): Promise<boolean> {
  try {
    if (!container) return false;
    const registration = (await container.getRegistration()) as (ServiceWorkerRegistration & SyncRegistration) | undefined;
    if (!registration?.active || !registration.sync) return false;
    await registration.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    // A refused registration (permission, no active worker yet): the page's timer still drains.
    return false;
  }
}

export type BackgroundSyncErrorCode = 'outbox_pending';

/** A sync that left packets waiting: rejecting the event is how the worker asks the browser to retry. */
export class BackgroundSyncError extends Error {
  constructor(
    readonly code: BackgroundSyncErrorCode,
    readonly result: DrainResult,
    /** Pending packets left in the outbox after the drain, due or backed off. */
    readonly pending: number,
  ) {
    super(`background sync: ${code} (${pending} pending${result.offline ? ', link down' : ''})`);
  }
}

export interface SyncDrainDeps {
  /** The worker's own connection, opened per event and closed after, so it never holds up an upgrade of the schema. */
  openDb: () => KioskDb;
  /** Builds the drainer over that connection, with the page's Web Lock so the two never send at once. */
  drainerFor: (db: KioskDb) => Drainer;
}

/**
 * What the service worker does on the outbox's `sync` event: one drain. It rejects while any
 * packet is still pending afterwards — unanswered, answered 5xx, or not yet due after an earlier
 * failure — so the browser fires the event again later (Chromium: a few more times, minutes
 * apart). A packet backed off by the page just before its tab closed would otherwise wait for the
 * next start of the kiosk. Quarantined packets need no retry and do not count.
 */
export async function drainOnSync(deps: SyncDrainDeps): Promise<DrainResult> {
  const db = deps.openDb();
  try {
    const result = await deps.drainerFor(db).drain();
    const pending = await countPending(db);
    if (pending > 0) throw new BackgroundSyncError('outbox_pending', result, pending);
    return result;
  } finally {
    db.close();
  }
}

/** From the index alone, without loading any packet. */
function countPending(db: KioskDb): Promise<number> {
  return db.outbox.where('[state+createdAt]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey], true, true).count();
}
