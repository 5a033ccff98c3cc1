import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { applicationNumber } from '../../src/domain/application';
import { quoteFeeWith } from '../../src/domain/reference-data';
import { checkEligibility } from '../../src/domain/services';
import { ApiError } from '../../src/protocol/common';
import { PAYMENT_WAIT_MAX_S, Payment, PaymentCreateRequest, PaymentStatusQuery } from '../../src/protocol/payments';
import { findCitizen } from '../citizen-lookup';
import { currentPayment, toWirePayment } from '../payments/current-payment';
import { PAYMENT_LIFETIME_S } from '../payments/policy';
import { waitWhilePending } from '../payments/wait-payment';
import { documentInForce } from '../repositories/reference-data';
import type { PaymentRecord } from '../repositories/payments';
import { tokenHash } from '../tokens';
import { limitTerminalLookups } from '../limits/guards';

const PaymentParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

const paymentRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: PaymentCreateRequest; Reply: Payment | ApiError }>(
    '/payments',
    {
      preHandler: limitTerminalLookups('payment_create'),
      schema: {
        body: PaymentCreateRequest,
        response: { 200: Payment, 201: Payment, 400: ApiError, 403: ApiError, 409: ApiError, 422: ApiError },
      },
    },
    async (request, reply) => {
      const { applicationId, identityToken, service, document } = request.body;
      const identity = await app.identifications.findByToken(tokenHash(identityToken));
      if (!identity) return reply.code(403).send({ code: 'unverified_identity' });

      const existing = await app.payments.findLiveByApplication(applicationId);
      if (existing) {
        if (existing.iin !== identity.iin) return reply.code(409).send({ code: 'conflict' });
        const current = await currentPayment(app, existing);
        // A payment that has just run out frees the application for a new one, below.
        if (current.status !== 'expired' && current.status !== 'declined') return reply.code(200).send(toWirePayment(current, app.clock()));
      }

      const person = await findCitizen(app, identity.iin);
      if (!person) return reply.code(422).send({ code: 'not_found' });
      const today = app.today();
      const refusal = checkEligibility(person, service, document, today);
      if (refusal) return reply.code(422).send({ code: refusal });
      const fee = quoteFeeWith({ service, document, on: today, lostIdCardsThisYear: person.lostIdCardsThisYear }, await documentInForce(app.db, today));
      // The year's MRP is not entered yet: no invoice can be made, but the citizen is not refused.
      // The kiosk goes on with the fee deferred; the application's checks settle it once the MRP is there.
      if (fee.amountTiyn === null) return reply.code(422).send({ code: 'fee_unknown', detail: `no MRP entered for ${fee.year}` });

      const now = app.clock();
      const record: PaymentRecord = {
        id: randomUUID(),
        applicationId,
        iin: identity.iin,
        service,
        document,
        amountTiyn: 0,
        qrPayload: '',
        status: 'not_required',
        createdAt: now,
        expiresAt: now,
      };
      if (!fee.exempt) {
        record.amountTiyn = fee.amountTiyn;
        record.status = 'pending';
        record.expiresAt = new Date(now.getTime() + PAYMENT_LIFETIME_S * 1000);
        const invoice = await app.paymentGateway.createInvoice({
          orderId: record.id,
          reference: applicationNumber(applicationId),
          amountTiyn: fee.amountTiyn,
          expiresAt: record.expiresAt,
        });
        record.qrPayload = invoice.qrPayload;
      }
      const { payment, created } = await app.payments.insertOnce(record);
      return reply.code(created ? 201 : 200).send(toWirePayment(payment, app.clock()));
    },
  );

  // Held answers end when the back office closes, so a shutdown does not wait out a kiosk's long poll.
  const held = new Set<AbortController>();
  app.addHook('preClose', async () => {
    for (const controller of held) controller.abort();
  });

  app.get<{ Params: { id: string }; Querystring: PaymentStatusQuery; Reply: Payment | ApiError }>(
    '/payments/:id',
    {
      preHandler: limitTerminalLookups('payment_status'),
      schema: { params: PaymentParams, querystring: PaymentStatusQuery, response: { 200: Payment, 400: ApiError, 404: ApiError } },
    },
    async (request, reply) => {
      const record = await app.payments.findById(request.params.id);
      if (!record) return reply.code(404).send({ code: 'not_found' });
      let current = await currentPayment(app, record);
      const waitS = Math.min(Number(request.query.waitS ?? 0), PAYMENT_WAIT_MAX_S);
      if (current.status === 'pending' && waitS > 0) {
        const controller = new AbortController();
        // A kiosk that went away (its step left, its link lost) no longer needs the answer.
        const gone = () => controller.abort();
        reply.raw.once('close', gone);
        held.add(controller);
        try {
          current = await waitWhilePending(app, current, waitS * 1000, controller.signal);
        } finally {
          held.delete(controller);
          reply.raw.off('close', gone);
        }
      }
      return toWirePayment(current, app.clock());
    },
  );
};

export default paymentRoutes;
