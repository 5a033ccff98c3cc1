import { describe, expect, it } from 'vitest';
import { FIRST_LOCK_MS, MAX_LOCK_MS, UNLOCKED, afterFailure, asLockoutState, lockDuration, lockoutStatus, type LockoutState } from './lockout';

const MIN = 60_000;

/** `n` wrong PINs in a row, one a second from `start`. */
function fail(state: LockoutState, n: number, start: number): LockoutState {
  let s = state;
  for (let i = 0; i < n; i++) s = afterFailure(s, start + i * 1000);
  return s;
}

describe('lockout policy', () => {
  it('allows four wrong PINs, counting down, and locks on the fifth for five minutes', () => {
    const four = fail(UNLOCKED, 4, 0);
    expect(lockoutStatus(four, 4000)).toEqual({ allowed: true, attemptsLeft: 1 });
    const five = afterFailure(four, 10_000);
    expect(lockoutStatus(five, 10_000)).toEqual({ allowed: false, until: 10_000 + 5 * MIN });
    expect(lockoutStatus(five, 10_000 + 5 * MIN - 1).allowed).toBe(false);
    expect(lockoutStatus(five, 10_000 + 5 * MIN)).toEqual({ allowed: true, attemptsLeft: 5 });
  });

  it('does not count PINs entered while locked', () => {
    const locked = fail(UNLOCKED, 5, 0);
    expect(afterFailure(locked, 60_000)).toEqual(locked);
  });

  it('doubles each further lockout, 5, 10, 20, 40 minutes, then an hour at most', () => {
    expect([1, 2, 3, 4, 5, 9].map(lockDuration)).toEqual([5 * MIN, 10 * MIN, 20 * MIN, 40 * MIN, MAX_LOCK_MS, MAX_LOCK_MS]);
    let state = UNLOCKED;
    let now = 0;
    const lengths: number[] = [];
    for (let round = 0; round < 6; round++) {
      state = fail(state, 5, now);
      const status = lockoutStatus(state, state.lockedAt ?? -1);
      if (status.allowed) throw new Error('not locked');
      lengths.push(status.until - (state.lockedAt ?? 0));
      now = status.until;
    }
    expect(lengths).toEqual([5, 10, 20, 40, 60, 60].map((m) => m * MIN));
  });

  it('starts afresh after a right PIN (the caller stores UNLOCKED)', () => {
    expect(lockoutStatus(UNLOCKED, 0)).toEqual({ allowed: true, attemptsLeft: 5 });
    expect(lockoutStatus(afterFailure(UNLOCKED, 0), 0)).toEqual({ allowed: true, attemptsLeft: 4 });
  });

  it('counts a lockout from now when the clock was set back, not from the old time', () => {
    const lockedAt = 1_000_000_000;
    const state: LockoutState = { failures: 0, lockouts: 1, lockedAt };
    const now = lockedAt - 24 * 60 * MIN;
    expect(lockoutStatus(state, now)).toEqual({ allowed: false, until: now + FIRST_LOCK_MS });
  });

  it('reads back only a well-formed state; anything else counts as none', () => {
    const state: LockoutState = { failures: 2, lockouts: 1, lockedAt: 5 };
    expect(asLockoutState(state)).toEqual(state);
    expect(asLockoutState(undefined)).toEqual(UNLOCKED);
    expect(asLockoutState({ failures: -1, lockouts: 0, lockedAt: null })).toEqual(UNLOCKED);
    expect(asLockoutState({ failures: 1, lockouts: 0, lockedAt: '5' })).toEqual(UNLOCKED);
  });
});
