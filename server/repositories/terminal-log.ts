import type { TechnicianLogEntry } from '../../src/protocol/technician-log';
import type { Database } from '../db/database';

export interface StoredLogEntry extends TechnicianLogEntry {
  receivedAt: Date;
}

interface Row {
  seq: number;
  at: Date;
  action: string;
  details: TechnicianLogEntry['details'];
  received_at: Date;
}

/** Terminals' technician logs, one row per entry, keyed by terminal and the kiosk's seq. */
export class TerminalLogRepository {
  constructor(private readonly db: Database) {}

  /**
   * Stores the entries not held yet (an entry sent again keeps its first copy); answers how many
   * were new and the highest seq now held of this terminal's log. The entries go as one jsonb
   * parameter, one statement whatever their number.
   */
  async store(terminalId: string, entries: readonly TechnicianLogEntry[], receivedAt: Date): Promise<{ received: number; lastSeq: number }> {
    return this.db.transaction(async (tx) => {
      const { rows: stored } = await tx.query(
        `INSERT INTO terminal_log (terminal_id, seq, at, action, details, received_at)
         SELECT $1, e.seq, e.at, e.action, e.details, $3
           FROM jsonb_to_recordset($2::jsonb) AS e (seq integer, at timestamptz, action text, details jsonb)
         ON CONFLICT (terminal_id, seq) DO NOTHING RETURNING seq`,
        [terminalId, JSON.stringify(entries), receivedAt],
      );
      const { rows } = await tx.query<{ last_seq: number }>(
        'SELECT COALESCE(max(seq), 0)::int AS last_seq FROM terminal_log WHERE terminal_id = $1',
        [terminalId],
      );
      return { received: stored.length, lastSeq: rows[0]?.last_seq ?? 0 };
    });
  }

  /** The latest entries of a terminal's log, newest (highest seq) first. */
  async latest(terminalId: string, limit: number): Promise<StoredLogEntry[]> {
    const { rows } = await this.db.query<Row>(
      'SELECT seq, at, action, details, received_at FROM terminal_log WHERE terminal_id = $1 ORDER BY seq DESC LIMIT $2',
      [terminalId, limit],
    );
    return rows.map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      action: r.action,
      details: r.details,
      receivedAt: new Date(r.received_at),
    }));
  }
}
