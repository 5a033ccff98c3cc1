import { createHash, randomInt } from 'node:crypto';

/** A–Z and 2–9 without the letters read as digits or as each other (I, L, O): the technician types it. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 8 characters as XXXX-XXXX: 31⁸ ≈ 2⁴⁰ values, one use, for ENROLMENT_CODE_HOURS. */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** How a code is kept: a copy of the database does not hand out codes still unused. */
export function enrolmentCodeHash(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
