import type { LimitCheck, LimitRule } from '../limits/verdict';

/** The limits of phone confirmation by SMS code and of the face match that follows it. Reasons: docs/security.md, "Limits". */
export const CODE_LIFETIME_S = 5 * 60;
/** A verification can be resent for this long after it started; then the citizen starts again. */
export const VERIFICATION_LIFETIME_S = 15 * 60;
export const IDENTIFY_ATTEMPTS = 3;

/**
 * Wrong codes per IIN, over every verification of that IIN however often the phone step is started.
 * Three in 30 minutes is what the kiosk shows as tries left; six in 24 hours caps a patient guesser at
 * about 6 (at most 11 across two windows) of a million codes a day. A citizen who mistypes twice
 * never meets either; a right code gives its counted attempt back.
 */
export const WRONG_CODES_30M: LimitRule = { name: 'phone_wrong_codes_30m', limit: 3, windowS: 30 * 60 };
export const WRONG_CODES_24H: LimitRule = { name: 'phone_wrong_codes_24h', limit: 6, windowS: 24 * 3600 };

/** One SMS a minute to a phone, whether asked by a resend or by starting again: the code just sent is on its way. */
export const SMS_GAP: LimitRule = { name: 'phone_sms_gap_60s', limit: 1, windowS: 60 };
/** A journey needs one SMS, two with a resend, four when the citizen starts over once: five an hour to one phone. */
export const SMS_PER_PHONE_HOUR: LimitRule = { name: 'phone_sms_1h', limit: 5, windowS: 3600 };
/** Two whole journeys with resends and a margin, a day; beyond that someone is filling a stranger's phone. */
export const SMS_PER_IIN_DAY: LimitRule = { name: 'phone_sms_iin_24h', limit: 10, windowS: 24 * 3600 };

export const RESEND_AFTER_S = SMS_GAP.windowS;

export const wrongCodeChecks = (iin: string): LimitCheck[] => [
  { rule: WRONG_CODES_30M, subject: iin },
  { rule: WRONG_CODES_24H, subject: iin },
];

export const smsGapCheck = (phone: string): LimitCheck => ({ rule: SMS_GAP, subject: phone });

export const smsChecks = (iin: string, phone: string): LimitCheck[] => [
  smsGapCheck(phone),
  { rule: SMS_PER_PHONE_HOUR, subject: phone },
  { rule: SMS_PER_IIN_DAY, subject: iin },
];

/** The 429 code for a refused SMS: the gap is a short wait, the counts a long one. */
export const smsRefusalCode = (rule: string): 'resend_too_early' | 'too_many_codes' =>
  rule === SMS_GAP.name ? 'resend_too_early' : 'too_many_codes';
