import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * One-time SMS codes are stored as HMAC-SHA256(server secret, salt ‖ code), not as scrypt.
 * A 6-digit code has only a million values, so a slow hash would not stop anyone holding a copy
 * of the database from trying them all, while it would cost CPU on every attempt; what protects the
 * code is a secret that is not in the database. The salt keeps two equal codes from looking equal.
 */
export interface HashedCode {
  salt: Uint8Array;
  hash: Uint8Array;
}

export function newSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashSmsCode(secret: Uint8Array, code: string, salt: Uint8Array = randomBytes(16)): HashedCode {
  const hash = createHmac('sha256', secret).update(salt).update(code).digest();
  return { salt, hash };
}

export function smsCodeMatches(secret: Uint8Array, code: string, stored: HashedCode): boolean {
  const { hash } = hashSmsCode(secret, code, stored.salt);
  return hash.length === stored.hash.length && timingSafeEqual(hash, stored.hash);
}

/** The message the citizen receives: Kazakh first, then Russian, as state services write them. */
export function smsCodeText(code: string): string {
  return `Код: ${code}. ЦОН терминалы, ешкімге айтпаңыз. / Код: ${code}. Терминал ЦОН, никому не сообщайте.`;
}
