import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The session cookie: `__Host-` makes the browser keep it only if Secure, Path=/ and without Domain, as we set it. */
export const SESSION_COOKIE = '__Host-staff_session';
/** The header every state-changing staff request carries the session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** How long a session lives without a request (sliding), and at most however busy: one working day. */
export const IDLE_TIMEOUT_S = 30 * 60;
export const ABSOLUTE_TIMEOUT_S = 12 * 3600;

/** 256 random bits, base64url: the cookie's value. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token (the session's key, the CSRF token's check): its SHA-256, hex. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The session's CSRF token, derived from the cookie's token: the console can ask for it again
 * (GET /staff/session) in a new tab or after a reload without it being stored anywhere, and it is
 * the same in every tab. A page of another site cannot read it: it has neither the cookie's value
 * nor our answers.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('staff-csrf').digest('base64url');
}

/** Whether `sent` is the CSRF token whose hash is stored, compared in constant time. */
export function csrfMatches(sent: string | undefined, storedHash: string): boolean {
  if (typeof sent !== 'string' || sent.length === 0 || sent.length > 128) return false;
  const a = Buffer.from(tokenHash(sent), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
