import type { Queryable } from '../db/database';
import type { StaffAccount, StaffMember, StaffRole } from '../../src/protocol/staff';
import { centreScope, type CentreScope, type StaffPrincipal } from './scope';

interface StaffRow {
  id: string;
  username: string;
  password_hash: string;
  role: StaffRole;
  branch_id: string | null;
  centre_id: string | null;
  totp_secret: string | null;
  totp_last_step: string | number | null;
  disabled_at: Date | null;
  created_at: Date;
}

/** An account as stored, secrets included: for sign-in only, never sent. */
export interface StaffRecord extends StaffAccount {
  passwordHash: string;
  totpSecret: string | null;
  totpLastStep: number | null;
}

export interface NewStaff {
  id: string;
  username: string;
  passwordHash: string;
  role: StaffRole;
  branchId: string | null;
  centreId: string | null;
  createdAt: Date;
}

const COLUMNS = 'id, username, password_hash, role, branch_id, centre_id, totp_secret, totp_last_step, disabled_at, created_at';

function fromRow(row: StaffRow): StaffRecord {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    branchId: row.branch_id,
    centreId: row.centre_id,
    totp: row.totp_secret !== null,
    disabledAt: row.disabled_at ? new Date(row.disabled_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
  };
}

/** What may be shown of an account: everything but its secrets. */
export function publicAccount(record: StaffRecord): StaffAccount {
  const { id, username, role, branchId, centreId, totp, disabledAt, createdAt } = record;
  return { id, username, role, branchId, centreId, totp, disabledAt, createdAt };
}

export function staffMember(record: StaffAccount): StaffMember {
  const { id, username, role, branchId, centreId, totp } = record;
  return { id, username, role, branchId, centreId, totp };
}

/** Staff accounts, and the branches and centres they belong to. */
export class StaffRepository {
  constructor(private readonly db: Queryable) {}

  async findByUsername(username: string): Promise<StaffRecord | null> {
    const { rows } = await this.db.query<StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE lower(username) = lower($1)`, [username]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async findById(id: string): Promise<StaffRecord | null> {
    const { rows } = await this.db.query<StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE id = $1`, [id]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** Null when the username is taken (in any case): the unique index decides, so two at once cannot both win. */
  async create(staff: NewStaff): Promise<StaffRecord | null> {
    const { rows } = await this.db.query<StaffRow>(
      `INSERT INTO staff (id, username, password_hash, role, branch_id, centre_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING
       RETURNING ${COLUMNS}`,
      [staff.id, staff.username, staff.passwordHash, staff.role, staff.branchId, staff.centreId, staff.createdAt],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** A page of accounts in the order of their lower-case username, after `after`. */
  async list(options: { after?: string | undefined; limit: number }): Promise<StaffRecord[]> {
    const { rows } = await this.db.query<StaffRow>(
      `SELECT ${COLUMNS} FROM staff WHERE ($1::text IS NULL OR lower(username) > lower($1)) ORDER BY lower(username) LIMIT $2`,
      [options.after ?? null, options.limit],
    );
    return rows.map(fromRow);
  }

  /** Disables the account and ends its sessions, in one transaction of the caller's. Null when no such account. */
  async disable(id: string, now: Date): Promise<StaffRecord | null> {
    const { rows } = await this.db.query<StaffRow>(
      `UPDATE staff SET disabled_at = COALESCE(disabled_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, now],
    );
    if (!rows[0]) return null;
    await this.db.query('DELETE FROM staff_sessions WHERE staff_id = $1', [id]);
    return fromRow(rows[0]);
  }

  /** A new password; every session of the account ends, so whoever knew the old one is signed out. */
  async setPassword(id: string, passwordHash: string): Promise<StaffRecord | null> {
    const { rows } = await this.db.query<StaffRow>(`UPDATE staff SET password_hash = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, passwordHash]);
    if (!rows[0]) return null;
    await this.db.query('DELETE FROM staff_sessions WHERE staff_id = $1', [id]);
    return fromRow(rows[0]);
  }

  async setTotpSecret(id: string, secret: string | null): Promise<void> {
    await this.db.query('UPDATE staff SET totp_secret = $2, totp_last_step = NULL WHERE id = $1', [id, secret]);
  }

  /**
   * Takes the TOTP time step a code was valid in, once: false when that step or a later one was
   * already used (a code seen over a shoulder or replayed). One statement, so two at once cannot both take it.
   */
  async takeTotpStep(id: string, step: number): Promise<boolean> {
    const { rows } = await this.db.query(
      'UPDATE staff SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
      [id, step],
    );
    return rows.length > 0;
  }

  async branchExists(branchId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM branches WHERE id = $1', [branchId])).rows.length > 0;
  }

  /** The branch a centre belongs to; null for an unknown centre. */
  async branchOfCentre(centreId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ branch_id: string }>('SELECT branch_id FROM centres WHERE id = $1', [centreId]);
    return rows[0]?.branch_id ?? null;
  }

  /** The centres whose applications this staff member may see one by one (server/staff/scope.ts), read for a query to filter on. */
  async scopeOf(staff: StaffPrincipal): Promise<CentreScope> {
    const branchCentres = staff.role === 'supervisor' && staff.branchId ? await this.centresOfBranch(staff.branchId) : [];
    return centreScope(staff, branchCentres);
  }

  async centresOfBranch(branchId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>('SELECT id FROM centres WHERE branch_id = $1 ORDER BY id', [branchId]);
    return rows.map((r) => r.id);
  }
}
