import type { Queryable } from '../db/database';
import type { StaffRole } from '../../src/protocol/staff';

export interface SessionRecord {
  tokenHash: string;
  csrfHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  staff: { id: string; username: string; role: StaffRole; branchId: string | null; centreId: string | null; totp: boolean; disabled: boolean };
}

interface Row {
  token_hash: string;
  csrf_hash: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  staff_id: string;
  username: string;
  role: StaffRole;
  branch_id: string | null;
  centre_id: string | null;
  totp: boolean;
  disabled: boolean;
}

/** Staff sessions, found by the hash of their token (server/staff/session-token.ts). */
export class StaffSessionsRepository {
  constructor(private readonly db: Queryable) {}

  async create(session: { tokenHash: string; csrfHash: string; staffId: string; now: Date; expiresAt: Date }): Promise<void> {
    await this.db.query(
      `INSERT INTO staff_sessions (token_hash, staff_id, csrf_hash, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)`,
      [session.tokenHash, session.staffId, session.csrfHash, session.now, session.expiresAt],
    );
  }

  async find(tokenHash: string): Promise<SessionRecord | null> {
    const { rows } = await this.db.query<Row>(
      `SELECT s.token_hash, s.csrf_hash, s.created_at, s.last_seen_at, s.expires_at, s.staff_id,
              a.username, a.role, a.branch_id, a.centre_id, a.totp_secret IS NOT NULL AS totp, a.disabled_at IS NOT NULL AS disabled
       FROM staff_sessions s JOIN staff a ON a.id = s.staff_id WHERE s.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      tokenHash: row.token_hash,
      csrfHash: row.csrf_hash,
      createdAt: new Date(row.created_at),
      lastSeenAt: new Date(row.last_seen_at),
      expiresAt: new Date(row.expires_at),
      staff: {
        id: row.staff_id,
        username: row.username,
        role: row.role,
        branchId: row.branch_id,
        centreId: row.centre_id,
        totp: row.totp,
        disabled: row.disabled,
      },
    };
  }

  /** The sliding idle timeout: a request moves the session's last sight forward, never back. */
  async touch(tokenHash: string, now: Date): Promise<void> {
    await this.db.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2', [tokenHash, now]);
  }

  async delete(tokenHash: string): Promise<boolean> {
    const { rows } = await this.db.query('DELETE FROM staff_sessions WHERE token_hash = $1 RETURNING staff_id', [tokenHash]);
    return rows.length > 0;
  }

  /** Forgets sessions that ended, by either timeout: run at each sign-in, so no timer is needed to keep the table small. */
  async prune(now: Date, idleTimeoutS: number): Promise<number> {
    const { rows } = await this.db.query(
      'DELETE FROM staff_sessions WHERE expires_at <= $1 OR last_seen_at <= $2 RETURNING staff_id',
      [now, new Date(now.getTime() - idleTimeoutS * 1000)],
    );
    return rows.length;
  }
}
