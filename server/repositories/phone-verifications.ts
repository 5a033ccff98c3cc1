import type { Queryable } from '../db/database';
import type { HashedCode } from '../phone/sms-code';
import type { ScreenColour } from '../../src/biometrics/colour-palette';
import { isUuid } from '../uuid';

/** The colour sequence the back office chose for the next identification (routes/identify.ts). */
export interface IssuedColourChallenge {
  nonce: string;
  sequence: ScreenColour[];
  stepMs: number;
  issuedAt: string;
}

export interface PhoneVerification {
  id: string;
  iin: string;
  phone: string;
  code: HashedCode;
  identifyAttemptsLeft: number;
  createdAt: Date;
  sentAt: Date;
  expiresAt: Date;
  confirmedAt: Date | null;
}

interface Row {
  id: string;
  iin: string;
  phone: string;
  code_salt: Uint8Array;
  code_hash: Uint8Array;
  identify_attempts_left: number;
  created_at: Date;
  sent_at: Date;
  expires_at: Date;
  confirmed_at: Date | null;
}

const toVerification = (row: Row): PhoneVerification => ({
  id: row.id,
  iin: row.iin,
  phone: row.phone,
  code: { salt: new Uint8Array(row.code_salt), hash: new Uint8Array(row.code_hash) },
  identifyAttemptsLeft: row.identify_attempts_left,
  createdAt: new Date(row.created_at),
  sentAt: new Date(row.sent_at),
  expiresAt: new Date(row.expires_at),
  confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null,
});

export class PhoneVerificationsRepository {
  constructor(private readonly db: Queryable) {}

  async create(v: Omit<PhoneVerification, 'confirmedAt' | 'sentAt'>): Promise<void> {
    await this.db.query(
      `INSERT INTO phone_verifications
         (id, iin, phone, code_salt, code_hash, identify_attempts_left, created_at, sent_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
      [v.id, v.iin, v.phone, v.code.salt, v.code.hash, v.identifyAttemptsLeft, v.createdAt, v.expiresAt],
    );
  }

  async findById(id: string): Promise<PhoneVerification | null> {
    if (!isUuid(id)) return null;
    const { rows } = await this.db.query<Row>('SELECT * FROM phone_verifications WHERE id = $1', [id]);
    return rows[0] ? toVerification(rows[0]) : null;
  }

  async findConfirmedByToken(hash: string): Promise<PhoneVerification | null> {
    const { rows } = await this.db.query<Row>(
      'SELECT * FROM phone_verifications WHERE token_hash = $1 AND confirmed_at IS NOT NULL',
      [hash],
    );
    return rows[0] ? toVerification(rows[0]) : null;
  }

  async replaceCode(id: string, code: HashedCode, sentAt: Date, expiresAt: Date): Promise<void> {
    await this.db.query(
      'UPDATE phone_verifications SET code_salt = $2, code_hash = $3, sent_at = $4, expires_at = $5 WHERE id = $1',
      [id, code.salt, code.hash, sentAt, expiresAt],
    );
  }

  /** Marks the code as used; false when it was already used (a replay). */
  async confirm(id: string, tokenHash: string, at: Date): Promise<boolean> {
    const { rows } = await this.db.query(
      `UPDATE phone_verifications SET confirmed_at = $3, token_hash = $2
       WHERE id = $1 AND confirmed_at IS NULL RETURNING id`,
      [id, tokenHash, at],
    );
    return rows.length > 0;
  }

  /** Keeps the colour challenge for the next identification, replacing any earlier one. */
  async issueColourChallenge(id: string, challenge: IssuedColourChallenge): Promise<void> {
    // ::text first: PGlite would otherwise encode the string as a JSON string, not parse it.
    await this.db.query('UPDATE phone_verifications SET colour_challenge = $2::text::jsonb WHERE id = $1', [id, JSON.stringify(challenge)]);
  }

  /** Takes the colour challenge with this nonce, once: null when there is none with it (never issued, replaced, or spent). */
  async spendColourChallenge(id: string, nonce: string): Promise<IssuedColourChallenge | null> {
    const { rows } = await this.db.query<{ challenge: IssuedColourChallenge | string }>(
      // RETURNING gives the row after the update (the challenge gone): the self-join keeps it as it was.
      `UPDATE phone_verifications p SET colour_challenge = NULL
       FROM phone_verifications old
       WHERE p.id = $1 AND old.id = p.id AND p.colour_challenge ->> 'nonce' = $2
       RETURNING old.colour_challenge AS challenge`,
      [id, nonce],
    );
    const challenge = rows[0]?.challenge;
    if (!challenge) return null;
    return typeof challenge === 'string' ? (JSON.parse(challenge) as IssuedColourChallenge) : challenge;
  }

  /** Takes one face-match attempt; returns the attempts left after it, or null when none was left to take. */
  async spendIdentifyAttempt(id: string): Promise<number | null> {
    const { rows } = await this.db.query<{ identify_attempts_left: number }>(
      `UPDATE phone_verifications SET identify_attempts_left = identify_attempts_left - 1
       WHERE id = $1 AND identify_attempts_left > 0 RETURNING identify_attempts_left`,
      [id],
    );
    return rows[0]?.identify_attempts_left ?? null;
  }
}
