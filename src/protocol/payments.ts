import { Type, type Static } from '@sinclair/typebox';
import { DocumentKind, IsoDateTime, ServiceCode, Text, Uuid } from './common';

/** POST /api/v1/payments — the back office computes the fee itself from the tariff; the kiosk's figure is only shown. */
export const PaymentCreateRequest = Type.Object(
  { applicationId: Uuid, identityToken: Text({ maxLength: 64 }), service: ServiceCode, document: DocumentKind },
  { additionalProperties: false },
);
export type PaymentCreateRequest = Static<typeof PaymentCreateRequest>;

export const PaymentStatus = Type.Union([
  Type.Literal('not_required'),
  Type.Literal('pending'),
  Type.Literal('paid'),
  Type.Literal('declined'),
  Type.Literal('expired'),
]);
export type PaymentStatus = Static<typeof PaymentStatus>;

export const Payment = Type.Object({
  paymentId: Type.String(),
  /** Integer tiyn: 78,640 is 786.40 ₸. */
  amountTiyn: Type.Integer({ minimum: 0 }),
  /**
   * Deprecated: for kiosks of before the tiyn, until they take the new version (AppUpdate asks every
   * hour). The amount in whole tenge, present only when it is whole: such a kiosk cannot show nor
   * seal 786.40 ₸, so it refuses that answer (bad_response) rather than charge or report 786 ₸.
   * Remove once no kiosk of before the tiyn is left (docs/api.md, "Money").
   */
  amountKzt: Type.Optional(Type.Integer({ minimum: 0 })),
  /** EMVCo merchant-presented QR payload; empty when no fee is due. */
  qrPayload: Type.String(),
  status: PaymentStatus,
  expiresAt: IsoDateTime,
});
export type Payment = Static<typeof Payment>;
