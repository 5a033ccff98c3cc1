/**
 * The kiosk's own storage: asking the browser to keep it, and knowing how much room is left.
 *
 * The outbox lives in IndexedDB, which the browser may evict under storage pressure unless the
 * origin's storage is persistent; and a write that meets the quota fails. Either would lose sealed
 * applications, so the kiosk asks for persistence at start, and stops taking new applications
 * while there is still room for the one in progress.
 */

const MB = 1024 * 1024;

/**
 * Below this much free room the kiosk takes no new application. What one application writes is
 * bounded by the wire contract: a sealed packet's ciphertext is at most 4,000,000 base64 characters
 * (src/protocol/packets.ts; the portrait ≤ 90 KB, the signature PNG ≤ 2 MB in it): about 4 MB as
 * Chromium's IndexedDB stores an ASCII string, twice that while its database compacts, plus a few
 * small telemetry rows. 64 MB keeps room for the one in progress several times over, and for
 * what the browser itself writes meanwhile.
 */
export const RESERVE_BYTES = 64 * MB;

/**
 * Below this much free room technician mode warns: at the largest packets, still about twenty
 * applications; at typical ones (a few hundred KB), hundreds. Time to bring the kiosk online or
 * free the disk before it stops.
 */
export const LOW_BYTES = 256 * MB;

export type StorageState = 'ok' | 'low' | 'full';

export interface StorageVerdict {
  /** `full`: take no new application (below RESERVE_BYTES); `low`: warn the technician (below LOW_BYTES). */
  state: StorageState;
  /** Bytes this origin uses and may use, as the browser estimates them. */
  usage: number;
  quota: number;
  freeBytes: number;
}

/** Pure: what the estimate means for taking applications. */
export function storageVerdict({ usage, quota }: { usage: number; quota: number }): StorageVerdict {
  const freeBytes = Math.max(0, quota - usage);
  const state: StorageState = freeBytes < RESERVE_BYTES ? 'full' : freeBytes < LOW_BYTES ? 'low' : 'ok';
  return { state, usage, quota, freeBytes };
}

/** The part of `navigator.storage` used here; absent in old browsers and in insecure contexts. */
export type StorageApi = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

function storageApi(): StorageApi | undefined {
  return globalThis.navigator?.storage;
}

/**
 * Asks the browser not to evict the kiosk's storage. Resolves whether it is persistent now; false
 * where the API is missing or the browser refuses (Chromium decides by its own heuristics and
 * never prompts). Never rejects.
 */
export async function askPersistence(storage: StorageApi | undefined = storageApi()): Promise<boolean> {
  try {
    if (!storage?.persist) return false;
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** The verdict on the browser's current estimate; null where the browser gives none. Never rejects. */
export async function readStorage(storage: StorageApi | undefined = storageApi()): Promise<StorageVerdict | null> {
  try {
    if (!storage?.estimate) return null;
    const { usage, quota } = await storage.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number') return null;
    return storageVerdict({ usage, quota });
  } catch {
    return null;
  }
}
