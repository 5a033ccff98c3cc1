import type { Queryable } from '../db/database';
import type { Branch, Centre, CentreVersion, OpeningHours } from '../../src/protocol/centres';
import type { CentreFields } from './centre-validation';

interface CentreRow {
  id: string;
  branch_id: string;
  name_ru: string;
  name_kk: string;
  region: string;
  address: string;
  hours: OpeningHours;
  version: number;
}

interface BranchRow {
  id: string;
  region: string;
  name_ru: string;
  name_kk: string;
  version: number;
}

const CENTRE_COLUMNS = 'id, branch_id, name_ru, name_kk, region, address, hours, version';
const BRANCH_COLUMNS = 'id, region, name_ru, name_kk, version';

const centreOf = (row: CentreRow): Centre => ({
  id: row.id,
  branchId: row.branch_id,
  nameRu: row.name_ru,
  nameKk: row.name_kk,
  region: row.region,
  address: row.address,
  hours: row.hours,
  version: Number(row.version),
});

const branchOf = (row: BranchRow): Branch => ({ id: row.id, region: row.region, nameRu: row.name_ru, nameKk: row.name_kk, version: Number(row.version) });

/** An edit's outcome: the centre or branch as now kept, or why nothing changed. */
export type Edited<T> = { ok: true; value: T } | { ok: false; code: 'not_found' | 'version_conflict' };

/**
 * Centres and branches with their kept versions. The writes expect to run in the caller's
 * transaction (with the audit entry), so the row, its version and the audit stand or fall together.
 * Both tables are reference data of a few dozen rows: lists are read whole, in id order.
 */
export class CentresRepository {
  constructor(private readonly db: Queryable) {}

  async branches(): Promise<Branch[]> {
    const { rows } = await this.db.query<BranchRow>(`SELECT ${BRANCH_COLUMNS} FROM branches ORDER BY id`);
    return rows.map(branchOf);
  }

  async centres(branchId?: string): Promise<Centre[]> {
    const { rows } = await this.db.query<CentreRow>(`SELECT ${CENTRE_COLUMNS} FROM centres WHERE ($1::text IS NULL OR branch_id = $1) ORDER BY id`, [branchId ?? null]);
    return rows.map(centreOf);
  }

  async centre(id: string): Promise<Centre | null> {
    const { rows } = await this.db.query<CentreRow>(`SELECT ${CENTRE_COLUMNS} FROM centres WHERE id = $1`, [id]);
    return rows[0] ? centreOf(rows[0]) : null;
  }

  async regions(): Promise<Set<string>> {
    const { rows } = await this.db.query<{ region: string }>('SELECT region FROM branches');
    return new Set(rows.map((r) => r.region));
  }

  async branchExists(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM branches WHERE id = $1', [id])).rows.length > 0;
  }

  /** A new centre at version 1; null when the id is taken. */
  async addCentre(centre: CentreFields & { id: string; branchId: string }, at: Date, by: string): Promise<Centre | null> {
    const { rows } = await this.db.query<CentreRow>(
      `INSERT INTO centres (id, branch_id, name_ru, name_kk, region, address, hours, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1) ON CONFLICT (id) DO NOTHING RETURNING ${CENTRE_COLUMNS}`,
      [centre.id, centre.branchId, centre.nameRu, centre.nameKk, centre.region, centre.address, JSON.stringify(centre.hours)],
    );
    if (!rows[0]) return null;
    const added = centreOf(rows[0]);
    await this.#keepCentreVersion(added, at, by);
    return added;
  }

  /**
   * The centre as the admin wrote it, if they wrote it over the version now kept: the version check
   * and the update are one statement, so of two admins editing the same version one wins, one is told.
   */
  async editCentre(id: string, fields: CentreFields, expectedVersion: number, at: Date, by: string): Promise<Edited<Centre>> {
    const { rows } = await this.db.query<CentreRow>(
      `UPDATE centres SET name_ru = $3, name_kk = $4, region = $5, address = $6, hours = $7, version = version + 1
       WHERE id = $1 AND version = $2 RETURNING ${CENTRE_COLUMNS}`,
      [id, expectedVersion, fields.nameRu, fields.nameKk, fields.region, fields.address, JSON.stringify(fields.hours)],
    );
    if (!rows[0]) return { ok: false, code: (await this.centre(id)) ? 'version_conflict' : 'not_found' };
    const edited = centreOf(rows[0]);
    await this.#keepCentreVersion(edited, at, by);
    return { ok: true, value: edited };
  }

  async editBranch(id: string, names: { nameRu: string; nameKk: string }, expectedVersion: number, at: Date, by: string): Promise<Edited<Branch>> {
    const { rows } = await this.db.query<BranchRow>(
      `UPDATE branches SET name_ru = $3, name_kk = $4, version = version + 1 WHERE id = $1 AND version = $2 RETURNING ${BRANCH_COLUMNS}`,
      [id, expectedVersion, names.nameRu, names.nameKk],
    );
    if (!rows[0]) return { ok: false, code: (await this.branchExists(id)) ? 'version_conflict' : 'not_found' };
    const edited = branchOf(rows[0]);
    await this.db.query(
      `INSERT INTO branch_versions (branch_id, version, region, name_ru, name_kk, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [edited.id, edited.version, edited.region, edited.nameRu, edited.nameKk, at, by],
    );
    return { ok: true, value: edited };
  }

  /** Every kept version of a centre, newest first; empty for an unknown centre. */
  async centreHistory(id: string): Promise<CentreVersion[]> {
    const { rows } = await this.db.query<CentreRow & { changed_at: Date; changed_by: string | null }>(
      `SELECT v.centre_id AS id, v.branch_id, v.name_ru, v.name_kk, v.region, v.address, v.hours, v.version, v.changed_at, s.username AS changed_by
       FROM centre_versions v LEFT JOIN staff s ON s.id = v.changed_by WHERE v.centre_id = $1 ORDER BY v.version DESC`,
      [id],
    );
    return rows.map((row) => ({ ...centreOf(row), changedAt: new Date(row.changed_at).toISOString(), changedBy: row.changed_by }));
  }

  async #keepCentreVersion(centre: Centre, at: Date, by: string): Promise<void> {
    await this.db.query(
      `INSERT INTO centre_versions (centre_id, version, branch_id, name_ru, name_kk, region, address, hours, changed_at, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [centre.id, centre.version, centre.branchId, centre.nameRu, centre.nameKk, centre.region, centre.address, JSON.stringify(centre.hours), at, by],
    );
  }
}
