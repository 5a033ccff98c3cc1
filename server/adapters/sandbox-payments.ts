import { randomUUID } from 'node:crypto';
import { DomainError } from '../../src/domain/domain-error';
import { encodePaymentQr, parseEmvQr, parseTlv, SANDBOX_MERCHANT } from '../../src/domain/payment-qr';
import type { Queryable } from '../db/database';
import type { GatewayPaymentStatus, PaymentGateway } from './payments';

export interface SandboxPayment {
  id: string;
  reference: string;
  amountTiyn: number;
  qrPayload: string;
  status: GatewayPaymentStatus;
  createdAt: string;
  expiresAt: string;
}

export type SandboxSettlement = 'paid' | 'declined' | 'expired';

/** Why a pasted QR cannot be paid here: not an EMVCo payload, a wrong CRC (a typo), or not a fee QR of the sandbox merchant. */
export type QrRefusal = 'qr_malformed' | 'qr_crc_mismatch' | 'qr_not_ours';

export type QrPayment =
  | { ok: true; payment: SandboxPayment }
  | { ok: false; code: QrRefusal; detail: string }
  /** The QR's payment is paid already: nobody pays a fee twice. */
  | { ok: false; code: 'not_pending'; detail: string };

interface PaymentRow {
  id: string;
  reference: string;
  /** A bigint: node-postgres gives it as a string, PGlite may as a number. */
  amount_tiyn: string | number;
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

