import { createHash, randomBytes } from 'node:crypto';

/** A bearer token for the kiosk: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored hashed, so a copy of the database does not hand out live tokens. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
