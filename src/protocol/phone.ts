import { Type, type Static } from '@sinclair/typebox';
import { Iin, Phone, Text } from './common';

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
    code: Type.Union([Type.Literal('phone_mismatch'), Type.Literal('not_in_bmg'), Type.Literal('locked')]),
    lockedForS: Type.Optional(Type.Integer()),
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
    code: Type.Union([Type.Literal('wrong_code'), Type.Literal('expired'), Type.Literal('locked')]),
    attemptsLeft: Type.Integer(),
    lockedForS: Type.Optional(Type.Integer()),
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
  Type.Object({
    ok: Type.Literal(false),
    code: Type.Union([Type.Literal('too_early'), Type.Literal('expired'), Type.Literal('locked')]),
    resendInS: Type.Optional(Type.Integer()),
  }),
]);
export type PhoneResendResponse = Static<typeof PhoneResendResponse>;
