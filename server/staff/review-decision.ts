import type { FastifyInstance } from 'fastify';
import { reasonsFor, type ReviewDecisionRequest } from '../../src/protocol/review';
import { statusChange, type ApplicationStatus } from '../applications/status-machine';
import type { CentreScope } from '../console/list-query';
import { ApplicationEventsRepository } from '../console/application-events';
import { CitizenSmsRepository } from '../jobs/citizen-sms';
import { ApplicationChecksRepository } from '../repositories/application-checks';
import type { CheckOutcome } from '../sync/deferred-checks';
import { citizenSmsFor } from '../sync/settle-application';

/*
 * A person's decision on an application the deferred checks left for review (status in_review):
 * the application moves by the status machine, the checks that waited for review take the
 * decision as their outcome, the history and the audit log say who decided and why, and the
 * citizen is told by SMS in their language, all in one transaction under the application's row lock,
 * so two reviewers deciding at once decide it once.
 */

export interface Reviewer {
  id: string;
  username: string;
}

export type DecisionResult =
  | { ok: true; number: string; status: ApplicationStatus; decidedAt: Date }
  | { ok: false; status: 400 | 404 | 409; code: 'reason_not_for_decision' | 'not_found' | 'not_in_review' };

/** The checks as the decision leaves them: a review accepted passes, a review refused fails with the reviewer's reason (which the SMS words). */
export function decidedOutcomes(outcomes: readonly CheckOutcome[], decision: ReviewDecisionRequest, reviewer: Reviewer): CheckOutcome[] {
  return outcomes.map((o) => {
    if (o.outcome !== 'review') return o;
    const detail = `review by ${reviewer.username}: ${o.code ?? ''} → ${decision.reason}`;
    return decision.decision === 'accept' ? { ...o, outcome: 'passed', code: null, detail } : { ...o, outcome: 'failed', code: decision.reason, detail };
  });
}

export async function decideReview(app: FastifyInstance, reviewer: Reviewer, scope: CentreScope, number: string, decision: ReviewDecisionRequest): Promise<DecisionResult> {
  if (!reasonsFor(decision.decision).includes(decision.reason)) return { ok: false, status: 400, code: 'reason_not_for_decision' };
  const found = await app.applications.findByNumber(number);
  const payload = found ? await app.packets.payload(found.id) : null;
  if (!found || !payload || (scope !== 'all' && !scope.includes(payload.application.centreId))) return { ok: false, status: 404, code: 'not_found' };

  const to: ApplicationStatus = decision.decision === 'accept' ? 'accepted' : 'rejected';
  const checked = await app.applicationChecks.list(found.id);
  const outcomes = decidedOutcomes(checked, decision, reviewer);
  const reviewed = outcomes.filter((o, i) => o !== checked[i]);
  const message = await citizenSmsFor(payload, outcomes, to === 'accepted' ? 'accepted' : 'rejected', app);
  const at = app.clock();
  const decided = await app.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ status: ApplicationStatus }>('SELECT status FROM applications WHERE id = $1 FOR UPDATE', [found.id]);
    const from = rows[0]?.status;
    if (!from || !statusChange(from, to, 'staff').ok) return false;
    await tx.query('UPDATE applications SET status = $2 WHERE id = $1', [found.id, to]);
    await new ApplicationChecksRepository(tx).save(found.id, reviewed, at);
    await new ApplicationEventsRepository(tx).append({ applicationId: found.id, at, kind: 'status_changed', fromStatus: from, toStatus: to, actor: `staff:${reviewer.id}`, reasonCode: decision.reason });
    await app.auditLog.record(
      { staffId: reviewer.id, action: 'review_decided', applicationId: found.id, reason: decision.note ?? null, details: { decision: decision.decision, reasonCode: decision.reason, from, to } },
      tx,
    );
    if (message && (await new CitizenSmsRepository(tx).add(message, at))) await app.jobs.send('sms', { applicationId: found.id, outcome: message.outcome }, { tx });
    return true;
  });
  if (!decided) return { ok: false, status: 409, code: 'not_in_review' };
  if (message) app.jobs.wake('sms');
  return { ok: true, number, status: to, decidedAt: at };
}
