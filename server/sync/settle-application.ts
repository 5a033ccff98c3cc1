import type { FastifyInstance } from 'fastify';
import type { ApplicationPayload } from '../../src/protocol/packets';
import { currentPayment } from '../payments/current-payment';
import { ApplicationChecksRepository } from '../repositories/application-checks';
import { ApplicationsRepository } from '../repositories/applications';
import { applicationStatusAfter, notifyCitizen, runDeferredChecks, type CheckOutcome, type DeferredContext, type DeferredStatus } from './deferred-checks';

/** The state systems and records the deferred checks read, from the back office's own. */
export function deferredContext(app: FastifyInstance): DeferredContext {
  return {
    registry: app.registry,
    bmg: app.bmg,
    hasOtherOpenApplication: (iin, applicationId) => app.applications.hasOtherOpenApplication(iin, applicationId),
    phoneVerifications: app.phoneVerifications,
    identifications: app.identifications,
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
 * the citizen by SMS (a failed SMS is logged: the outcome stands).
 */
export async function settleApplication(payload: ApplicationPayload, app: FastifyInstance): Promise<{ status: DeferredStatus; outcomes: CheckOutcome[] }> {
  const { id } = payload.application;
  const outcomes = await runDeferredChecks(payload, deferredContext(app));
  const status = applicationStatusAfter(outcomes);
  // The outcomes and the status they lead to are seen together, or not at all.
  await app.db.transaction(async (tx) => {
    await new ApplicationChecksRepository(tx).save(id, outcomes, app.clock());
    if (status !== 'pending_checks') await new ApplicationsRepository(tx).settleChecks(id, status);
  });
  try {
    await notifyCitizen(payload, outcomes, { bmg: app.bmg, sms: app.sms });
  } catch (error) {
    app.log.error({ err: error, applicationId: id }, 'the SMS about the checks could not be sent');
  }
  return { status, outcomes };
}
