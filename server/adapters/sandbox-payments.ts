import { encodePaymentQr } from '../../src/domain/payment-qr';
import type { Queryable } from '../db/database';
import type { GatewayPaymentStatus, PaymentGateway } from './payments';

export interface SandboxPayment {
  id: string;
  reference: string;
  amountKzt: number;
  qrPayload: string;
  status: GatewayPaymentStatus;
  createdAt: string;
  expiresAt: string;
}

export type SandboxSettlement = 'paid' | 'declined' | 'expired';

interface PaymentRow {
  id: string;
  reference: string;
  amount_kzt: number;
  qr_payload: string;
  status: GatewayPaymentStatus;
  created_at: Date;
  expires_at: Date;
}

/**
 * An acquirer whose customers are testers: an invoice stays pending until someone presses Pay,
 * Decline or Let expire on the sandbox page, or until it runs out of time.
 */
export class SandboxPayments implements PaymentGateway {
  constructor(
    private readonly db: Queryable,
    private readonly clock: () => Date,
  ) {}

  async createInvoice(invoice: { orderId: string; reference: string; amountKzt: number; expiresAt: Date }) {
    const qrPayload = encodePaymentQr({ amountKzt: invoice.amountKzt, reference: invoice.reference });
    await this.db.query(
      `INSERT INTO sandbox_payments (id, reference, amount_kzt, qr_payload, status, created_at, expires_at)
       VALUES ($1, $2, $3, $4, 'pending', $5, $6) ON CONFLICT (id) DO NOTHING`,
      [invoice.orderId, invoice.reference, invoice.amountKzt, qrPayload, this.clock(), invoice.expiresAt],
    );
    return { qrPayload };
  }

  async status(orderId: string): Promise<GatewayPaymentStatus> {
    await this.expireOverdue();
    const { rows } = await this.db.query<{ status: GatewayPaymentStatus }>(
      'SELECT status FROM sandbox_payments WHERE id = $1',
      [orderId],
    );
    return rows[0]?.status ?? 'expired';
  }

  async findByReference(reference: string): Promise<Array<{ status: GatewayPaymentStatus; amountKzt: number }>> {
    await this.expireOverdue();
    const { rows } = await this.db.query<{ status: GatewayPaymentStatus; amount_kzt: number }>(
      'SELECT status, amount_kzt FROM sandbox_payments WHERE reference = $1 ORDER BY created_at',
      [reference],
    );
    return rows.map((r) => ({ status: r.status, amountKzt: r.amount_kzt }));
  }

  async list(): Promise<SandboxPayment[]> {
    await this.expireOverdue();
    const { rows } = await this.db.query<PaymentRow>('SELECT * FROM sandbox_payments ORDER BY created_at DESC LIMIT 200');
    return rows.map(toPayment);
  }

  /** What a tester does with a pending invoice; null when there is no such invoice or it is no longer pending. */
  async settle(orderId: string, outcome: SandboxSettlement): Promise<SandboxPayment | null> {
    await this.expireOverdue();
    const { rows } = await this.db.query<PaymentRow>(
      `UPDATE sandbox_payments SET status = $2, settled_at = $3 WHERE id = $1 AND status = 'pending' RETURNING *`,
      [orderId, outcome, this.clock()],
    );
    return rows[0] ? toPayment(rows[0]) : null;
  }

  async exists(orderId: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM sandbox_payments WHERE id = $1', [orderId]);
    return rows.length > 0;
  }

  private async expireOverdue(): Promise<void> {
    const now = this.clock();
    await this.db.query(
      `UPDATE sandbox_payments SET status = 'expired', settled_at = expires_at WHERE status = 'pending' AND expires_at <= $1`,
      [now],
    );
  }
}

function toPayment(row: PaymentRow): SandboxPayment {
  return {
    id: row.id,
    reference: row.reference,
    amountKzt: row.amount_kzt,
    qrPayload: row.qr_payload,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}
