// The manual review's wire (server/staff/review-routes.ts, console/pages/Review.svelte): what a
// reviewer may decide and why. The reason codes are stable: the citizen's SMS and the audit log
// are worded from them.
import { Type, type Static } from '@sinclair/typebox';
import { ApplicationNumber, Iin, IsoDateTime, Text } from './common';
import { ApplicationStatus } from './console';

/** Why a reviewer accepts: the check a person has now settled. */
export const ACCEPT_REASONS = ['face_confirmed', 'liveness_confirmed', 'payment_confirmed'] as const;
/** Why a reviewer refuses; each has the citizen's wording in server/sync/deferred-messages.ts. */
export const REJECT_REASONS = ['face_not_applicant', 'liveness_not_live', 'payment_not_settled'] as const;
export type AcceptReason = (typeof ACCEPT_REASONS)[number];
export type RejectReason = (typeof REJECT_REASONS)[number];
export type ReviewReason = AcceptReason | RejectReason;

/** The reasons a decision may give: accepting with a refusal's reason is a mistake the route names. */
export function reasonsFor(decision: 'accept' | 'reject'): readonly ReviewReason[] {
  return decision === 'accept' ? ACCEPT_REASONS : REJECT_REASONS;
}

export const REVIEW_NOTE_MAX = 500;

/** POST /api/v1/staff/applications/:number/decision */
export const ReviewDecisionRequest = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('reject')]),
    reason: Type.Union([...ACCEPT_REASONS, ...REJECT_REASONS].map((r) => Type.Literal(r))),
    /** What the reviewer saw, for the audit log (never sent to the citizen). */
    note: Type.Optional(Text({ maxLength: REVIEW_NOTE_MAX })),
  },
  { additionalProperties: false },
);
export type ReviewDecisionRequest = Static<typeof ReviewDecisionRequest>;

export const ReviewDecisionResponse = Type.Object(
  { number: ApplicationNumber, status: ApplicationStatus, decidedAt: IsoDateTime },
  { additionalProperties: false },
);
export type ReviewDecisionResponse = Static<typeof ReviewDecisionResponse>;

export const LOOKUP_REASON_MIN = 10;
export const LOOKUP_REASON_MAX = 300;

/**
 * POST /api/v1/staff/applications/lookup: a citizen's applications by IIN. A POST so the IIN is never
 * in an address (logs, history); the reason is required and kept in the audit log with the lookup.
 */
export const IinLookupRequest = Type.Object(
  { iin: Iin, reason: Text({ minLength: LOOKUP_REASON_MIN, maxLength: LOOKUP_REASON_MAX }) },
  { additionalProperties: false },
);
export type IinLookupRequest = Static<typeof IinLookupRequest>;
