import { Type, type Static } from '@sinclair/typebox';
import { Iin, Phone, Text } from './common';

/*
 * The phone's limits are not answers here but 429s with a code and Retry-After (docs/api.md):
 * too_many_wrong_codes, too_many_codes, resend_too_early, too_many_requests.
 */

/** POST /api/v1/phone/start — the number must be the one the БМГ holds for this IIN; sends an SMS code. */
export const PhoneStartRequest = Type.Object({ iin: Iin, phone: Phone }, { additionalProperties: false });
export type PhoneStartRequest = Static<typeof PhoneStartRequest>;

export const PhoneStartResponse = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    verificationId: Type.String(),
    attemptsLeft: Type.Integer(),
    resendInS: Type.Integer(),
    expiresInS: Type.Integer(),
  }),
  Type.Object({
    ok: Type.Literal(false),
    code: Type.Union([Type.Literal('phone_mismatch'), Type.Literal('not_in_bmg')]),
  }),
]);
export type PhoneStartResponse = Static<typeof PhoneStartResponse>;

/** POST /api/v1/phone/confirm */
export const PhoneConfirmRequest = Type.Object(
  { verificationId: Text({ maxLength: 64 }), code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);
export type PhoneConfirmRequest = Static<typeof PhoneConfirmRequest>;

export const PhoneConfirmResponse = Type.Union([
  Type.Object({ ok: Type.Literal(true), phoneToken: Type.String() }),
  Type.Object({
    ok: Type.Literal(false),
    code: Type.Union([Type.Literal('wrong_code'), Type.Literal('expired')]),
    attemptsLeft: Type.Integer(),
  }),
]);
export type PhoneConfirmResponse = Static<typeof PhoneConfirmResponse>;

/** POST /api/v1/phone/resend */
export const PhoneResendRequest = Type.Object(
  { verificationId: Text({ maxLength: 64 }) },
  { additionalProperties: false },
);
export type PhoneResendRequest = Static<typeof PhoneResendRequest>;

export const PhoneResendResponse = Type.Union([
  Type.Object({ ok: Type.Literal(true), resendInS: Type.Integer(), expiresInS: Type.Integer() }),
  Type.Object({ ok: Type.Literal(false), code: Type.Literal('expired') }),
]);
export type PhoneResendResponse = Static<typeof PhoneResendResponse>;
