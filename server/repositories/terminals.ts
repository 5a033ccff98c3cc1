import type { PublicKeyJwk } from '../../src/protocol/packets';
import type { Database } from '../db/database';

export interface TerminalSummary {
  terminalId: string;
  centreId: string;
  createdAt: Date;
  enrolledAt: Date | null;
  revokedAt: Date | null;
  /** The highest packet seq received from it; 0 before the first. */
  lastSeq: number;
}

export interface Terminal extends TerminalSummary {
  /** Null until the terminal is enrolled. */
  publicKey: PublicKeyJwk | null;
}

export type EnrolOutcome =
  | { ok: true; terminal: Terminal & { enrolledAt: Date } }
  | { ok: false; code: 'invalid_code' | 'code_used' | 'code_expired' };

interface Row {
  terminal_id: string;
  centre_id: string;
  public_key: PublicKeyJwk | null;
  created_at: Date;
  enrolled_at: Date | null;
  revoked_at: Date | null;
  last_seq: number;
}

const toSummary = (row: Row): TerminalSummary => ({
  terminalId: row.terminal_id,
  centreId: row.centre_id,
  createdAt: new Date(row.created_at),
  enrolledAt: row.enrolled_at ? new Date(row.enrolled_at) : null,
  revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  lastSeq: row.last_seq,
});
const toTerminal = (row: Row): Terminal => ({ ...toSummary(row), publicKey: row.public_key });

/** Kiosks allowed to send packets, and the one-time codes that enrol them (kept only as hashes). */
export class TerminalsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Creates the terminal, or moves a terminal not yet enrolled to `centreId`, and gives it this code
   * in place of any unused one. False when the terminal is enrolled or revoked: it keeps its key.
   */
  async issueCode(c: { terminalId: string; centreId: string; codeHash: string; expiresAt: Date; now: Date }): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query(
        `INSERT INTO terminals (terminal_id, centre_id, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (terminal_id) DO UPDATE SET centre_id = EXCLUDED.centre_id
           WHERE terminals.enrolled_at IS NULL AND terminals.revoked_at IS NULL
         RETURNING terminal_id`,
        [c.terminalId, c.centreId, c.now],
      );
      if (rows.length === 0) return false;
      await tx.query('DELETE FROM enrolment_codes WHERE terminal_id = $1 AND used_at IS NULL', [c.terminalId]);
      await tx.query('INSERT INTO enrolment_codes (code_hash, terminal_id, expires_at) VALUES ($1, $2, $3)', [
        c.codeHash,
        c.terminalId,
        c.expiresAt,
      ]);
      return true;
    });
  }

  /** Spends the code and records the terminal's key; a code is good once, before it expires, for a terminal not revoked. */
  async enrol(codeHash: string, publicKey: PublicKeyJwk, now: Date): Promise<EnrolOutcome> {
    return this.db.transaction(async (tx): Promise<EnrolOutcome> => {
      // Locked: two enrolments racing with one code must not both succeed.
      const { rows: codes } = await tx.query<{ terminal_id: string; expires_at: Date; used_at: Date | null }>(
        'SELECT terminal_id, expires_at, used_at FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
        [codeHash],
      );
      const code = codes[0];
      if (!code) return { ok: false, code: 'invalid_code' };
      if (code.used_at) return { ok: false, code: 'code_used' };
      if (new Date(code.expires_at).getTime() <= now.getTime()) return { ok: false, code: 'code_expired' };
      await tx.query('UPDATE enrolment_codes SET used_at = $2 WHERE code_hash = $1', [codeHash, now]);
      const { rows } = await tx.query<Row>(
        `UPDATE terminals SET public_key = $2, enrolled_at = $3
         WHERE terminal_id = $1 AND enrolled_at IS NULL AND revoked_at IS NULL RETURNING *`,
        [code.terminal_id, JSON.stringify(publicKey), now],
      );
      const row = rows[0];
      // Revoked since the code was issued: the code is spent all the same.
      if (!row) return { ok: false, code: 'invalid_code' };
      return { ok: true, terminal: { ...toTerminal(row), enrolledAt: now } };
    });
  }

  /** Marks the terminal revoked (its first revocation time is kept); null for an unknown terminal. */
  async revoke(terminalId: string, now: Date): Promise<Date | null> {
    const { rows } = await this.db.query<{ revoked_at: Date }>(
      'UPDATE terminals SET revoked_at = COALESCE(revoked_at, $2) WHERE terminal_id = $1 RETURNING revoked_at',
      [terminalId, now],
    );
    return rows[0] ? new Date(rows[0].revoked_at) : null;
  }

  async find(terminalId: string): Promise<Terminal | null> {
    const { rows } = await this.db.query<Row>('SELECT * FROM terminals WHERE terminal_id = $1', [terminalId]);
    return rows[0] ? toTerminal(rows[0]) : null;
  }

  async list(): Promise<TerminalSummary[]> {
    const { rows } = await this.db.query<Row>('SELECT * FROM terminals ORDER BY terminal_id');
    return rows.map(toSummary);
  }
}
