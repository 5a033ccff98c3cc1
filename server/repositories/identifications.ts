import type { LivenessEvidence } from '../../src/protocol/liveness';
import type { Queryable } from '../db/database';

export interface Identification {
  iin: string;
  verificationId: string;
  createdAt: Date;
  /** How the kiosk judged the face live: kept for audit with the application it leads to. */
  liveness: LivenessEvidence;
}

/** Successful face matches; the identity token the kiosk holds is stored only as its hash. */
export class IdentificationsRepository {
  constructor(private readonly db: Queryable) {}

  async create(tokenHash: string, identification: Identification): Promise<void> {
    await this.db.query(
      'INSERT INTO identifications (token_hash, iin, verification_id, created_at, liveness) VALUES ($1, $2, $3, $4, $5)',
      [tokenHash, identification.iin, identification.verificationId, identification.createdAt, JSON.stringify(identification.liveness)],
    );
  }

  async findByToken(tokenHash: string): Promise<Identification | null> {
    const { rows } = await this.db.query<{ iin: string; verification_id: string; created_at: Date; liveness: LivenessEvidence }>(
      'SELECT iin, verification_id, created_at, liveness FROM identifications WHERE token_hash = $1',
      [tokenHash],
    );
    const row = rows[0];
    return row
      ? { iin: row.iin, verificationId: row.verification_id, createdAt: new Date(row.created_at), liveness: row.liveness }
      : null;
  }
}
