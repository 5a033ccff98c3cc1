import type { FastifyInstance } from 'fastify';
import type { Payment } from '../../src/protocol/payments';
import type { PaymentRecord } from '../repositories/payments';

/**
 * A pending payment as it stands now: the gateway's answer if it has one, else expired once its
 * time is up. A payment the gateway reports paid stays paid even if it arrived late: the money was taken.
 */
export async function currentPayment(app: FastifyInstance, record: PaymentRecord): Promise<PaymentRecord> {
  if (record.status !== 'pending') return record;
  const reported = await app.paymentGateway.status(record.id);
  const status = reported !== 'pending' ? reported : app.clock() >= record.expiresAt ? 'expired' : 'pending';
  if (status === 'pending') return record;
  await app.payments.settle(record.id, status);
  return { ...record, status };
}

/** The payment on the wire; `now` is the back office's clock, from which the seconds left are counted. */
export function toWirePayment(record: PaymentRecord, now: Date): Payment {
  const leftMs = record.expiresAt.getTime() - now.getTime();
  return {
    paymentId: record.id,
    amountTiyn: record.amountTiyn,
    ...(record.amountTiyn % 100 === 0 ? { amountKzt: record.amountTiyn / 100 } : {}),
    qrPayload: record.qrPayload,
    status: record.status,
    expiresAt: record.expiresAt.toISOString(),
    expiresInS: record.status === 'pending' ? Math.max(0, Math.floor(leftMs / 1000)) : 0,
  };
}
