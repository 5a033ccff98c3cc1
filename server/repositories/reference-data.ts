import { kazakhstanDate } from '../../src/domain/dates';
import { BUILT_IN_REFERENCE_DATA, deferredFeeFigures, referenceDataInForce } from '../../src/domain/reference-data';
import { REFERENCE_DATA_FORMAT, type ReferenceData, type ReferenceDataFigures, type SignedReferenceData } from '../../src/protocol/reference-data';
import { signReferenceData } from '../../src/sync/reference-data-signature';
import type { Database, Queryable } from '../db/database';

/** One version as the back office keeps it (table reference_data_versions, migration 0019). */
export interface StoredReferenceData {
  document: ReferenceData;
  /** Null only for version 1, made by the migration before any key: signed when served (signed()). */
  signature: string | null;
  createdAt: Date;
  createdBy: string | null;
  note: string | null;
}

export interface NewVersion {
  effectiveFrom: string;
  figures: ReferenceDataFigures;
  createdBy: string | null;
  note: string | null;
}

interface Row {
  document: ReferenceData;
  signature: string | null;
  created_at: Date;
  created_by: string | null;
  note: string | null;
}

const COLUMNS = 'document, signature, created_at, created_by, note';

function stored(row: Row): StoredReferenceData {
  return { document: row.document, signature: row.signature, createdAt: row.created_at, createdBy: row.created_by, note: row.note };
}

/**
 * The versions of the reference data: read at every fee and ready-by date, so a version entered
 * today counts from its first day in every process, without a release. Append only (the table's
 * triggers refuse the rest). The table stays small — a few versions a year — so lists read it whole.
 */
export class ReferenceDataRepository {
  constructor(private readonly db: Queryable) {}

  /** The version in force on `day` (YYYY-MM-DD): the latest-dated whose first day has come, a later number first. */
  async inForce(day: string): Promise<StoredReferenceData | null> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM reference_data_versions WHERE effective_from <= $1::date ORDER BY effective_from DESC, version DESC LIMIT 1`,
      [day],
    );
    return rows[0] ? stored(rows[0]) : null;
  }

  /** What a kiosk keeps: the version in force on `day` and every later-dated one that could replace it. */
  async fromDay(day: string): Promise<StoredReferenceData[]> {
    const current = await this.inForce(day);
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM reference_data_versions WHERE effective_from > $1::date ORDER BY version`, [day]);
    const later = rows.map(stored);
    // A later-dated version already superseded on its own day by a higher number is of no use to anyone.
    const useful = later.filter((v) => referenceDataInForce(later.map((l) => l.document), v.document.effectiveFrom) === v.document);
    return current === null ? useful : [current, ...useful];
  }

  async list(): Promise<StoredReferenceData[]> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM reference_data_versions ORDER BY version DESC`);
    return rows.map(stored);
  }

  async byVersion(version: number): Promise<StoredReferenceData | null> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM reference_data_versions WHERE version = $1`, [version]);
    return rows[0] ? stored(rows[0]) : null;
  }
}

/**
 * Numbers, signs and stores a new version, in the caller's transaction (its audit entry stands or
 * falls with it). The table is locked for the moment between reading the last number and writing the
 * next, so two admins saving at once get two numbers, not a conflict.
 */
export async function addReferenceDataVersion(tx: Queryable, version: NewVersion, signingKey: CryptoKey, now: Date): Promise<StoredReferenceData> {
  await tx.query('LOCK TABLE reference_data_versions IN SHARE ROW EXCLUSIVE MODE');
  const { rows } = await tx.query<{ last: number | null }>('SELECT max(version) AS last FROM reference_data_versions');
  const document: ReferenceData = {
    format: REFERENCE_DATA_FORMAT,
    version: (rows[0]?.last ?? 0) + 1,
    effectiveFrom: version.effectiveFrom,
    mrpByYear: version.figures.mrpByYear,
    tariff: version.figures.tariff,
    kurbanAit: version.figures.kurbanAit,
  };
  const signature = await signReferenceData(document, signingKey);
  await tx.query(
    `INSERT INTO reference_data_versions (version, effective_from, document, signature, created_at, created_by, note)
     VALUES ($1, $2::date, $3::jsonb, $4, $5, $6, $7)`,
    [document.version, document.effectiveFrom, JSON.stringify(document), signature, now, version.createdBy, version.note],
  );
  return { document, signature, createdAt: now, createdBy: version.createdBy, note: version.note };
}

/** The version with its signature; version 1 (made by the migration, before any key) is signed now. */
export async function signed(version: StoredReferenceData, signingKey: CryptoKey): Promise<SignedReferenceData> {
  return { document: version.document, signature: version.signature ?? (await signReferenceData(version.document, signingKey)) };
}

/** The back office's day (Kazakhstan) at `now`: the day whose version counts for what is decided now. */
export function backOfficeDay(now: Date): string {
  return kazakhstanDate(now);
}

/** For tests and tools only: a new version like the one in force today but with `year`'s MRP set (or removed, with null). */
export async function enterMrpForTest(db: Database, keys: { signingKey: CryptoKey }, now: Date, year: number, mrpKzt: number | null): Promise<void> {
  const today = backOfficeDay(now);
  const current = (await new ReferenceDataRepository(db).inForce(today))?.document;
  if (!current) throw new Error('no reference data in force');
  const mrpByYear = current.mrpByYear.filter((row) => row.year !== year);
  if (mrpKzt !== null) mrpByYear.push({ year, mrpKzt });
  await db.transaction((tx) =>
    addReferenceDataVersion(tx, { effectiveFrom: today, figures: { ...current, mrpByYear }, createdBy: null, note: `test: MRP ${year}` }, keys.signingKey, now),
  );
}

/** The document in force on `day`, or the built-in figures if none is (a database before migration 0019's row: never, in practice). */
export async function documentInForce(db: Queryable, day: string): Promise<ReferenceData> {
  return (await new ReferenceDataRepository(db).inForce(day))?.document ?? BUILT_IN_REFERENCE_DATA;
}

/** The deferred payment check's figures for an application made on `day`, seen at `now`. */
export async function referenceDataForFee(db: Queryable, day: string, now: Date): Promise<ReturnType<typeof deferredFeeFigures>> {
  return deferredFeeFigures(await documentInForce(db, day), await documentInForce(db, backOfficeDay(now)));
}
