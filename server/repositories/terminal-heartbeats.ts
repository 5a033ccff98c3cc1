import type { Heartbeat } from '../../src/protocol/heartbeat';
import type { Database } from '../db/database';

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
   */
  async record(terminalId: string, heartbeat: Heartbeat, receivedAt: Date): Promise<void> {
    const { outbox, readiness } = heartbeat;
    const fault = readiness.fault;
    const since = fault === null ? null : new Date(Math.min(readiness.since ? Date.parse(readiness.since) : Infinity, receivedAt.getTime()));
    await this.db.query(
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
       WHERE h.received_at <= EXCLUDED.received_at`,
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
  }
}
