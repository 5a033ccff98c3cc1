// The staff console's wire contract for centres (ЦОН) and branches (server/staff/centre-routes.ts).
// Bodies are loose on purpose past their types: each field's meaning is checked by
// server/staff/centre-validation.ts, so a wrong value gets its own stable code, not invalid_request.
import { Type, type Static } from '@sinclair/typebox';
import { MAX_INT32, Text } from './common';
import { BranchId, CentreId } from './staff';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Weekday → 'HH:MM-HH:MM'; a day not named is a day off. */
export const OpeningHours = Type.Record(Type.String(), Type.String());
export type OpeningHours = Static<typeof OpeningHours>;

export const Branch = Type.Object({
  id: Type.String(),
  region: Type.String(),
  nameRu: Type.String(),
  nameKk: Type.String(),
  version: Type.Integer(),
});
export type Branch = Static<typeof Branch>;

export const Centre = Type.Object({
  id: Type.String(),
  branchId: Type.String(),
  nameRu: Type.String(),
  nameKk: Type.String(),
  region: Type.String(),
  address: Type.String(),
  hours: OpeningHours,
  version: Type.Integer(),
});
export type Centre = Static<typeof Centre>;

export const BranchList = Type.Object({ branches: Type.Array(Branch) });
export type BranchList = Static<typeof BranchList>;
export const CentreList = Type.Object({ centres: Type.Array(Centre) });
export type CentreList = Static<typeof CentreList>;

export const CentresQuery = Type.Object({ branchId: Type.Optional(BranchId) }, { additionalProperties: false });
export type CentresQuery = Static<typeof CentresQuery>;

export const CentreParams = Type.Object({ centreId: CentreId }, { additionalProperties: false });
export type CentreParams = Static<typeof CentreParams>;
export const BranchParams = Type.Object({ branchId: BranchId }, { additionalProperties: false });
export type BranchParams = Static<typeof BranchParams>;

const Version = Type.Integer({ minimum: 1, maximum: MAX_INT32 });

/** What an admin may change of a centre, with the version they saw. Its branch is fixed: staff belong to both. */
export const CentreEdit = Type.Object(
  {
    nameRu: Text({ maxLength: 200 }),
    nameKk: Text({ maxLength: 200 }),
    region: Text({ maxLength: 64 }),
    address: Text({ maxLength: 500 }),
    hours: Type.Record(Type.String({ maxLength: 16 }), Text({ maxLength: 32 }), { maxProperties: 7 }),
    version: Version,
  },
  { additionalProperties: false },
);
export type CentreEdit = Static<typeof CentreEdit>;

export const NewCentre = Type.Object(
  {
    id: Text({ maxLength: 64 }),
    branchId: Text({ maxLength: 64 }),
    nameRu: Text({ maxLength: 200 }),
    nameKk: Text({ maxLength: 200 }),
    region: Text({ maxLength: 64 }),
    address: Text({ maxLength: 500 }),
    hours: Type.Record(Type.String({ maxLength: 16 }), Text({ maxLength: 32 }), { maxProperties: 7 }),
  },
  { additionalProperties: false },
);
export type NewCentre = Static<typeof NewCentre>;

export const BranchEdit = Type.Object(
  { nameRu: Text({ maxLength: 200 }), nameKk: Text({ maxLength: 200 }), version: Version },
  { additionalProperties: false },
);
export type BranchEdit = Static<typeof BranchEdit>;

/** One kept version of a centre: who changed it to this and when (null: the seed). */
export const CentreVersion = Type.Object({
  ...Centre.properties,
  changedAt: Type.String(),
  changedBy: Type.Union([Type.String(), Type.Null()]),
});
export type CentreVersion = Static<typeof CentreVersion>;
export const CentreHistory = Type.Object({ versions: Type.Array(CentreVersion) });
export type CentreHistory = Static<typeof CentreHistory>;

/** The stable codes of a refused change, each with its text in the console (console/i18n). */
export const CENTRE_ERROR_CODES = [
  'invalid_centre_id',
  'name_required',
  'address_required',
  'unknown_region',
  'invalid_hours',
  'unknown_branch',
  'centre_exists',
  'version_conflict',
  'not_found',
] as const;
export type CentreErrorCode = (typeof CENTRE_ERROR_CODES)[number];
