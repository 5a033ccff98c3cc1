/*
 * An application's status, and who may move it where: the one place the back office decides a
 * status change (the intake, the deferred checks, a staff member's review decision, the document
 * production that comes later). A change not listed here is refused, whoever asks.
 *
 *   pending_checks ──checks──▶ accepted ──production──▶ in_production ──▶ ready ──▶ issued
 *        │    │                   ▲
 *        │    └──checks──▶ in_review ──staff──▶ accepted | rejected
 *        └──checks──▶ rejected
 *
 * `in_review`: a check that could not be settled by rule (a face match in the grey zone around the
 * threshold, liveness evidence flagged, a payment of another amount) waits for a person.
 * `rejected` and `issued` are final: nothing a staff member does can undo or delete an application.
 *
 * `withdrawn` (final too): a tester took a *test* application back in the sandbox, so the same test
 * citizen can make another (server/applications/withdraw-test-applications.ts). Only the `tester`
 * moves there, from any open status; the tester's route exists only in the sandbox configuration and
 * touches only applications made by test terminals.
 */

import { APPLICATION_STATUSES, type ApplicationStatus } from '../../src/protocol/console';

export { APPLICATION_STATUSES, type ApplicationStatus };

/** Who moves an application: the back office's checks, a staff member's decision, the document's production, a sandbox tester. */
export type StatusActor = 'checks' | 'staff' | 'production' | 'tester';

interface Transition {
  from: ApplicationStatus;
  to: ApplicationStatus;
  by: StatusActor;
}

const TRANSITIONS: readonly Transition[] = [
  { from: 'pending_checks', to: 'accepted', by: 'checks' },
  { from: 'pending_checks', to: 'rejected', by: 'checks' },
  { from: 'pending_checks', to: 'in_review', by: 'checks' },
  { from: 'in_review', to: 'accepted', by: 'staff' },
  { from: 'in_review', to: 'rejected', by: 'staff' },
  { from: 'accepted', to: 'in_production', by: 'production' },
  { from: 'in_production', to: 'ready', by: 'production' },
  { from: 'ready', to: 'issued', by: 'production' },
  ...(['pending_checks', 'in_review', 'accepted', 'in_production', 'ready'] as const).map((from) => ({ from, to: 'withdrawn' as const, by: 'tester' as const })),
];

export type StatusChange = { ok: true } | { ok: false; code: 'same_status' | 'final_status' | 'not_allowed' };

/** Whether `by` may move an application from `from` to `to`, and if not, why (a stable code). */
export function statusChange(from: ApplicationStatus, to: ApplicationStatus, by: StatusActor): StatusChange {
  if (from === to) return { ok: false, code: 'same_status' };
  if (isFinal(from)) return { ok: false, code: 'final_status' };
  return TRANSITIONS.some((t) => t.from === from && t.to === to && t.by === by) ? { ok: true } : { ok: false, code: 'not_allowed' };
}

/** The statuses `by` may move an application in `from` to. */
export function nextStatuses(from: ApplicationStatus, by: StatusActor): ApplicationStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && t.by === by).map((t) => t.to);
}

export function isFinal(status: ApplicationStatus): boolean {
  return !TRANSITIONS.some((t) => t.from === status);
}

/** Still open: the citizen may not start another application for the same document while one is. */
export function isOpen(status: ApplicationStatus): boolean {
  return !isFinal(status);
}
