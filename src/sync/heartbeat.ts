import { MAX_INT32 } from '../protocol/common';
import { HEARTBEAT_VERSION, type Heartbeat } from '../protocol/heartbeat';
import type { DeviceReports } from '../devices/devices';
import type { KioskDb } from './kiosk-db';
import { listOutbox, type OutboxSummary } from './outbox';
import type { StorageVerdict } from './storage';
import { terminalOf } from './terminal';

/*
 * The terminal's heartbeat: once a minute while the back office can be reached, what the staff
 * console's fleet view shows of this kiosk (src/protocol/heartbeat.ts). No personal data: counts,
 * codes, sizes and times. A heartbeat that fails is dropped, never queued: the next one carries the
 * state of its own minute, which is all the back office keeps anyway.
 */

export const HEARTBEAT_INTERVAL_MS = 60_000;
/**
 * The first heartbeat after the page starts: a kiosk reloaded (a new version, a crash) shows so in
 * the fleet view within half a minute, well after its readiness check has read its terminal and devices.
 */
export const FIRST_HEARTBEAT_MS = 30_000;

/** What the kiosk knows of itself at one moment; assembleHeartbeat puts it on the wire. */
export interface HeartbeatSnapshot {
  appVersion: string;
  outbox: Pick<OutboxSummary, 'pending' | 'quarantined' | 'oldestPendingAgeMs' | 'lastSync'>;
  devices: DeviceReports;
  storage: StorageVerdict | null;
  readiness: { fault: string | null; detail: string | null; since: Date | null };
}

/** Pure: the wire form of a snapshot. */
export function assembleHeartbeat(snapshot: HeartbeatSnapshot): Heartbeat {
  const { outbox, storage, readiness } = snapshot;
  return {
    v: HEARTBEAT_VERSION,
    appVersion: snapshot.appVersion,
    outbox: {
      pending: outbox.pending,
      // A clock set back since the packet was sealed gives a negative age: none, not a refusal.
      oldestPendingAgeS: outbox.oldestPendingAgeMs === null ? null : Math.min(MAX_INT32, Math.max(0, Math.floor(outbox.oldestPendingAgeMs / 1000))),
      quarantined: outbox.quarantined,
    },
    devices: snapshot.devices,
    storage: storage && { state: storage.state, usageBytes: Math.round(storage.usage), quotaBytes: Math.round(storage.quota) },
    readiness: {
      fault: readiness.fault,
      detail: readiness.fault === null ? null : readiness.detail,
      since: readiness.fault === null || readiness.since === null ? null : readiness.since.toISOString(),
    },
    lastSyncAt: outbox.lastSync ? new Date(outbox.lastSync.at).toISOString() : null,
  };
}

/**
 * Since when the kiosk has been out of order, as seen at each look (every heartbeat tick, sent or
 * not, so a stretch offline counts too). Out of order for one reason and then another is one stretch:
 * the fleet view asks how long no citizen could be served, not how long each reason lasted.
 */
export class OutOfOrderSince {
  #since: Date | null = null;

  observe(fault: string | null, now: Date): Date | null {
    if (fault === null) this.#since = null;
    else this.#since ??= now;
    return this.#since;
  }
}

export interface HeartbeatSources {
  db: KioskDb;
  appVersion: string;
  /** Whether the back office is reachable now (src/sync/connection.svelte.ts): no heartbeat is tried without a link. */
  linkUp: () => boolean;
  /** The start screen's verdict (src/flow/readiness.svelte.ts outOfOrder) and the device's code behind a device_fault. */
  readiness: () => { fault: string | null; detail: string | null };
  devices: () => Promise<DeviceReports>;
  storage: () => Promise<StorageVerdict | null>;
  /** The signed call (src/sync/backoffice.ts backOffice.heartbeat). */
  send: (heartbeat: Heartbeat) => Promise<unknown>;
  now?: () => Date;
}

export type BeatOutcome = 'sent' | 'offline' | 'not_enrolled' | 'busy' | 'failed';

export interface HeartbeatSender {
  /** One heartbeat now, if there is a link and a terminal; what became of it. Never rejects. */
  beat(): Promise<BeatOutcome>;
  stop(): void;
}

/** Beats `firstMs` after the start, then every `intervalMs`, until stopped. */
export function startHeartbeat(sources: HeartbeatSources, intervalMs = HEARTBEAT_INTERVAL_MS, firstMs = FIRST_HEARTBEAT_MS): HeartbeatSender {
  const now = sources.now ?? (() => new Date());
  const outOfOrder = new OutOfOrderSince();
  let inFlight = false;

  async function beat(): Promise<BeatOutcome> {
    const at = now();
    const readiness = sources.readiness();
    const since = outOfOrder.observe(readiness.fault, at);
    // A send still waiting on a slow link (up to the client's timeout) is not doubled.
    if (inFlight) return 'busy';
    if (!sources.linkUp()) return 'offline';
    inFlight = true;
    try {
      if (!(await terminalOf(sources.db))) return 'not_enrolled';
      const [outbox, devices, storage] = await Promise.all([listOutbox(sources.db, at.getTime()), sources.devices(), sources.storage()]);
      await sources.send(assembleHeartbeat({ appVersion: sources.appVersion, outbox, devices, storage, readiness: { ...readiness, since } }));
      return 'sent';
    } catch {
      return 'failed';
    } finally {
      inFlight = false;
    }
  }

  const first = setTimeout(() => void beat(), firstMs);
  const timer = setInterval(() => void beat(), intervalMs);
  return {
    beat,
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
