// The staff console's wire: how it asks for applications and what it gets back
// (server/console/, docs/console.md). Staff-only; the kiosk never speaks it.
import { Type, type Static } from '@sinclair/typebox';
import { ApplicationNumber, DocumentKind, IsoDate, IsoDateTime, Lang, ServiceCode, Uuid } from './common';
import { LivenessEvidence } from './liveness';
import { CentreId, TerminalId } from './packets';

/** Every status an application can have; who may move it where is server/applications/status-machine.ts. */
export const APPLICATION_STATUSES = ['pending_checks', 'in_review', 'accepted', 'in_production', 'ready', 'issued', 'rejected', 'withdrawn'] as const;
export const ApplicationStatus = Type.Union(APPLICATION_STATUSES.map((s) => Type.Literal(s)));
export type ApplicationStatus = Static<typeof ApplicationStatus>;

/** Made at a kiosk with a link (the online intake) or sealed offline and delivered as a packet. */
export const Channel = Type.Union([Type.Literal('online'), Type.Literal('offline')]);
export type Channel = Static<typeof Channel>;

export const LIST_PAGE_DEFAULT = 50;
export const LIST_PAGE_MAX = 200;
/** A cursor is a few dozen characters; anything much longer is not one of ours. */
export const CURSOR_MAX_LENGTH = 200;

/**
 * GET /api/v1/staff/applications?… — every field is text, as a query string has it; lists are
 * comma-separated (`status=accepted,rejected`). The schema says the shape for the console's client
 * and the docs; server/console/list-query-params.ts checks it field by field, so that each bad
 * field gets its own code (`invalid_status`, `invalid_from`, …) rather than one generic refusal.
 * The scope (which centres the caller may see) never comes from here: it is the staff member's.
 */
export const ApplicationListQuery = Type.Object(
  {
    /** One or more of APPLICATION_STATUSES. */
    status: Type.Optional(Type.String()),
    /** Centre ids, narrowing the caller's scope (never widening it). */
    centre: Type.Optional(Type.String()),
    terminal: Type.Optional(TerminalId),
    /** Service (reason) codes: 04, 07, … */
    service: Type.Optional(Type.String()),
    document: Type.Optional(DocumentKind),
    /** Created on or after this day, Kazakhstan time (UTC+5). */
    from: Type.Optional(IsoDate),
    /** Created on or before this day, Kazakhstan time (UTC+5). */
    to: Type.Optional(IsoDate),
    channel: Type.Optional(Channel),
    /** 'true': only applications with a deferred check still pending; 'false': only those with none. */
    pending: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    /** Applications from test terminals: left out unless asked for. */
    test: Type.Optional(Type.Union([Type.Literal('exclude'), Type.Literal('include'), Type.Literal('only')])),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
    /** The previous page's nextCursor, as given. */
    cursor: Type.Optional(Type.String({ maxLength: CURSOR_MAX_LENGTH })),
  },
  { additionalProperties: false },
);
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;

