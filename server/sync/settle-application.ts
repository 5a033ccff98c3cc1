import type { FastifyInstance } from 'fastify';
import type { ApplicationPayload } from '../../src/protocol/packets';
import { currentPayment } from '../payments/current-payment';
import { ApplicationChecksRepository } from '../repositories/application-checks';
import { ApplicationsRepository } from '../repositories/applications';
import { mrpByYear } from '../repositories/mrp';
import { applicationStatusAfter, notifyCitizen, runDeferredChecks, type CheckOutcome, type DeferredContext, type DeferredStatus } from './deferred-checks';

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
 * Runs the checks an offline kiosk could not make on an application that arrived in a packet,
 * records each outcome, moves the application to accepted or rejected once they decide, and tells
 * the citizen by SMS (a failed SMS is logged: the outcome stands). On arrival the citizen is always
 * told (accepted, refused, or the fee still awaited); on a re-check only when the outcome is final,
 * so nobody gets the same "still waiting" message again and again.
 */
export async function settleApplication(
  payload: ApplicationPayload,
  app: FastifyInstance,
  tell: 'always' | 'when_final' = 'always',
): Promise<{ status: DeferredStatus; outcomes: CheckOutcome[] }> {
  const { id } = payload.application;
  const outcomes = await runDeferredChecks(payload, deferredContext(app));
  const status = applicationStatusAfter(outcomes);
  // The outcomes and the status they lead to are seen together, or not at all.
  await app.db.transaction(async (tx) => {
    await new ApplicationChecksRepository(tx).save(id, outcomes, app.clock());
    if (status !== 'pending_checks') await new ApplicationsRepository(tx).settleChecks(id, status);
  });
  if (tell === 'when_final' && status === 'pending_checks') return { status, outcomes };
  try {
    await notifyCitizen(payload, outcomes, { bmg: app.bmg, sms: app.sms });
  } catch (error) {
    app.log.error({ err: error, applicationId: id }, 'the SMS about the checks could not be sent');
  }
  return { status, outcomes };
}

/** How often the back office looks again at applications still waiting (a fee paid later on the citizen's phone). */
export const RECHECK_INTERVAL_MS = 5 * 60_000;

/**
 * Runs the checks again on applications still pending, oldest first: how a fee paid after the
 * packet arrived turns into an accepted application. Returns how many moved on. One failing
 * application is logged and does not hold up the others.
 */
export async function recheckPending(app: FastifyInstance, limit = 100): Promise<number> {
  let settled = 0;
  for (const id of await app.packets.pendingChecks(limit)) {
    try {
      const payload = await app.packets.payload(id);
      if (!payload) continue;
      const { status } = await settleApplication(payload, app, 'when_final');
      if (status !== 'pending_checks') settled++;
    } catch (error) {
      app.log.error({ err: error, applicationId: id }, 'the re-check failed; the application stays pending');
    }
  }
  return settled;
}