  async createInvoice(invoice: { orderId: string; reference: string; amountTiyn: number; expiresAt: Date }) {
    // The invoice's own bill number, as an acquirer's QR carries one: a new invoice after a decline
    // or an expiry is a new QR on the kiosk, never the text of the one that was refused.
    const qrPayload = encodePaymentQr({ amountTiyn: invoice.amountTiyn, reference: invoice.reference, bill: billNumber(invoice.orderId) });
    await this.db.query(
      `INSERT INTO sandbox_payments (id, reference, amount_tiyn, qr_payload, status, created_at, expires_at)
       VALUES ($1, $2, $3, $4, 'pending', $5, $6) ON CONFLICT (id) DO NOTHING`,
      [invoice.orderId, invoice.reference, invoice.amountTiyn, qrPayload, this.clock(), invoice.expiresAt],
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

  async findByReference(reference: string): Promise<Array<{ status: GatewayPaymentStatus; amountTiyn: number }>> {
    await this.expireOverdue();
    const { rows } = await this.db.query<{ status: GatewayPaymentStatus; amount_tiyn: string | number }>(
      'SELECT status, amount_tiyn FROM sandbox_payments WHERE reference = $1 ORDER BY created_at',
      [reference],
    );
    return rows.map((r) => ({ status: r.status, amountTiyn: Number(r.amount_tiyn) }));
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

  /**
   * The citizen's banking app paying a QR: the invoice's when the gateway issued this very QR and it
   * is still pending, else a new payment under the QR's reference and amount — how a QR that an
   * offline kiosk made itself is paid, and what findByReference then finds. An invoice's QR carries
   * its bill number, a kiosk's own QR none; a QR already paid is refused.
   */
  async payQr(qrPayload: string): Promise<QrPayment> {
    const fee = readSandboxFeeQr(qrPayload);
    if (!fee.ok) return fee;
    await this.expireOverdue();
    const now = this.clock();
    const { rows: invoices } = await this.db.query<PaymentRow>(
      `UPDATE sandbox_payments SET status = 'paid', settled_at = $2
       WHERE id = (SELECT id FROM sandbox_payments WHERE qr_payload = $1 AND status = 'pending' ORDER BY created_at DESC LIMIT 1)
         AND status = 'pending'
       RETURNING *`,
      [qrPayload, now],
    );
    if (invoices[0]) return { ok: true, payment: toPayment(invoices[0]) };
    // An invoice's QR (it has a bill number) is paid only while that invoice is pending: a declined
    // or expired one's QR is refused, as an acquirer refuses it, so the money goes to the new QR.
    if (fee.bill !== null) return { ok: false, code: 'not_pending', detail: 'this QR is paid already or no longer valid' };
    // Paid at once, so it never expires: its expiry is its payment time.
    const { rows: received } = await this.db.query<PaymentRow>(
      `INSERT INTO sandbox_payments (id, reference, amount_tiyn, qr_payload, status, created_at, expires_at, settled_at)
       SELECT $1, $2, $3, $4, 'paid', $5, $5, $5
       WHERE NOT EXISTS (SELECT 1 FROM sandbox_payments WHERE qr_payload = $4 AND status IN ('pending', 'paid'))
       RETURNING *`,
      [`offline-${randomUUID()}`, fee.reference, fee.amountTiyn, qrPayload, now],
    );
    if (received[0]) return { ok: true, payment: toPayment(received[0]) };
    return { ok: false, code: 'not_pending', detail: 'this QR is paid already' };
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

/** Twelve hex digits of the order id: enough to tell one application's invoices apart, short enough to keep the QR small. */
function billNumber(orderId: string): string {
  return orderId.replaceAll('-', '').slice(0, 12).toUpperCase();
}

function toPayment(row: PaymentRow): SandboxPayment {
  return {
    id: row.id,
    reference: row.reference,
    amountTiyn: Number(row.amount_tiyn),
    qrPayload: row.qr_payload,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

const MERCHANT_ACCOUNT_TAG = '26';
const CURRENCY_TAG = '53';
const AMOUNT_TAG = '54';
const ADDITIONAL_DATA_TAG = '62';
const BILL_NUMBER = '01';
const REFERENCE_LABEL = '05';
const CURRENCY_KZT = '398';

/**
 * The fee a QR asks the sandbox merchant for, read as a bank reads it: the CRC first, then the
 * merchant, the currency, an amount with two decimals written as encodePaymentQr writes it, the
 * application number in the reference label, and an invoice's bill number if it has one.
 */
export function readSandboxFeeQr(
  qrPayload: string,
): { ok: true; amountTiyn: number; reference: string; bill: string | null } | { ok: false; code: QrRefusal; detail: string } {
  let tags: Map<string, string>;
  let merchant: Map<string, string>;
  let additional: Map<string, string>;
  try {
    tags = parseEmvQr(qrPayload);
    merchant = parseTlv(tags.get(MERCHANT_ACCOUNT_TAG) ?? '');
    additional = parseTlv(tags.get(ADDITIONAL_DATA_TAG) ?? '');
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'qr_malformed' || error.code === 'qr_crc_mismatch')) {
      return { ok: false, code: error.code, detail: error.message };
    }
    throw error;
  }
  const notOurs = (detail: string) => ({ ok: false, code: 'qr_not_ours', detail }) as const;
  if (merchant.get('00') !== SANDBOX_MERCHANT.guid || merchant.get('01') !== SANDBOX_MERCHANT.account) {
    return notOurs('not a QR of the sandbox merchant');
  }
  if (tags.get(CURRENCY_TAG) !== CURRENCY_KZT) return notOurs('not in tenge');
  // At most 9,999,999,999.99 ₸, as encodePaymentQr writes: the sandbox's bigint column holds it.
  const amount = /^(0|[1-9][0-9]{0,9})\.([0-9]{2})$/.exec(tags.get(AMOUNT_TAG) ?? '');
  const amountTiyn = amount ? Number(amount[1]) * 100 + Number(amount[2]) : 0;
  if (amountTiyn === 0) return notOurs('no amount in tenge and tiyn the sandbox can take');
  const reference = additional.get(REFERENCE_LABEL);
  if (reference === undefined || !/^[A-Z0-9-]{1,25}$/.test(reference)) return notOurs('no application number as the reference');
  return { ok: true, amountTiyn, reference, bill: additional.get(BILL_NUMBER) ?? null };
}