/** One row of the list: what an operator needs to pick an application, no personal data. */
export const ApplicationListRow = Type.Object(
  {
    id: Uuid,
    number: ApplicationNumber,
    createdAt: IsoDateTime,
    status: ApplicationStatus,
    centreId: CentreId,
    terminalId: TerminalId,
    service: ServiceCode,
    document: DocumentKind,
    channel: Channel,
    /** Deferred checks still pending (check names), empty when none. */
    pendingChecks: Type.Array(Type.String()),
    reviewReasons: Type.Array(Type.String()),
    test: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ApplicationListRow = Static<typeof ApplicationListRow>;

export const ApplicationListPage = Type.Object(
  {
    rows: Type.Array(ApplicationListRow),
    /** Opaque; null on the last page. */
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ApplicationListPage = Static<typeof ApplicationListPage>;

export const CheckOutcomeKind = Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('pending'), Type.Literal('review')]);

export const ConsoleCheck = Type.Object(
  {
    check: Type.String(),
    /** 'review': the rules could not settle it; it waits for a person's decision (the status is in_review). */
    outcome: CheckOutcomeKind,
    /** A refusal, waiting or review code; null when passed. */
    code: Type.Union([Type.String(), Type.Null()]),
    /** How the outcome was reached ('online_token', 'exempt', 'tariff 865, kiosk 0', 'review by …'); null when the check says nothing more. */
    detail: Type.Union([Type.String(), Type.Null()]),
    /** face_match: the distance measured between the face and the registry's; null otherwise. */
    distance: Type.Union([Type.Number(), Type.Null()]),
    checkedAt: IsoDateTime,
  },
  { additionalProperties: false },
);

export const ConsolePayment = Type.Object(
  {
    id: Uuid,
    /** In tiyn, as every amount (docs/api.md, "Money"). */
    amountTiyn: Type.Integer({ minimum: 0 }),
    status: Type.String(),
    createdAt: IsoDateTime,
    expiresAt: IsoDateTime,
  },
  { additionalProperties: false },
);

export const ConsoleSms = Type.Object(
  {
    outcome: Type.String(),
    /** The number it went to, masked but for its last four digits. */
    phoneMasked: Type.String(),
    text: Type.String(),
    createdAt: IsoDateTime,
    sentAt: Type.Union([IsoDateTime, Type.Null()]),
    attempts: Type.Integer(),
  },
  { additionalProperties: false },
);

export const ConsoleEvent = Type.Object(
  {
    at: IsoDateTime,
    kind: Type.String(),
    fromStatus: Type.Union([ApplicationStatus, Type.Null()]),
    toStatus: Type.Union([ApplicationStatus, Type.Null()]),
    /** 'system' or 'staff:<id>'. */
    actor: Type.String(),
    reasonCode: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

/** GET /api/v1/staff/applications/:number — one application as staff see it (a view of personal data: audited by the route). */
export const ApplicationDetail = Type.Object(
  {
    id: Uuid,
    number: ApplicationNumber,
    status: ApplicationStatus,
    createdAt: IsoDateTime,
    receivedAt: IsoDateTime,
    readyBy: IsoDate,
    centreId: CentreId,
    terminalId: TerminalId,
    service: ServiceCode,
    document: DocumentKind,
    lang: Lang,
    feeTiyn: Type.Integer({ minimum: 0 }),
    channel: Channel,
    test: Type.Boolean(),
    reviewReasons: Type.Array(Type.String()),
    checks: Type.Array(ConsoleCheck),
    liveness: Type.Union([LivenessEvidence, Type.Null()]),
    /**
     * The face match's distance against the threshold and the band around it that a person reviews
     * (src/biometrics/face-match.ts); distance null where none was measured (applications taken
     * before the back office kept it).
     */
    faceMatch: Type.Object(
      { threshold: Type.Number(), reviewFrom: Type.Number(), reviewTo: Type.Number(), distance: Type.Union([Type.Number(), Type.Null()]) },
      { additionalProperties: false },
    ),
    payments: Type.Array(ConsolePayment),
    sms: Type.Array(ConsoleSms),
    events: Type.Array(ConsoleEvent),
  },
  { additionalProperties: false },
);
export type ApplicationDetail = Static<typeof ApplicationDetail>;

/** One application waiting for a person, with what the rules could not settle. */
export const ReviewQueueRow = Type.Object(
  {
    number: ApplicationNumber,
    createdAt: IsoDateTime,
    centreId: CentreId,
    terminalId: TerminalId,
    service: ServiceCode,
    document: DocumentKind,
    test: Type.Boolean(),
    /** The checks left for review: face_grey_zone, liveness_flagged, fee_mismatch, payment_mismatch. */
    reviews: Type.Array(
      Type.Object(
        { check: Type.String(), code: Type.Union([Type.String(), Type.Null()]), detail: Type.Union([Type.String(), Type.Null()]), distance: Type.Union([Type.Number(), Type.Null()]) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ReviewQueueRow = Static<typeof ReviewQueueRow>;

/** GET /api/v1/staff/review: oldest first, as they should be decided; `more` when the queue is longer than the page. */
export const ReviewQueue = Type.Object({ rows: Type.Array(ReviewQueueRow), more: Type.Boolean() }, { additionalProperties: false });
export type ReviewQueue = Static<typeof ReviewQueue>;

/** POST /api/v1/staff/applications/lookup: the citizen's applications in the caller's centres, newest first. */
export const IinLookupResult = Type.Object({ rows: Type.Array(ApplicationListRow), more: Type.Boolean() }, { additionalProperties: false });
export type IinLookupResult = Static<typeof IinLookupResult>;
