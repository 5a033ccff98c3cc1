import type { LivenessEvidence } from '../../src/protocol/liveness';
import type { PhotoQuality } from '../../src/protocol/photo-quality';
import { APPLICATION_STATUSES, isOpen, statusChange, type ApplicationStatus } from '../applications/status-machine';
import type { Queryable } from '../db/database';

export type { ApplicationStatus };

/** Statuses in which the person has an application under way, so may not start another. */
const OPEN = `(${APPLICATION_STATUSES.filter(isOpen)
  .map((s) => `'${s}'`)
  .join(', ')})`;

export interface NewApplication {
  id: string;
  number: string;
  iin: string;
  service: string;
  document: string;
  lang: string;
  phone: string;
  feeTiyn: number;
  paymentId: string | null;
  centreId: string;
  terminalId: string;
  test: boolean;
  /** The liveness evidence of the identification this application rests on. */
  liveness: LivenessEvidence;
  photoQuality: PhotoQuality;
  createdAt: string;
  receivedAt: Date;
  readyBy: string;
  /** Why a person should look at it though it was taken (server/sync/due-date.ts); none when absent. */
  reviewReasons?: readonly string[];
  bodyHash: string;
  photoJpegBase64: string;
  signaturePngBase64: string;
}

export interface StoredApplication {
  id: string;
  number: string;
  status: ApplicationStatus;
  readyBy: string;
  reviewReasons: string[];
  bodyHash: string;
  test: boolean;
}

interface Row {
  id: string;
  number: string;
  status: ApplicationStatus;
  ready_by: string;
  review_reasons: string[];
  body_hash: string;
  is_test: boolean;
}

const SUMMARY = 'id, number, status, ready_by::text AS ready_by, review_reasons, body_hash, is_test';
const toStored = (row: Row): StoredApplication => ({
  id: row.id,
  number: row.number,
  status: row.status,
  readyBy: row.ready_by,
  reviewReasons: row.review_reasons,
  bodyHash: row.body_hash,
  test: row.is_test,
});

/**
 * Inserts an application row unless one with this id (or number) exists; false then. Takes any
 * Queryable so the packet intake can do it inside its transaction. The images go as base64 text
 * and become bytea in SQL, which PGlite takes several times faster than a bytea parameter.
 */
export async function insertApplication(db: Queryable, a: NewApplication, status: 'accepted' | 'pending_checks'): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO applications (id, number, iin, service, document, lang, phone, fee_tiyn, payment_id, centre_id,
       terminal_id, created_at, received_at, ready_by, status, body_hash, photo_jpeg, signature_png, is_test, liveness,
       photo_quality, review_reasons)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
       decode($17, 'base64'), decode($18, 'base64'), $19, $20, $21, ARRAY(SELECT jsonb_array_elements_text($22::jsonb)))
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      a.id, a.number, a.iin, a.service, a.document, a.lang, a.phone, a.feeTiyn, a.paymentId, a.centreId,
      a.terminalId, a.createdAt, a.receivedAt, a.readyBy, status, a.bodyHash, a.photoJpegBase64, a.signaturePngBase64, a.test,
      JSON.stringify(a.liveness), JSON.stringify(a.photoQuality), JSON.stringify(a.reviewReasons ?? []),
    ],
  );
  return rows.length > 0;
}

export class ApplicationsRepository {
  constructor(private readonly db: Queryable) {}

  async findById(id: string): Promise<StoredApplication | null> {
    const { rows } = await this.db.query<Row>(`SELECT ${SUMMARY} FROM applications WHERE id = $1`, [id]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  async findByNumber(number: string): Promise<StoredApplication | null> {
    const { rows } = await this.db.query<Row>(`SELECT ${SUMMARY} FROM applications WHERE number = $1`, [number]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  /** An application of this person that the back office has taken and not yet finished. */
  async hasOpenApplication(iin: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM applications WHERE iin = $1 AND status IN ${OPEN} LIMIT 1`,
      [iin],
    );
    return rows.length > 0;
  }

  /** As hasOpenApplication, leaving one application out: the one being checked. */
  async hasOtherOpenApplication(iin: string, applicationId: string): Promise<boolean> {
    const { rows } = await this.db.query(`SELECT 1 FROM applications WHERE iin = $1 AND id <> $2 AND status IN ${OPEN} LIMIT 1`, [iin, applicationId]);
    return rows.length > 0;
  }

  /** The outcome of the deferred checks: only an application still pending moves. */
  async settleChecks(id: string, status: 'accepted' | 'rejected' | 'in_review'): Promise<boolean> {
    const change = statusChange('pending_checks', status, 'checks');
    if (!change.ok) throw new Error(`the checks may not move an application to ${status}: ${change.code}`);
    const { rows } = await this.db.query(`UPDATE applications SET status = $2 WHERE id = $1 AND status = 'pending_checks' RETURNING id`, [id, status]);
    return rows.length > 0;
  }

  /** How the applicant's face and portrait were accepted: the liveness evidence and the photo's measures. */
  async audit(id: string): Promise<{ liveness: LivenessEvidence; photoQuality: PhotoQuality } | null> {
    const { rows } = await this.db.query<{ liveness: LivenessEvidence; photo_quality: PhotoQuality }>(
      'SELECT liveness, photo_quality FROM applications WHERE id = $1',
      [id],
    );
    const row = rows[0];
    return row ? { liveness: row.liveness, photoQuality: row.photo_quality } : null;
  }

  async images(id: string): Promise<{ photoJpeg: Uint8Array; signaturePng: Uint8Array } | null> {
    const { rows } = await this.db.query<{ photo_jpeg: Uint8Array; signature_png: Uint8Array }>(
      'SELECT photo_jpeg, signature_png FROM applications WHERE id = $1',
      [id],
    );
    const row = rows[0];
    return row ? { photoJpeg: new Uint8Array(row.photo_jpeg), signaturePng: new Uint8Array(row.signature_png) } : null;
  }
}
