import { Type, type Static } from '@sinclair/typebox';
import { DocumentKind, Iin, ServiceCode } from './common';

/** POST /api/v1/citizens/check — is this person in the registry and may they apply for this service? */
export const CitizenCheckRequest = Type.Object(
  { iin: Iin, service: ServiceCode, document: DocumentKind },
  { additionalProperties: false },
);
export type CitizenCheckRequest = Static<typeof CitizenCheckRequest>;

/** Why a person cannot apply here; each has its own message and advice at the kiosk. */
export const REFUSAL_CODES = [
  'not_found',
  'deceased',
  'under_16',
  'application_in_progress',
  'document_not_offered',
  'no_valid_id_card',
  'has_passport',
  'document_not_expired',
  'document_lost',
  'document_expired',
  'no_document_on_record',
  'no_civil_record',
  'no_locality_change',
] as const;
export const RefusalCode = Type.Union(REFUSAL_CODES.map((code) => Type.Literal(code)));
export type RefusalCode = Static<typeof RefusalCode>;

export const CitizenCheckResponse = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    /** Partly masked, e.g. "Айгерим Б*****": enough for the citizen to recognise, not to identify. */
    maskedName: Type.String(),
    /** ID cards lost in the last 12 months, which the fee depends on. */
    lostIdCardsThisYear: Type.Integer({ minimum: 0 }),
  }),
  Type.Object({ ok: Type.Literal(false), refusal: RefusalCode }),
]);
export type CitizenCheckResponse = Static<typeof CitizenCheckResponse>;
