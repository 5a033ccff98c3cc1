import { Type, type Static } from '@sinclair/typebox';
import { DocumentKind, IsoDate, IsoDateTime, MAX_INT32, Text } from './common';

/*
 * Reference data: the figures the state sets and the fee and the ready-by date are counted with —
 * the MRP by year, the tariff rows, the day of Kurban ait by year (the fixed holidays are in the law
 * and in src/domain/holidays.ts). Admins enter a new version with the day it takes effect; the back
 * office keeps every version and signs each with its key; kiosks fetch them, verify the signature
 * and keep them for offline days (docs/reference-data.md).
 */

export const REFERENCE_DATA_FORMAT = 1;

export const TARIFF_RULES = ['id_card', 'id_card_lost_repeatedly', 'id_card_on_expiry', 'passport_adult_36'] as const;
export const TariffRuleName = Type.Union(TARIFF_RULES.map((rule) => Type.Literal(rule)));

const Year = Type.Integer({ minimum: 2000, maximum: 2200 });

export const MrpOfYear = Type.Object({ year: Year, mrpKzt: Type.Integer({ minimum: 1, maximum: MAX_INT32 }) }, { additionalProperties: false });
export type MrpOfYear = Static<typeof MrpOfYear>;

/** A share of the MRP in force from `from` until a later row of the same rule and document. */
export const TariffRowWire = Type.Object(
  { from: IsoDate, document: DocumentKind, rule: TariffRuleName, mrp: Type.Number({ minimum: 0, maximum: 1000 }) },
  { additionalProperties: false },
);
export type TariffRowWire = Static<typeof TariffRowWire>;

export const KurbanAitOfYear = Type.Object({ year: Year, date: IsoDate }, { additionalProperties: false });
export type KurbanAitOfYear = Static<typeof KurbanAitOfYear>;

const MAX_ROWS = 200;

/** What an admin enters: the whole set of figures, not a difference from the last version. */
export const ReferenceDataFigures = Type.Object(
  {
    mrpByYear: Type.Array(MrpOfYear, { maxItems: MAX_ROWS }),
    tariff: Type.Array(TariffRowWire, { maxItems: MAX_ROWS }),
    kurbanAit: Type.Array(KurbanAitOfYear, { maxItems: MAX_ROWS }),
  },
  { additionalProperties: false },
);
export type ReferenceDataFigures = Static<typeof ReferenceDataFigures>;

/** One version as it is signed: its number and the first day it is in force, and the figures. */
export const ReferenceData = Type.Object(
  {
    format: Type.Literal(REFERENCE_DATA_FORMAT),
    version: Type.Integer({ minimum: 0, maximum: MAX_INT32 }),
    effectiveFrom: IsoDate,
    ...ReferenceDataFigures.properties,
  },
  { additionalProperties: false },
);
export type ReferenceData = Static<typeof ReferenceData>;

/** ECDSA P-256 / SHA-256, P1363 (r‖s), base64url, by the back office's key over referenceDataSignedBytes. */
export const SignedReferenceData = Type.Object({ document: ReferenceData, signature: Type.String({ pattern: '^[A-Za-z0-9_-]{86}$' }) }, { additionalProperties: false });
export type SignedReferenceData = Static<typeof SignedReferenceData>;

/**
 * GET /api/v1/terminals/reference-data: the version in force on the back office's day and every
 * later-dated one, so a kiosk that stays offline past a version's first day still switches to it.
 */
export const ReferenceDataForKiosk = Type.Object({ versions: Type.Array(SignedReferenceData, { maxItems: 50 }) }, { additionalProperties: false });
export type ReferenceDataForKiosk = Static<typeof ReferenceDataForKiosk>;

/** POST /api/v1/staff/reference-data. The back office numbers the version. */
export const NewReferenceData = Type.Object(
  { effectiveFrom: IsoDate, note: Type.Optional(Text({ maxLength: 500 })), ...ReferenceDataFigures.properties },
  { additionalProperties: false },
);
export type NewReferenceData = Static<typeof NewReferenceData>;

export const ReferenceDataVersionSummary = Type.Object({
  version: Type.Integer(),
  effectiveFrom: IsoDate,
  createdAt: IsoDateTime,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  inForce: Type.Boolean(),
});
export type ReferenceDataVersionSummary = Static<typeof ReferenceDataVersionSummary>;

export const ReferenceDataVersionList = Type.Object({ versions: Type.Array(ReferenceDataVersionSummary) });
export type ReferenceDataVersionList = Static<typeof ReferenceDataVersionList>;

export const ReferenceDataVersionDetail = Type.Object({ ...ReferenceDataVersionSummary.properties, document: ReferenceData, signature: Type.String() });
export type ReferenceDataVersionDetail = Static<typeof ReferenceDataVersionDetail>;

/**
 * Why a new version was refused (400 with this code and the row in `detail`): each mistake an
 * admin can make has its own, and the console names it in the admin's language.
 */
export type ReferenceDataErrorCode =
  | 'mrp_year_repeated'
  | 'tariff_share_invalid'
  | 'tariff_row_repeated'
  | 'tariff_rule_document_mismatch'
  | 'tariff_rule_missing'
  | 'kurban_ait_year_mismatch'
  | 'kurban_ait_year_repeated'
  | 'effective_from_in_past';

export const ReferenceDataProblemWire = Type.Object({ code: Type.String(), at: Type.String() });

/** 400 of POST /api/v1/staff/reference-data: `code` and `detail` are the first mistake's, `problems` all of them. */
export const ReferenceDataRefusal = Type.Object({ code: Type.String(), detail: Type.Optional(Type.String()), problems: Type.Optional(Type.Array(ReferenceDataProblemWire)) });
export type ReferenceDataRefusal = Static<typeof ReferenceDataRefusal>;

/** A path's version number as text (path parameters are not coerced): at most 9 digits, so always an int32. */
export const ReferenceDataVersionParams = Type.Object({ version: Type.String({ pattern: '^[0-9]{1,9}$' }) });
export type ReferenceDataVersionParams = Static<typeof ReferenceDataVersionParams>;

const SIGNED_PREFIX = 'kiosk-reference-data/1\n';

/**
 * The bytes signed: a prefix naming what they are, then the document as JSON with its members in one
 * fixed order and its rows sorted, so the same figures give the same bytes whatever order a
 * database (jsonb) or a client kept them in.
 */
export function referenceDataSignedBytes(document: ReferenceData): Uint8Array<ArrayBuffer> {
  const canonical = {
    format: document.format,
    version: document.version,
    effectiveFrom: document.effectiveFrom,
    mrpByYear: [...document.mrpByYear].sort((a, b) => a.year - b.year).map((row) => ({ year: row.year, mrpKzt: row.mrpKzt })),
    tariff: [...document.tariff]
      .sort((a, b) => compareText(a.document, b.document) || compareText(a.rule, b.rule) || compareText(a.from, b.from))
      .map((row) => ({ from: row.from, document: row.document, rule: row.rule, mrp: row.mrp })),
    kurbanAit: [...document.kurbanAit].sort((a, b) => a.year - b.year).map((row) => ({ year: row.year, date: row.date })),
  };
  return new TextEncoder().encode(SIGNED_PREFIX + JSON.stringify(canonical));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
