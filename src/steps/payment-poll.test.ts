import { describe, expect, it } from 'vitest';
import type { Payment } from '../protocol';
import { BackOfficeError } from '../sync/backoffice';
import { POLL_MS, followPayment, formatCountdown, secondsLeft, type PaymentFollower } from './payment-poll';

const pending: Payment = { paymentId: 'p', amountTiyn: 86_500, qrPayload: 'QR', status: 'pending', expiresAt: '2026-03-02T05:15:00.000Z', expiresInS: 900 };

describe('the QR countdown', () => {
  it("counts down from the back office's seconds by the kiosk's own clock, whatever its wall clock says", () => {
    expect(secondsLeft(900, 5_000, 5_000)).toBe(900);
    expect(secondsLeft(900, 5_000, 5_000 + 61_000)).toBe(839);
    // Part of a second left still shows a second: "0:00" only once it is up.
    expect(secondsLeft(900, 0, 899_500)).toBe(1);
    expect(secondsLeft(900, 0, 900_000)).toBe(0);
    expect(secondsLeft(900, 0, 2_000_000)).toBe(0);
  });

  it('reads as minutes and seconds', () => {
    expect(formatCountdown(900)).toBe('15:00');
    expect(formatCountdown(839)).toBe('13:59');
    expect(formatCountdown(5)).toBe('0:05');
    expect(formatCountdown(0)).toBe('0:00');
  });
});

/** A back office that gives these answers in turn, and a clock that moves only when told. */
function fakeFollower(answers: Array<Payment | Error>, takesMs = 0) {
  let clock = 0;
  const seen: string[] = [];
  const slept: number[] = [];
  const follower: PaymentFollower = {
    ask: async () => {
      clock += takesMs;
      const next = answers.shift();
      if (!next) throw new Error('asked once too often');
      if (next instanceof Error) throw next;
      return next;
    },
    answered: (payment) => seen.push(payment.status),
    failed: (error) => seen.push(`failed ${error instanceof BackOfficeError ? error.code : 'other'}`),
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    now: () => clock,
  };
  return { follower, seen, slept };
}

describe('followPayment', () => {
  it('asks again at once after a held answer that is still pending, and stops at "paid"', async () => {
    const { follower, seen, slept } = fakeFollower([pending, pending, { ...pending, status: 'paid', expiresInS: 0 }], 25_000);
    await followPayment(pending, follower, new AbortController().signal);
    expect(seen).toEqual(['pending', 'pending', 'paid']);
    expect(slept).toEqual([0, 0]);
  });

  it('never asks more than once a second: after a lost link, or a back office that answers at once', async () => {
    const { follower, seen, slept } = fakeFollower([new BackOfficeError('network', null), pending, { ...pending, status: 'declined' }]);
    await followPayment(pending, follower, new AbortController().signal);
    expect(seen).toEqual(['failed network', 'pending', 'declined']);
    expect(slept).toEqual([POLL_MS, POLL_MS]);
  });

  it('stops without a word once the step went away', async () => {
    const controller = new AbortController();
    const { follower, seen } = fakeFollower([pending, pending]);
    follower.ask = async () => {
      controller.abort();
      return pending;
    };
    await followPayment(pending, follower, controller.signal);
    expect(seen).toEqual([]);
  });

  it('asks nothing about a payment that is not pending', async () => {
    const { follower, seen } = fakeFollower([]);
    await followPayment({ ...pending, status: 'paid' }, follower, new AbortController().signal);
    expect(seen).toEqual([]);
  });
});
