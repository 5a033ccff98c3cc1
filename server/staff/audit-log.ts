import type { Queryable } from '../db/database';
import type { AuditEntry } from '../../src/protocol/staff';

/**
 * What staff did, by action. Sign-ins are audited by server/staff/session-routes.ts, accounts by
 * account-routes.ts; the console's routes add theirs (a view of personal data, a review decision).
 */
export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_locked'
  | 'sign_out'
  | 'account_created'
  | 'account_disabled'
  | 'password_reset'
  | 'totp_enrolled'
  | 'totp_removed'
  | (string & {});

export interface AuditRecord {
  /** Null for an attempt under a username no account has. */
  staffId: string | null;
  action: AuditAction;
  applicationId?: string | null;
  /** The reason the staff member gave (looking a citizen up by IIN, a rejection). */
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** What the audit page may narrow by, each optional; `from` inclusive, `to` exclusive. */
export interface AuditFilters {
  staffId?: string | undefined;
  applicationId?: string | undefined;
  username?: string | undefined;
  action?: string | undefined;
  /** The receipt's number. */
  number?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

interface Row {
  id: string;
  at: Date;
  staff_id: string | null;
  username: string | null;
  action: string;
  application_id: string | null;
  application_number: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/**
 * The audit log: append and read, nothing else — the table's triggers refuse UPDATE, DELETE and
 * TRUNCATE (migration 0012), so this class could not offer them if it tried.
 */
export class AuditLog {
  constructor(
    private readonly db: Queryable,
    private readonly clock: () => Date,
  ) {}

  /** Appends one entry, in the caller's transaction when `db` is one, so it stands or falls with what it records. */
  async record(entry: AuditRecord, db: Queryable = this.db): Promise<void> {
    await db.query('INSERT INTO audit_log (at, staff_id, action, application_id, reason, details) VALUES ($1, $2, $3, $4, $5, $6)', [
      this.clock(),
      entry.staffId,
      entry.action,
      entry.applicationId ?? null,
      entry.reason ?? null,
      JSON.stringify(entry.details ?? {}),
    ]);
  }

  /**
   * A page, newest first, of entries older than `before` (an id): keyset paging, so the thousandth
   * page costs what the first does. Each filter narrows in SQL; the username and the application's
   * number are looked up once, not joined per row. Without days the walk is by id (the primary key,
   * or the staff member's, action's or application's index); with days it is by (at, id) on
   * audit_log_at, which starts at the range — walking ids down from the newest to reach last
   * month's entries would read every entry since (seen: 0.8 s over a million rows).
   */
  async list(options: AuditFilters & { before?: string | undefined; limit: number }): Promise<AuditEntry[]> {
    const byTime = options.from !== undefined || options.to !== undefined;
    const { rows } = await this.db.query<Row>(
      `SELECT l.id::text AS id, l.at, l.staff_id, s.username, l.action, l.application_id, a.number AS application_number, l.reason, l.details
       FROM audit_log l
       LEFT JOIN staff s ON s.id = l.staff_id
       LEFT JOIN applications a ON a.id = l.application_id
       WHERE ${byTime ? '($1::bigint IS NULL OR (l.at, l.id) < (SELECT b.at, b.id FROM audit_log b WHERE b.id = $1::bigint))' : '($1::bigint IS NULL OR l.id < $1::bigint)'}
         AND ($2::uuid IS NULL OR l.staff_id = $2::uuid)
         AND ($3::uuid IS NULL OR l.application_id = $3::uuid)
         AND ($4::text IS NULL OR l.staff_id = (SELECT id FROM staff WHERE lower(username) = lower($4::text)))
         AND ($5::text IS NULL OR l.action = $5::text)
         AND ($6::text IS NULL OR l.application_id = (SELECT id FROM applications WHERE number = $6::text))
         AND ($7::timestamptz IS NULL OR l.at >= $7::timestamptz)
         AND ($8::timestamptz IS NULL OR l.at < $8::timestamptz)
       ORDER BY ${byTime ? 'l.at DESC, l.id DESC' : 'l.id DESC'} LIMIT $9`,
      [
        options.before ?? null,
        options.staffId ?? null,
        options.applicationId ?? null,
        options.username ?? null,
        options.action ?? null,
        options.number ?? null,
        options.from ?? null,
        options.to ?? null,
        options.limit,
      ],
    );
    return rows.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      staffId: row.staff_id,
      username: row.username,
      action: row.action,
      applicationId: row.application_id,
      applicationNumber: row.application_number,
      reason: row.reason,
      details: row.details,
    }));
  }

  /**
   * When each of these accounts last signed in, by id (absent: never). One index walk per account
   * over audit_log (staff_id, id), newest first, stopping at its latest sign-in: a page of accounts
   * costs a page of probes, however long the log.
   */
  async lastSignIns(staffIds: readonly string[]): Promise<Map<string, string>> {
    if (staffIds.length === 0) return new Map();
    const { rows } = await this.db.query<{ id: string; at: Date | null }>(
      `SELECT s.id::text AS id,
              (SELECT l.at FROM audit_log l WHERE l.staff_id = s.id AND l.action = 'sign_in' ORDER BY l.id DESC LIMIT 1) AS at
       FROM unnest($1::uuid[]) AS s (id)`,
      [staffIds],
    );
    return new Map(rows.flatMap((row) => (row.at ? [[row.id, new Date(row.at).toISOString()] as const] : [])));
  }

}
