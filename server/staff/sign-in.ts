import { Secret, TOTP } from 'otpauth';
import type { FastifyInstance } from 'fastify';
import { Limiter } from '../limits/limiter';
import type { SignInRequest } from '../../src/protocol/staff';
import { signInChecks } from './lockout';
import { dummyPasswordHash, verifyPassword } from './password';
import type { StaffRecord } from './staff-repository';

export type SignInResult =
  | { ok: true; staff: StaffRecord }
  | { ok: false; status: 401; code: 'invalid_credentials' | 'totp_required' | 'invalid_totp' }
  | { ok: false; status: 429; code: 'sign_in_locked'; retryAfterS: number };

/** TOTP as authenticator apps make it by default: SHA-1, 6 digits, 30 s. */
export const TOTP_PERIOD_S = 30;

export function totpFor(secret: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_S });
}

/**
 * Checks a sign-in: lockout, password, second factor. Only failures are counted (per username and
 * per address, server/staff/lockout.ts), and the failure that fills a window is answered 429 at
 * once, as every attempt after it is until the window ends. An unknown username costs the same
 * argon2 work as a wrong password and gets the same answer; so does a disabled account.
 */
export async function checkSignIn(app: FastifyInstance, body: SignInRequest, ip: string): Promise<SignInResult> {
  const now = app.clock();
  const limiter = new Limiter(app.db);
  const checks = signInChecks(body.username, ip);
  const before = await limiter.peek(checks, now);
  if (!before.allowed) return { ok: false, status: 429, code: 'sign_in_locked', retryAfterS: before.retryAfterS };

  const staff = await app.staffAccounts.findByUsername(body.username);
  const passwordRight = await verifyPassword(staff?.passwordHash ?? (await dummyPasswordHash()), body.password);

  const fail = async (code: 'invalid_credentials' | 'invalid_totp', why: string): Promise<SignInResult> => {
    const verdict = await limiter.hit(checks, now);
    await app.auditLog.record({ staffId: staff?.id ?? null, action: 'sign_in_failed', details: { username: body.username, ip, code, why } });
    if (verdict.allowed && verdict.remaining > 0) return { ok: false, status: 401, code };
    const after = await limiter.peek(checks, now);
    const retryAfterS = after.allowed ? 1 : after.retryAfterS;
    await app.auditLog.record({ staffId: staff?.id ?? null, action: 'sign_in_locked', details: { username: body.username, ip, retryAfterS } });
    return { ok: false, status: 429, code: 'sign_in_locked', retryAfterS };
  };

  if (!staff) return fail('invalid_credentials', 'unknown_username');
  if (!passwordRight) return fail('invalid_credentials', 'wrong_password');
  if (staff.disabledAt) return fail('invalid_credentials', 'account_disabled');
  if (staff.totpSecret) {
    // Not a failure: the password was right, the console now asks for the code.
    if (!body.totp) return { ok: false, status: 401, code: 'totp_required' };
    const delta = totpFor(staff.totpSecret).validate({ token: body.totp, timestamp: now.getTime(), window: 1 });
    if (delta === null) return fail('invalid_totp', 'wrong_totp');
    const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_S) + delta;
    if (!(await app.staffAccounts.takeTotpStep(staff.id, step))) return fail('invalid_totp', 'totp_reused');
  }
  return { ok: true, staff };
}
