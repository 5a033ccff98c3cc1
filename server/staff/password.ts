import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/*
 * Argon2id at the library's defaults, which are OWASP's first recommendation (19 MiB, 2 passes, one
 * lane). What one hash costs on our machines is measured by bench/staff-password.ts
 * (docs/benchmarks.md); a sign-in pays it once.
 */
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a hash that is not an argon2 string (never throws on one). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * A sign-in by a username no account has verifies the password against this hash, so it costs
 * the same argon2 work as a wrong password and its timing does not tell which usernames exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** 20 characters of an alphabet without look-alikes (no 0/O, 1/l/I): about 116 bits, shown once. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  // Rejection sampling: 228 is the largest multiple of 57 (the alphabet's length) not above 256, so every letter is equally likely.
  const limit = Math.floor(256 / alphabet.length) * alphabet.length;
  let out = '';
  while (out.length < 20) {
    for (const byte of randomBytes(32)) {
      if (byte < limit && out.length < 20) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}
