import type { Payment } from '../protocol';

/** How long the back office holds a question about the payment: it answers at once when the status changes. */
export const WAIT_S = 25;
/**
 * The shortest time between two questions: after a lost link or an error, and against a back
 * office that answers at once (one that does not hold the answer), the kiosk asks once a second.
 */
export const POLL_MS = 1000;
/**
 * How long "Paid. Thank you." stays on screen before the receipt: a deliberate pause, not a wait
 * for the software. The citizen's eyes are on their phone when they pay; looking back up and
 * finding the message takes about a second, and reading three words at an elderly first-time
 * reader's pace (about 150 words a minute, 2.5 a second) another second or more; the spoken
 * message is as long. Three seconds leaves room for both and still feels like a step, not a stop.
 */
export const PAID_PAUSE_MS = 3000;
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

/**
 * Seconds the QR has left: the back office's count when it answered, less the time since by the
 * kiosk's own monotonic clock (performance.now()), so a kiosk whose wall clock is off counts right.
 */
export function secondsLeft(expiresInS: number, answeredAtMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil(expiresInS - (nowMs - answeredAtMs) / 1000));
}

/** "14:05": minutes and seconds, as a countdown reads. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export interface PaymentFollower {
  /** Asks the back office, holding the question WAIT_S seconds (backOffice.payment). */
  ask(paymentId: string, signal: AbortSignal): Promise<Payment>;
  answered(payment: Payment): void;
  /** A question that got no answer: the payment stays as it was last known. */
  failed(error: unknown, last: Payment): void;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
}

/**
 * Follows a pending payment until it is no longer pending or `signal` aborts (the step went away):
 * one long poll after another, so "paid" is known as soon as the back office knows it; never more
 * than one question a POLL_MS, whatever the answers.
 */
export async function followPayment(first: Payment, follower: PaymentFollower, signal: AbortSignal): Promise<void> {
  let last = first;
  while (last.status === 'pending' && !signal.aborted) {
    const askedAt = follower.now();
    try {
      const answer = await follower.ask(last.paymentId, signal);
      if (signal.aborted) return;
      last = answer;
      follower.answered(answer);
    } catch (error) {
      if (signal.aborted) return;
      follower.failed(error, last);
    }
    if (last.status !== 'pending') return;
    await follower.sleep(Math.max(0, POLL_MS - (follower.now() - askedAt)), signal);
  }
}

/** A pause that ends early when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
