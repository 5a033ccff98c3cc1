import type { Queryable } from '../db/database';

export class RequestNoncesRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Remembers a terminal's nonce until `expiresAt`; false when it was already there: a replay.
   * One statement, so two processes given the same request at once accept it once. The
   * terminal's expired nonces go in the same statement: nothing to sweep on a timer.
   */
  async remember(terminalId: string, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
    const { rows } = await this.db.query(
      `WITH expired AS (DELETE FROM request_nonces WHERE terminal_id = $1 AND expires_at < $4)
       INSERT INTO request_nonces (terminal_id, nonce, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [terminalId, nonce, expiresAt, now],
    );
    return rows.length === 1;
  }
}
