// Kazakh mobile numbers: +7 7XX XXX XX XX. The citizen types the ten national digits after the
// fixed "+7"; these functions never see the country code as typed input.
import { DomainError } from './domain-error';

export type PhoneResult = { ok: true; phone: string /* +77XXXXXXXXX */ } | { ok: false; reason: 'incomplete' | 'not_mobile' };

const NATIONAL_LENGTH = 10;
const GROUPS = [3, 3, 2, 2] as const;
const STORED_PHONE = /^\+77\d{9}$/;

function nationalDigits(input: string): string {
  return input.replace(/\D/g, '').slice(0, NATIONAL_LENGTH);
}

/** "7012345678" → "+7 701 234 56 78"; partial input is shown as far as it goes ("70" → "+7 70"). */
export function formatPhoneMask(digits: string): string {
  let rest = nationalDigits(digits);
  const parts = ['+7'];
  for (const size of GROUPS) {
    if (rest === '') break;
    parts.push(rest.slice(0, size));
    rest = rest.slice(size);
  }
  return parts.join(' ');
}

/**
 * Characters other than digits are dropped (a pasted "701 234-56-78" is fine) and anything past ten
 * digits is ignored, as the mask does. Only the leading 7 of mobile numbers is checked: operators'
 * prefixes change, and the БМГ check at the back office is the real test of the number.
 */
export function parsePhone(digits: string): PhoneResult {
  const national = nationalDigits(digits);
  if (national !== '' && !national.startsWith('7')) return { ok: false, reason: 'not_mobile' };
  if (national.length < NATIONAL_LENGTH) return { ok: false, reason: 'incomplete' };
  return { ok: true, phone: `+7${national}` };
}

/** "+77012345678" → "+7 701 *** ** 78": enough for the citizen to recognise their number on a public screen or paper. */
export function maskPhone(phone: string): string {
  if (!STORED_PHONE.test(phone)) throw new DomainError('invalid_phone', `not a +77XXXXXXXXX number: ${JSON.stringify(phone)}`);
  return `+7 ${phone.slice(2, 5)} *** ** ${phone.slice(10)}`;
}
