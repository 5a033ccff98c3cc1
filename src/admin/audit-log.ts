import type { KioskDb, TechnicianLogRow } from '../sync/kiosk-db';

/**
 * What technician mode records, by action. Details are codes, counts, device kinds and terminal
 * ids — never a citizen's data and never a PIN or an enrolment code — so the log can be read by
 * anyone who services the kiosk and sent to the back office as it is. Times in details are ISO strings.
 * Details are plain values (TechnicianDetail): one that is not does not compile in logAction.
 */
export interface TechnicianActions {
  pin_accepted: Record<string, never>;
  /** A wrong PIN; `lockedUntil` is set when this one started a lockout. */
  pin_refused: { failures: number; lockedUntil: string | null };
  /** A PIN entered while locked out: refused without being checked. */
  pin_locked: { lockedUntil: string };
  pin_set: { source: 'enrolment' | 'technician' | 'sandbox' };
  enrolled: { terminalId: string; centreId: string };
  enrolment_failed: { code: string };
  profile_saved: {
    preset: string;
    printer: string;
    printerWidth: number;
    printerModel: string;
    scanner: string;
    camera: string;
    signature: string;
  };
  self_test: { device: string; ok: boolean; code: string | null };
  /** A device granted to the kiosk through the browser's chooser (a desktop without the kiosk's policies). */
  device_granted: { device: string; granted: boolean; code: string | null };
  screen_opened: { screen: string };
  sync_requested: Record<string, never>;
  /** A quarantined packet sent again; `code` is why the back office had refused it. */
  packet_released: { code: string };
  /** Sent to the back office: `entries` sent, `received` new to it, `lastSeq` the last it holds. */
  log_exported: { entries: number; received: number; lastSeq: number };
  /** The log was not taken; `code` is the back office's reason, or `network`. Nothing is lost: it is sent again next time. */
  log_export_failed: { code: string };
  /** Leaving the mode to start the kiosk again with the stored profile. */
  restart_requested: Record<string, never>;
  mode_closed: { reason: 'exit' | 'idle' | 'restart' };
  /**
   * Reference data not used: `bad_signature` (not signed by the back office this kiosk was enrolled
   * with), `older` (an answer older than what is kept), `unreadable` (what was kept no longer reads).
   */
  reference_data_rejected: { version: number | null; code: 'bad_signature' | 'older' | 'unreadable' };
  /** Journey records the back office already held under the same session ids with another body: it kept its own, the kiosk dropped these. */
  telemetry_conflict: { journeys: number };
}
export type TechnicianAction = keyof TechnicianActions;

/** The newest entries kept; older ones are dropped as new ones come. A day of heavy servicing is a few hundred. */
export const LOG_CAPACITY = 1000;

/** Records one action; the oldest entries beyond LOG_CAPACITY go in the same transaction. */
export async function logAction<K extends TechnicianAction>(
  db: KioskDb,
  action: K,
  details: TechnicianActions[K],
  now: () => number = Date.now,
  capacity = LOG_CAPACITY,
): Promise<void> {
  const at = now();
  await db.transaction('rw', db.technicianLog, async () => {
    await db.technicianLog.add({ at, action, details });
    const excess = (await db.technicianLog.count()) - capacity;
    if (excess > 0) await db.technicianLog.bulkDelete(await db.technicianLog.limit(excess).primaryKeys());
  });
}

/** The latest entries, newest first, for the technician's screen. */
export function recentActions(db: KioskDb, limit = 100): Promise<TechnicianLogRow[]> {
  return db.technicianLog.reverse().limit(limit).toArray();
}

export interface LogExport {
  /** One JSON object a line, oldest first, each ending in a newline; '' when nothing is new. */
  jsonl: string;
  entries: number;
  /** The seq to export after next time (the `afterSeq` given when nothing was new). */
  lastSeq: number;
}

/**
 * The entries after `afterSeq` as JSON lines for the back office: `{"seq","at","action","details"}`
 * with `at` as an ISO time. Sending only what is new keeps each export small; whoever sends it
 * keeps `lastSeq` once the back office has taken it.
 */
export async function exportLog(db: KioskDb, afterSeq = 0): Promise<LogExport> {
  const rows = await db.technicianLog.where('seq').above(afterSeq).toArray();
  const jsonl = rows
    .map(({ seq, at, action, details }) => JSON.stringify({ seq, at: new Date(at).toISOString(), action, details }) + '\n')
    .join('');
  return { jsonl, entries: rows.length, lastSeq: rows.at(-1)?.seq ?? afterSeq };
}
