import { Type, type Static } from '@sinclair/typebox';
import { ApplicationNumber, DocumentKind, Iin, IsoDate, IsoDateTime, Lang, Phone, ServiceCode, Uuid } from './common';
import { MAX_PORTRAIT_BYTES, PhotoQuality } from './photo-quality';

/**
 * POST /api/v1/applications — idempotent on `id`, which the kiosk makes: 201 new, 200 the same
 * body again, 409 the same id with another body, 400/422 with a code for one that will never be taken.
 */
export const ApplicationSubmission = Type.Object(
  {
    id: Uuid,
    number: ApplicationNumber,
    iin: Iin,
    service: ServiceCode,
    document: DocumentKind,
    lang: Lang,
    phone: Phone,
    phoneToken: Type.String({ maxLength: 64 }),
    identityToken: Type.String({ maxLength: 64 }),
    paymentId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
    feeKzt: Type.Integer({ minimum: 0 }),
    /** The document portrait, 35×45, as base64 JPEG of at most MAX_PORTRAIT_BYTES. */
    photoJpeg: Type.String({ maxLength: (MAX_PORTRAIT_BYTES / 3) * 4 }),
    /** The ICAO measures of the frame the portrait was cut from. */
    photoQuality: PhotoQuality,
    /** The signature as base64 PNG. */
    signaturePng: Type.String({ maxLength: 2_000_000 }),
    centreId: Type.String({ maxLength: 32 }),
    terminalId: Type.String({ maxLength: 32 }),
    /** Made on a terminal with the test device profile: kept apart from real applications. */
    test: Type.Boolean(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type ApplicationSubmission = Static<typeof ApplicationSubmission>;

export const ApplicationAccepted = Type.Object({
  id: Uuid,
  number: Type.String(),
  status: Type.Literal('accepted'),
  readyBy: IsoDate,
});
export type ApplicationAccepted = Static<typeof ApplicationAccepted>;
