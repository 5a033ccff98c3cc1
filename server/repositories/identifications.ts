import type { LivenessEvidence } from '../../src/protocol/liveness';
import type { Queryable } from '../db/database';

export interface Identification {
  iin: string;
  verificationId: string;
  createdAt: Date;
  /** How the kiosk judged the face live: kept for audit with the application it leads to (null in rows older than the column). */
  liveness: LivenessEvidence | null;
  /** The face match's distance: a match near the threshold is reviewed by a person (null in rows older than the column). */
  distance: number | null;
}

/** Successful face matches; the identity token the kiosk holds is stored only as its hash. */
export class IdentificationsRepository {
  constructor(private readonly db: Queryable) {}

  async create(tokenHash: string, identification: Identification): Promise<void> {
    await this.db.query(
      'INSERT INTO identifications (token_hash, iin, verification_id, created_at, liveness, distance) VALUES ($1, $2, $3, $4, $5, $6)',
      [tokenHash, identification.iin, identification.verificationId, identification.createdAt, JSON.stringify(identification.liveness), identification.distance],
    );
  }

  async findByToken(tokenHash: string): Promise<Identification | null> {
    const { rows } = await this.db.query<{ iin: string; verification_id: string; created_at: Date; liveness: LivenessEvidence | null; distance: number | null }>(
      'SELECT iin, verification_id, created_at, liveness, distance FROM identifications WHERE token_hash = $1',
      [tokenHash],
    );
    const row = rows[0];
    return row
      ? { iin: row.iin, verificationId: row.verification_id, createdAt: new Date(row.created_at), liveness: row.liveness, distance: row.distance === null ? null : Number(row.distance) }
      : null;
  }
}
