/*
 * How many wrong PINs technician mode takes before it stops listening, and for how long. Pure:
 * the state is persisted by pin.ts, and every function takes the time it is asked at.
 */

/** Wrong PINs in a row that start a lockout. */
export const MAX_FAILURES = 5;
export const FIRST_LOCK_MS = 5 * 60_000;
export const MAX_LOCK_MS = 60 * 60_000;

export interface LockoutState {
  /** Wrong PINs since the last lockout began (or since the last right one). */
  failures: number;
  /** Lockouts since the last right PIN: each one lasts twice the one before, up to MAX_LOCK_MS. */
  lockouts: number;
  /** When the latest lockout began (ms since the epoch); null if there has been none since the last right PIN. */
  lockedAt: number | null;
}

export const UNLOCKED: LockoutState = { failures: 0, lockouts: 0, lockedAt: null };

export type LockoutStatus = { allowed: true; attemptsLeft: number } | { allowed: false; until: number };

/** How long the n-th lockout (n ≥ 1) lasts: 5, 10, 20, 40 minutes, then an hour each. */
export function lockDuration(lockouts: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** Math.max(0, lockouts - 1), MAX_LOCK_MS);
}

/**
 * A lockout that began "in the future" means the kiosk's clock was set back (a wrong clock put
 * right at start): the lockout is then counted from now, so a technician waits at most its own
 * length rather than until the clock catches up with the old time.
 */
export function clampToClock(state: LockoutState, now: number): LockoutState {
  return state.lockedAt !== null && state.lockedAt > now ? { ...state, lockedAt: now } : state;
}

export function lockoutStatus(state: LockoutState, now: number): LockoutStatus {
  const { lockedAt } = clampToClock(state, now);
  if (lockedAt !== null) {
    const until = lockedAt + lockDuration(state.lockouts);
    if (now < until) return { allowed: false, until };
  }
  return { allowed: true, attemptsLeft: MAX_FAILURES - state.failures };
}

/** After a wrong PIN. A PIN entered during a lockout is not checked and not counted: the state stays. */
export function afterFailure(state: LockoutState, now: number): LockoutState {
  const current = clampToClock(state, now);
  if (!lockoutStatus(current, now).allowed) return current;
  const failures = current.failures + 1;
  if (failures < MAX_FAILURES) return { ...current, failures };
  return { failures: 0, lockouts: current.lockouts + 1, lockedAt: now };
}

/** Reads a persisted state; anything else (none yet, or written by another version) is treated as none. */
export function asLockoutState(value: unknown): LockoutState {
  if (typeof value !== 'object' || value === null) return UNLOCKED;
  const { failures, lockouts, lockedAt } = value as Record<string, unknown>;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!count(failures) || !count(lockouts) || !(lockedAt === null || typeof lockedAt === 'number')) return UNLOCKED;
  return { failures: failures as number, lockouts: lockouts as number, lockedAt: lockedAt as number | null };
}
