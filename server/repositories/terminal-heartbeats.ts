import type { Heartbeat } from '../../src/protocol/heartbeat';
import type { Database, Queryable } from '../db/database';

/**
 * Each terminal's latest heartbeat, one row per terminal (migration 0013). What the fleet view
 * reads is in server/terminals/fleet.ts.
 */
export class TerminalHeartbeatsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Replaces the terminal's row with this heartbeat. Out of order: the stretch keeps its earliest
   * start — what the back office held, or the kiosk's own sighting (never later than now), which
   * counts a stretch begun while the kiosk had no link — and ends with the first heartbeat in order.
   * A heartbeat received before the one held (two processes, a slow request) changes nothing.
   * In the same transaction, the stretches out of order by fault (recordOutOfOrder).
   */
  async record(terminalId: string, heartbeat: Heartbeat, receivedAt: Date): Promise<void> {
    const { outbox, readiness } = heartbeat;
    const fault = readiness.fault;
    const since = fault === null ? null : new Date(Math.min(readiness.since ? Date.parse(readiness.since) : Infinity, receivedAt.getTime()));
    await this.db.transaction(async (tx) => {
      // The upsert locks the terminal's row: another process's heartbeat of this terminal waits for
      // this commit, so the stretches below are judged on what it wrote.
      const { rows } = await tx.query(
        `INSERT INTO terminal_heartbeats AS h (terminal_id, received_at, app_version, outbox_pending, oldest_pending_age_s, quarantined,
           devices, storage, readiness_fault, readiness_detail, out_of_order_since, last_fault, last_fault_at, last_sync_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $9, CASE WHEN $9::text IS NULL THEN NULL ELSE $2::timestamptz END, $12)
         ON CONFLICT (terminal_id) DO UPDATE SET
           received_at = EXCLUDED.received_at,
           app_version = EXCLUDED.app_version,
           outbox_pending = EXCLUDED.outbox_pending,
           oldest_pending_age_s = EXCLUDED.oldest_pending_age_s,
           quarantined = EXCLUDED.quarantined,
           devices = EXCLUDED.devices,
           storage = EXCLUDED.storage,
           readiness_fault = EXCLUDED.readiness_fault,
           readiness_detail = EXCLUDED.readiness_detail,
           out_of_order_since = CASE WHEN EXCLUDED.readiness_fault IS NULL THEN NULL
                                     ELSE LEAST(h.out_of_order_since, EXCLUDED.out_of_order_since) END,
           last_fault = COALESCE(EXCLUDED.readiness_fault, h.last_fault),
           last_fault_at = COALESCE(EXCLUDED.last_fault_at, h.last_fault_at),
           last_sync_at = EXCLUDED.last_sync_at
         WHERE h.received_at <= EXCLUDED.received_at
         RETURNING 1`,
        [
          terminalId,
          receivedAt,
          heartbeat.appVersion,
          outbox.pending,
          outbox.oldestPendingAgeS,
          outbox.quarantined,
          JSON.stringify(heartbeat.devices),
          heartbeat.storage === null ? null : JSON.stringify(heartbeat.storage),
          fault,
          fault === null ? null : readiness.detail,
          since,
          heartbeat.lastSyncAt,
        ],
      );
      // A device's fault is kept by the device's code (paper_out, camera_missing…): the report sums
      // minutes by what a technician must fix, not by "a device".
      const stretchFault = fault === 'device_fault' && readiness.detail ? readiness.detail : fault;
      if (rows.length > 0) await recordOutOfOrder(tx, terminalId, stretchFault, since ?? receivedAt, receivedAt);
    });
  }
}

/**
 * terminal_out_of_order on a change (migration 0022): a fault opens a stretch unless the open one
 * has the same; another fault closes it and opens one of its own; in order closes it. The kiosk's
 * `since` (never later than the arrival) is when it went out of order, whatever the fault, and
 * keeps it across changes of fault (src/sync/heartbeat.ts): it starts a stretch opened from in
 * order, but on a change of fault it says when the new fault began only if it is later than the
 * open stretch's start (the kiosk restarted since); otherwise the change is dated by its arrival.
 * A stretch never starts before the one it follows ended: stretches of one terminal never overlap,
 * so the report's minutes by fault add up to the time out of order.
 */
async function recordOutOfOrder(tx: Queryable, terminalId: string, fault: string | null, since: Date, receivedAt: Date): Promise<void> {
  const { rows } = await tx.query<{ fault: string; started_at: Date }>(
    'SELECT fault, started_at FROM terminal_out_of_order WHERE terminal_id = $1 AND ended_at IS NULL FOR UPDATE',
    [terminalId],
  );
  const open = rows[0];
  if (fault === null) {
    if (open) await tx.query('UPDATE terminal_out_of_order SET ended_at = GREATEST(started_at, $2) WHERE terminal_id = $1 AND ended_at IS NULL', [terminalId, receivedAt]);
    return;
  }
  if (open?.fault === fault) return;
  let start = since;
  if (open) {
    start = since.getTime() > open.started_at.getTime() ? since : receivedAt;
    // Arrived at the very instant the open stretch began (another process's clock): that fault never lasted.
    if (start.getTime() <= open.started_at.getTime()) {
      await tx.query('UPDATE terminal_out_of_order SET fault = $2 WHERE terminal_id = $1 AND ended_at IS NULL', [terminalId, fault]);
      return;
    }
    await tx.query('UPDATE terminal_out_of_order SET ended_at = $2 WHERE terminal_id = $1 AND ended_at IS NULL', [terminalId, start]);
  }
  // A stretch closed at this very instant (opened and closed at once) is opened again with this fault.
  await tx.query(
    `INSERT INTO terminal_out_of_order (terminal_id, fault, started_at)
     SELECT $1, $2, GREATEST($3::timestamptz, max(ended_at)) FROM terminal_out_of_order WHERE terminal_id = $1
     ON CONFLICT (terminal_id, started_at) DO UPDATE SET fault = EXCLUDED.fault, ended_at = NULL`,
    [terminalId, fault, start],
  );
}
