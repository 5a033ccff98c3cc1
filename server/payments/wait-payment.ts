import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { PaymentRecord } from '../repositories/payments';
import { currentPayment } from './current-payment';

/**
 * How often a held GET /payments/:id reads the payment again. The change it waits for is made
 * elsewhere — a tester's "Pay" in another process of the back office, the acquirer's own record —
 * so no event in this process could tell it: the database and the gateway are read again, four
 * times a second, which keeps the kiosk's receipt within half a second of the payment.
 */
export const REREAD_MS = 250;

/**
 * The payment once it is no longer pending, or as it stands when `waitMs` has passed or `signal`
 * aborts (the kiosk went away, the back office is closing). Reads the row first, as another
 * process may have settled it, then asks the gateway as currentPayment does.
 */
export async function waitWhilePending(
  app: FastifyInstance,
  record: PaymentRecord,
  waitMs: number,
  signal: AbortSignal,
): Promise<PaymentRecord> {
  const until = performance.now() + waitMs;
  let current = record;
  while (current.status === 'pending' && !signal.aborted) {
    const left = until - performance.now();
    if (left <= 0) break;
    // An abort (the kiosk went away, the back office closing) ends the pause early; the loop then stops.
    await sleep(Math.min(REREAD_MS, left), undefined, { signal }).catch(() => undefined);
    if (signal.aborted) break;
    current = await currentPayment(app, (await app.payments.findById(current.id)) ?? current);
  }
  return current;
}
