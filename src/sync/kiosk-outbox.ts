import type { ApplicationPayload, SealedPacket } from '../protocol/packets';
import { requestBackgroundSync } from './background-sync';
import type { Connection } from './connection.svelte';
import { createDrainer, type DrainResult } from './drain';
import type { KioskDb } from './kiosk-db';
import { makePendingDue } from './outbox';
import { httpSend, startSync, webLock } from './sync-engine';
import { sealApplication } from './terminal';

/** How often the page looks at the outbox by itself; backed-off packets wait their own time. */
export const DRAIN_INTERVAL_MS = 30_000;

/** The outbox as the kiosk's page uses it: seal a finished application, and the drain runs by itself. */
export interface KioskOutbox {
  /** Resolves once the sealed packet is in the outbox: only then may the receipt print. */
  seal(payload: ApplicationPayload): Promise<SealedPacket>;
  /** The back office answered again: send everything now. */
  linkBack(): void;
  /** Drain now if the link allows (backoffs kept): what waits after the packets, the journey telemetry, goes too. */
  drainNow(): void;
  stop(): void;
}

/**
 * `onQuarantined`: the back office refused a packet for good; the kiosk may have to stop taking
 * citizens (a revoked terminal). `afterDrain`: each drain's result, once the packets went (the
 * journey telemetry follows them, src/telemetry/kiosk-telemetry.ts).
 */
export function startKioskOutbox(db: KioskDb, connection: Connection, onQuarantined: () => void, afterDrain: (result: DrainResult) => void = () => {}): KioskOutbox {
  const drainer = createDrainer({ db, send: httpSend(), now: Date.now, random: Math.random, lock: webLock });
  const heard = (result: DrainResult) => {
    if (result.offline) connection.heard(false);
    else if (result.sent + result.quarantined > 0) connection.heard(true);
    if (result.quarantined > 0) onQuarantined();
    afterDrain(result);
  };
  const sync = startSync({ drainer, events: window, intervalMs: DRAIN_INTERVAL_MS, wake: () => makePendingDue(db, Date.now()), onDrained: heard });
  return {
    async seal(payload) {
      const packet = await sealApplication(db, payload, () => new Date());
      sync.notify();
      // If the page is closed before the drain gets an answer, the service worker sends it when it can.
      void requestBackgroundSync();
      return packet;
    },
    linkBack: () => sync.linkBack(),
    drainNow: () => sync.notify(),
    stop: () => sync.stop(),
  };
}
