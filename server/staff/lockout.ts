import type { LimitCheck, LimitRule } from '../limits/verdict';

/*
 * Failed sign-ins, counted in the database (server/limits/limiter.ts) so that the lockout holds
 * across every process. Reasons in docs/security.md, "Staff sign-in".
 *
 * Per username: five failures in 15 minutes lock the account's sign-in until the window ends. A
 * person who forgot their password gives up or calls the admin before the fifth; a guesser gets
 * at most 5 (9 across two windows) tries per quarter hour, about 900 a day: nothing against a
 * 12-character password. The price, said in the docs: anyone may lock a known username for 15
 * minutes — the sign-in of others, and the admins' reset, are untouched.
 *
 * Per address: thirty failures in 15 minutes from one address, whatever the usernames: a centre's
 * staff behind one router mistype far less, and it stops one address from trying a few passwords
 * on every account in turn.
 */
export const FAILURES_PER_USERNAME: LimitRule = { name: 'staff_sign_in_failures_user_15m', limit: 5, windowS: 15 * 60 };
export const FAILURES_PER_ADDRESS: LimitRule = { name: 'staff_sign_in_failures_ip_15m', limit: 30, windowS: 15 * 60 };

/** The subject of the per-username rule: the name as the account is found, in lower case. */
export const signInChecks = (username: string, ip: string): LimitCheck[] => [
  { rule: FAILURES_PER_USERNAME, subject: username.toLowerCase() },
  { rule: FAILURES_PER_ADDRESS, subject: `ip:${ip}` },
];
