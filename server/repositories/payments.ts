import type { PaymentStatus } from '../../src/protocol/payments';
import type { Queryable } from '../db/database';
import { isUuid } from '../uuid';

export interface PaymentRecord {
  id: string;
  applicationId: string;
  iin: string;
  service: string;
  document: string;
  amountTiyn: number;
  qrPayload: string;
  status: PaymentStatus;
  createdAt: Date;
  expiresAt: Date;
}

interface Row {
  id: string;
  application_id: string;
  iin: string;
  service: string;
  document: string;
  amount_tiyn: number;
  qr_payload: string;
  status: PaymentStatus;
  created_at: Date;
  expires_at: Date;
}

const toRecord = (row: Row): PaymentRecord => ({
  id: row.id,
  applicationId: row.application_id,
  iin: row.iin,
  service: row.service,
  document: row.document,
  amountTiyn: row.amount_tiyn,
  qrPayload: row.qr_payload,
  status: row.status,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
});

export class PaymentsRepository {
  constructor(private readonly db: Queryable) {}

  /** Inserts unless the application already has a live payment; either way returns the application's live payment. */
  async insertOnce(p: PaymentRecord): Promise<{ payment: PaymentRecord; created: boolean }> {
    const { rows } = await this.db.query<Row>(
      `INSERT INTO payments (id, application_id, iin, service, document, amount_tiyn, qr_payload, status, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (application_id) WHERE status IN ('not_required', 'pending', 'paid') DO NOTHING RETURNING *`,
      [p.id, p.applicationId, p.iin, p.service, p.document, p.amountTiyn, p.qrPayload, p.status, p.createdAt, p.expiresAt],
    );
    if (rows[0]) return { payment: toRecord(rows[0]), created: true };
    const existing = await this.findLiveByApplication(p.applicationId);
    if (!existing) throw new Error('payment vanished between insert and read');
    return { payment: existing, created: false };
  }

  async findById(id: string): Promise<PaymentRecord | null> {
    if (!isUuid(id)) return null;
    const { rows } = await this.db.query<Row>('SELECT * FROM payments WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The application's payment that is not declined or expired, if any. */
  async findLiveByApplication(applicationId: string): Promise<PaymentRecord | null> {
    const { rows } = await this.db.query<Row>(
      `SELECT * FROM payments WHERE application_id = $1 AND status IN ('not_required', 'pending', 'paid')`,
      [applicationId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Moves a pending payment to a final status; a payment already final keeps its status. */
  async settle(id: string, status: Exclude<PaymentStatus, 'pending' | 'not_required'>): Promise<void> {
    await this.db.query(`UPDATE payments SET status = $2 WHERE id = $1 AND status = 'pending'`, [id, status]);
  }
}
