import type { Enrolled, PublicKeyJwk } from '../protocol/packets';
import type { KioskDb } from '../sync/kiosk-db';
import type { PublicUrlLearnt } from '../sync/public-url';
import type { StorageVerdict } from '../sync/storage';
import type { Readiness } from './readiness.svelte';

export interface ReadinessSources {
  readiness: Readiness;
  db: KioskDb;
  /** Only to learn whether the back office answers: the connection status follows every call. */
  health: () => Promise<unknown>;
  /** The sandbox enrols a test kiosk by itself; a production terminal is enrolled by a technician's code. */
  selfEnrol: ((publicKey: PublicKeyJwk) => Promise<Enrolled>) | null;
  storage: () => Promise<StorageVerdict | null>;
  /** Asks the back office's public address when the kiosk lacks it (src/sync/public-url.ts publicUrlLearner). */
  publicUrl?: () => Promise<PublicUrlLearnt | null>;
  /** The first device fault (src/devices/devices.ts deviceFault), or null. */
  devices: () => Promise<string | null>;
  onError?: (error: unknown) => void;
}

/**
 * Whether the next citizen may start: enrolled, room for an application, every device there. Asked
 * at start, between citizens, on a timer, when the link returns and when technician mode closes;
 * calls that come while a check runs share it, so a burst of reasons costs one check.
 */
export function readinessCheck(sources: ReadinessSources): () => Promise<void> {
  const { readiness, db } = sources;
  let running: Promise<void> | null = null;
  return () => {
    running ??= Promise.all([
      sources.health().catch(() => undefined),
      // No link: asked again at the next check; the receipt prints without a QR until then.
      sources.publicUrl?.().catch(() => null),
      readiness.ensureTerminal(db, sources.selfEnrol),
      sources.storage().then((verdict) => {
        readiness.storageFull = verdict?.state === 'full';
      }),
      sources.devices().then((fault) => {
        readiness.deviceFault = fault;
      }),
    ])
      .then(
        // After the terminal is read: an address learnt while it was being read is not lost.
        ([, learnt]) => {
          if (learnt) readiness.learntPublicUrl(learnt.terminalId, learnt.publicUrl);
        },
        (error: unknown) => (sources.onError ?? ((e: unknown) => console.error('readiness check failed', e)))(error),
      )
      .finally(() => (running = null));
    return running;
  };
}
