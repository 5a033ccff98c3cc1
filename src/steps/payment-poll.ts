import type { Payment } from '../protocol';

/** How often the kiosk asks the gateway whether the citizen has paid. */
export const POLL_MS = 1000;
/** How long "Paid" stays on screen before the receipt. */
export const PAID_PAUSE_MS = 1200;
/** A citizen paying on their phone does not touch the kiosk: allow them longer before the idle countdown. */
export const PAYMENT_IDLE_MS = 5 * 60_000;

export type PaymentOutcome = 'wait' | 'go_on' | 'declined' | 'expired';

/** What the payment step does with the gateway's latest answer. */
export function paymentOutcome(payment: Pick<Payment, 'status'>): PaymentOutcome {
  switch (payment.status) {
    case 'paid':
    case 'not_required':
      return 'go_on';
    case 'declined':
      return 'declined';
    case 'expired':
      return 'expired';
    case 'pending':
      return 'wait';
  }
}
