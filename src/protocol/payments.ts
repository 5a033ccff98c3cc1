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
  /**
   * Seconds the QR can still be paid, by the back office's clock when it answered (0 once it is no
   * longer pending): the kiosk counts down from it on its own monotonic clock, so a kiosk whose
   * wall clock is off still shows the time the gateway allows.
   */
  expiresInS: Type.Integer({ minimum: 0 }),
});
export type Payment = Static<typeof Payment>;

/** The longest a GET /api/v1/payments/:id?waitS= holds its answer while the payment stays pending. */
export const PAYMENT_WAIT_MAX_S = 25;

/**
 * GET /api/v1/payments/:id?waitS=<seconds>: a long poll. The answer comes as soon as the payment is
 * no longer pending, or after waitS seconds (at most PAYMENT_WAIT_MAX_S; a larger number waits that
 * long); without waitS, at once. A string of digits, as a query carries it.
 */
export const PaymentStatusQuery = Type.Object(
  { waitS: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })) },
  { additionalProperties: false },
);
export type PaymentStatusQuery = Static<typeof PaymentStatusQuery>;
