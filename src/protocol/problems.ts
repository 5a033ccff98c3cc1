// The staff console's wire contract for the problems register (server/problems/): what branches and
// police departments found wrong with the pilot's terminals, for the weekly report (weekly-report.ts).
// Bodies are loose past their types on purpose: each field's meaning is checked by
// server/problems/problem-validation.ts, so a wrong value gets its own stable code.
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, MAX_INT32, Text, Uuid } from './common';
import { CentreId, PageLimit } from './staff';

/** What went wrong, as the pilot order's weekly information groups it. */
export const PROBLEM_CATEGORIES = ['device', 'network', 'software', 'payment', 'identification', 'queue', 'other'] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];
/** Who found it: a branch of the state corporation or a local police department (the recorder's role). */
export const PROBLEM_SOURCES = ['branch', 'police'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export const PROBLEM_STATUSES = ['open', 'resolved'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const DESCRIPTION_MAX = 2000;
export const ACTION_MAX = 2000;

const TerminalIdText = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });

export const Problem = Type.Object({
  id: Uuid,
  centreId: Type.String(),
  terminalId: Type.Union([Type.String(), Type.Null()]),
  category: Type.Union(PROBLEM_CATEGORIES.map((c) => Type.Literal(c))),
  source: Type.Union(PROBLEM_SOURCES.map((s) => Type.Literal(s))),
  description: Type.String(),
  happenedAt: Type.String(),
  actionTaken: Type.String(),
  status: Type.Union(PROBLEM_STATUSES.map((s) => Type.Literal(s))),
  resolvedAt: Type.Union([Type.String(), Type.Null()]),
  recordedBy: Type.String(),
  /** The recorder's username, for the list. */
  recordedByName: Type.String(),
  recordedAt: Type.String(),
  version: Type.Integer(),
});
export type Problem = Static<typeof Problem>;

export const ProblemsQuery = Type.Object(
  {
    /** Kazakhstan calendar days (UTC+5) of happened_at, both inclusive. */
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    centreId: Type.Optional(CentreId),
    status: Type.Optional(Type.Union(PROBLEM_STATUSES.map((s) => Type.Literal(s)))),
    /** Keyset paging, newest happened first: the `next` of the page before. */
    before: Type.Optional(Type.String({ maxLength: 80 })),
    limit: Type.Optional(PageLimit),
  },
  { additionalProperties: false },
);
export type ProblemsQuery = Static<typeof ProblemsQuery>;

export const ProblemsPage = Type.Object({
  problems: Type.Array(Problem),
  /** The `before` of the next (older) page; null on the last. */
  next: Type.Union([Type.String(), Type.Null()]),
});
export type ProblemsPage = Static<typeof ProblemsPage>;

export const NewProblem = Type.Object(
  {
    centreId: CentreId,
    terminalId: Type.Optional(Type.Union([TerminalIdText, Type.Null()])),
    category: Type.String({ maxLength: 32 }),
    description: Text({ maxLength: 10_000 }),
    happenedAt: IsoDateTime,
    actionTaken: Type.Optional(Text({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);
export type NewProblem = Static<typeof NewProblem>;

/** A change of what was done and of the status; `version` is the one the change was made against. */
export const ProblemEdit = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 16 })),
    actionTaken: Type.Optional(Text({ maxLength: 10_000 })),
    category: Type.Optional(Type.String({ maxLength: 32 })),
    description: Type.Optional(Text({ maxLength: 10_000 })),
    version: Type.Integer({ minimum: 1, maximum: MAX_INT32 }),
  },
  { additionalProperties: false },
);
export type ProblemEdit = Static<typeof ProblemEdit>;

export const ProblemParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export type ProblemParams = Static<typeof ProblemParams>;

/** The centres (and their terminals) the signed-in staff member may record a problem at. */
export const ProblemPlaces = Type.Object({
  centres: Type.Array(Type.Object({ id: Type.String(), nameRu: Type.String(), nameKk: Type.String(), terminals: Type.Array(Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) })) })),
});
export type ProblemPlaces = Static<typeof ProblemPlaces>;
