import type { FleetTerminal as FleetTerminalWire, HeartbeatDevices, TerminalHealth } from '../../src/protocol/heartbeat';
import { scopeParams, type CentreScope } from '../staff/scope';
import type { Queryable } from '../db/database';

/*
 * The staff console's fleet view: every terminal of the centres asked for, with its latest
 * heartbeat (server/repositories/terminal-heartbeats.ts). Pure over the database: who may see which
 * centres is the caller's to decide (a supervisor: the centres of their branch), and `now` is given,
 * so the silence rule is tested on the test clock.
 */

/** A terminal not heard from for longer than this is flagged silent: fifteen missed heartbeats, not one lost on a bad link. */
export const SILENT_AFTER_S = 15 * 60;


export interface FleetTerminal {
  terminalId: string;
  centreId: string;
  /** Where it stands, as a supervisor named it; null until named. */
  name: string | null;
  enrolledAt: Date | null;
  revokedAt: Date | null;
  /** The last heartbeat received, by the back office's clock; null: never heard from. */
  lastContactAt: Date | null;
  /** Never heard from, or not for more than SILENT_AFTER_S before `now`. */
  silent: boolean;
  /** The rest as the last heartbeat told it; null (or empty) before the first. */
  appVersion: string | null;
  outbox: { pending: number; oldestPendingAgeS: number | null; quarantined: number } | null;
  devices: HeartbeatDevices | null;
  storage: { state: 'ok' | 'low' | 'full'; usageBytes: number; quotaBytes: number } | null;
  /** Out of order now (fault not null): why, since when, and for how long as of `now`. */
  readiness: { fault: string | null; detail: string | null; outOfOrderSince: Date | null; outOfOrderForS: number | null };
  /** The most recent fault reported, and when it was last reported; also once back in order. */
  lastFault: { fault: string; at: Date } | null;
  lastSyncAt: Date | null;
}

interface Row {
  terminal_id: string;
  centre_id: string;
  name: string | null;
  enrolled_at: Date | null;
  revoked_at: Date | null;
  received_at: Date | null;
  app_version: string | null;
  outbox_pending: number | null;
  oldest_pending_age_s: number | null;
  quarantined: number | null;
  devices: HeartbeatDevices | null;
  storage: FleetTerminal['storage'];
  readiness_fault: string | null;
  readiness_detail: string | null;
  out_of_order_since: Date | null;
  last_fault: string | null;
  last_fault_at: Date | null;
  last_sync_at: Date | null;
}

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** Every terminal in `scope`, by centre then id, with its health as of `now`. */
/** Which terminals: those of the scope's centres (server/staff/scope.ts), all of them, or none for an empty list. */
export async function fleet(db: Queryable, scope: CentreScope, now: Date): Promise<FleetTerminal[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const { rows } = await db.query<Row>(
    `SELECT t.terminal_id, t.centre_id, t.name, t.enrolled_at, t.revoked_at, h.received_at, h.app_version, h.outbox_pending,
            h.oldest_pending_age_s, h.quarantined, h.devices, h.storage, h.readiness_fault, h.readiness_detail,
            h.out_of_order_since, h.last_fault, h.last_fault_at, h.last_sync_at
       FROM terminals t LEFT JOIN terminal_heartbeats h ON h.terminal_id = t.terminal_id
      WHERE $1::boolean OR t.centre_id = ANY($2::text[])
      ORDER BY t.centre_id, t.terminal_id`,
    scopeParams(scope),
  );
  return rows.map((row) => toFleetTerminal(row, now));
}

function toFleetTerminal(row: Row, now: Date): FleetTerminal {
  const lastContactAt = date(row.received_at);
  const since = date(row.out_of_order_since);
  return {
    terminalId: row.terminal_id,
    centreId: row.centre_id,
    name: row.name,
    enrolledAt: date(row.enrolled_at),
    revokedAt: date(row.revoked_at),
    lastContactAt,
    silent: lastContactAt === null || now.getTime() - lastContactAt.getTime() > SILENT_AFTER_S * 1000,
    appVersion: row.app_version,
    outbox:
      row.outbox_pending === null
        ? null
        : { pending: row.outbox_pending, oldestPendingAgeS: row.oldest_pending_age_s, quarantined: row.quarantined ?? 0 },
    devices: row.devices,
    storage: row.storage,
    readiness: {
      fault: row.readiness_fault,
      detail: row.readiness_detail,
      outOfOrderSince: since,
      // A clock that put `since` after `now` (the caller's now, a reading of the past): not negative.
      outOfOrderForS: since === null ? null : Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000)),
    },
    lastFault: row.last_fault === null || row.last_fault_at === null ? null : { fault: row.last_fault, at: new Date(row.last_fault_at) },
    lastSyncAt: date(row.last_sync_at),
  };
}

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

/** The health of a terminal never heard from. */
export const NEVER_HEARD: TerminalHealth = {
  lastContactAt: null,
  silent: true,
  appVersion: null,
  outbox: null,
  devices: null,
  storage: null,
  readiness: { fault: null, detail: null, outOfOrderSince: null, outOfOrderForS: null },
  lastFault: null,
  lastSyncAt: null,
};

/** The wire form (src/protocol/heartbeat.ts TerminalHealth) of a terminal's health. */
export function terminalHealthWire(f: FleetTerminal): TerminalHealth {
  return {
    lastContactAt: iso(f.lastContactAt),
    silent: f.silent,
    appVersion: f.appVersion,
    outbox: f.outbox,
    devices: f.devices,
    storage: f.storage,
    readiness: { ...f.readiness, outOfOrderSince: iso(f.readiness.outOfOrderSince) },
    lastFault: f.lastFault && { fault: f.lastFault.fault, at: f.lastFault.at.toISOString() },
    lastSyncAt: iso(f.lastSyncAt),
  };
}

/** The wire form (src/protocol/heartbeat.ts FleetTerminal) of one terminal of the fleet view. */
export function fleetTerminalWire(f: FleetTerminal): FleetTerminalWire {
  return { terminalId: f.terminalId, centreId: f.centreId, name: f.name, enrolledAt: iso(f.enrolledAt), revokedAt: iso(f.revokedAt), health: terminalHealthWire(f) };
}
