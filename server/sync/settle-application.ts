import type { FastifyInstance } from 'fastify';
import type { ApplicationPayload } from '../../src/protocol/packets';
import type { Queryable } from '../db/database';
import { ApplicationEventsRepository } from '../console/application-events';
import { CitizenSmsRepository, type CitizenSms } from '../jobs/citizen-sms';
import { RECHECK_FOR_MS, recheckDelaySeconds, type SmsOutcome } from '../jobs/queues';
import { currentPayment } from '../payments/current-payment';
import { ApplicationChecksRepository } from '../repositories/application-checks';
import { ApplicationsRepository } from '../repositories/applications';
import { mrpByYear } from '../repositories/mrp';
import { applicationStatusAfter, notifyCitizen, runDeferredChecks, type CheckOutcome, type DeferredContext, type DeferredStatus } from './deferred-checks';

/** Which look at the application this is: 0 on arrival, n for the nth re-check of an awaited fee. */
export interface SettleContext {
  attempt: number;
}

/**
 * What the settle and re-check jobs run on a packet's application (server/jobs/): the checks an
 * offline kiosk could not make, moving it from 'pending_checks' on. settleApplication unless a
 * test or a benchmark turns the checks off.
 */
export type DeferredChecks = (payload: ApplicationPayload, app: FastifyInstance, context: SettleContext) => Promise<unknown>;

/** The state systems and records the deferred checks read, from the back office's own. */
export function deferredContext(app: FastifyInstance): DeferredContext {
  return {
    registry: app.registry,
    bmg: app.bmg,
    hasOtherOpenApplication: (iin, applicationId) => app.applications.hasOtherOpenApplication(iin, applicationId),
    phoneVerifications: app.phoneVerifications,
    identifications: app.identifications,
    mrpByYear: () => mrpByYear(app.db),
    payments: {
      findById: (id) => app.payments.findById(id),
      current: (record) => currentPayment(app, record),
      byReference: (reference) => app.paymentGateway.findByReference(reference),
    },
  };
}

/**
 * While the application waits, each thing it waits for is an outcome of its own: a fee deferred for
 * want of the MRP is told once as not yet approved and once more, when the MRP is entered, with its
 * amount; a payment simply awaited, once.
 */
function smsOutcome(status: DeferredStatus, outcomes: CheckOutcome[]): SmsOutcome {
  if (status !== 'pending_checks') return status;
  const code = outcomes.find((o) => o.check === 'payment' && o.outcome === 'pending')?.code;
  return code === 'fee_unknown' || code === 'fee_due' ? code : 'payment_awaited';
}

/**
 * Runs the checks an offline kiosk could not make on an application that arrived in a packet,
 * records each outcome, moves the application to accepted or rejected once they decide, and
 * queues the citizen's SMS — all in one transaction, under the application's row lock, so two
 * processes settling it at once record it once. The citizen is told each outcome once (accepted,
 * refused, or what the payment still waits for: smsOutcome), keyed by application and outcome
 * (jobs/citizen-sms.ts), so a re-check that finds the same wait says nothing again. While the fee is awaited, the next
 * look is planned, further apart each time, for RECHECK_FOR_MS from the application.
 * An application already settled is left as it is.
 */
export async function settleApplication(
  payload: ApplicationPayload,
  app: FastifyInstance,
  { attempt }: SettleContext = { attempt: 0 },
): Promise<{ status: DeferredStatus; outcomes: CheckOutcome[] }> {
  const { id } = payload.application;
  const before = await app.applications.findById(id);
  if (before && before.status !== 'pending_checks') return settled(app, id);

  const outcomes = await runDeferredChecks(payload, deferredContext(app));
  const status = applicationStatusAfter(outcomes);
  const message = await messageFor(payload, outcomes, status, app);
  const recorded = await app.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ status: string }>('SELECT status FROM applications WHERE id = $1 FOR UPDATE', [id]);
    if (rows[0]?.status !== 'pending_checks') return false;
    await new ApplicationChecksRepository(tx).save(id, outcomes, app.clock());
    if (status !== 'pending_checks' && (await new ApplicationsRepository(tx).settleChecks(id, status))) {
      await new ApplicationEventsRepository(tx).append({ applicationId: id, at: app.clock(), kind: 'status_changed', fromStatus: 'pending_checks', toStatus: status, actor: 'system' });
    }
    if (message && (await new CitizenSmsRepository(tx).add(message, app.clock()))) {
      await app.jobs.send('sms', { applicationId: id, outcome: message.outcome }, { tx });
    }
    if (status === 'pending_checks') await planRecheck(app, payload, attempt + 1, tx);
    return true;
  });
  if (!recorded) return settled(app, id);
  if (message) app.jobs.wake('sms');
  return { status, outcomes };
}

/** The next look at an awaited fee, unless it has been awaited for RECHECK_FOR_MS already (then staff take it over). */
async function planRecheck(app: FastifyInstance, payload: ApplicationPayload, attempt: number, tx: Queryable): Promise<void> {
  const { id, createdAt } = payload.application;
  const delaySeconds = recheckDelaySeconds(attempt);
  if (app.clock().getTime() + delaySeconds * 1000 > new Date(createdAt).getTime() + RECHECK_FOR_MS) {
    app.log.warn({ applicationId: id, attempt }, 'the fee is still awaited: no more re-checks until the next start of the back office');
    return;
  }
  await app.jobs.send('recheck', { applicationId: id, attempt }, { tx, startAfterSeconds: delaySeconds, singletonKey: id });
}

/** The SMS for this outcome and the number it goes to (notifyCitizen's choice), without sending it; null when nobody can be told. */
function messageFor(payload: ApplicationPayload, outcomes: CheckOutcome[], status: DeferredStatus, app: FastifyInstance): Promise<CitizenSms | null> {
  return citizenSmsFor(payload, outcomes, smsOutcome(status, outcomes), app);
}

/** The SMS telling `outcomes` (as citizenMessage words them) and the number it goes to, without sending it; null when nobody can be told. */
export async function citizenSmsFor(payload: ApplicationPayload, outcomes: readonly CheckOutcome[], outcome: SmsOutcome, app: FastifyInstance): Promise<CitizenSms | null> {
  const captured: { phone: string; text: string }[] = [];
  await notifyCitizen(payload, outcomes, { bmg: app.bmg, sms: { send: async (m) => void captured.push(m) } });
  const [m] = captured;
  return m ? { applicationId: payload.application.id, outcome, phone: m.phone, text: m.text } : null;
}

async function settled(app: FastifyInstance, id: string): Promise<{ status: DeferredStatus; outcomes: CheckOutcome[] }> {
  const current = await app.applications.findById(id);
  const status: DeferredStatus = current?.status === 'accepted' || current?.status === 'rejected' || current?.status === 'in_review' ? current.status : 'pending_checks';
  return { status, outcomes: await app.applicationChecks.list(id) };
}
