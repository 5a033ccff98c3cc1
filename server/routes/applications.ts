import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { applicationNumber, readyBy } from '../../src/domain/application';
import { DomainError } from '../../src/domain/domain-error';
import { feeFor } from '../../src/domain/fees';
import { parseIin } from '../../src/domain/iin';
import { checkEligibility } from '../../src/domain/services';
import { ApplicationAccepted, ApplicationSubmission } from '../../src/protocol/applications';
import { ApiError, ApplicationNumber } from '../../src/protocol/common';
import { canonicalHash } from '../canonical-json';
import { findCitizen } from '../citizen-lookup';
import { isBase64Image } from '../images';
import { kazakhstanDate } from '../../src/domain/dates';
import { currentPayment } from '../payments/current-payment';
import type { StoredApplication } from '../repositories/applications';
import { tokenHash } from '../tokens';

/** Two images of up to 2 MB of base64 each, and the rest. */
const BODY_LIMIT = 5 * 1024 * 1024;

const ApplicationNumberParams = Type.Object({ number: ApplicationNumber });
/** What the tracking QR on the receipt shows: no personal data, so the number alone is enough to ask. */
export const ApplicationStatusResponse = Type.Object({
  number: Type.String(),
  status: Type.Union(['pending_checks', 'accepted', 'in_production', 'ready', 'issued', 'rejected'].map((s) => Type.Literal(s))),
  readyBy: Type.String({ format: 'date' }),
  /** Made on a test terminal: test data, never real work. */
  test: Type.Boolean(),
});

const accepted = (a: StoredApplication): ApplicationAccepted => ({
  id: a.id,
  number: a.number,
  status: 'accepted',
  readyBy: a.readyBy,
});

const applicationRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: ApplicationSubmission; Reply: ApplicationAccepted | ApiError }>(
    '/applications',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        body: ApplicationSubmission,
        response: { 200: ApplicationAccepted, 201: ApplicationAccepted, 400: ApiError, 409: ApiError, 422: ApiError },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const bodyHash = canonicalHash(body);
      const replay = async () => {
        const existing = await app.applications.findById(body.id);
        if (!existing) return null;
        return existing.bodyHash === bodyHash
          ? reply.code(200).send(accepted(existing))
          : reply.code(409).send({ code: 'conflict', detail: 'this id was sent before with another body' });
      };
      const answered = await replay();
      if (answered) return answered;

      if (!parseIin(body.iin).ok) return reply.code(400).send({ code: 'invalid_iin' });
      if (!isBase64Image(body.photoJpeg, 'jpeg')) return reply.code(400).send({ code: 'invalid_request', detail: 'photoJpeg is not a base64 JPEG' });
      if (!isBase64Image(body.signaturePng, 'png')) return reply.code(400).send({ code: 'invalid_request', detail: 'signaturePng is not a base64 PNG' });
      const refuse = (code: string) => reply.code(422).send({ code });
      if (body.number !== applicationNumber(body.id)) return refuse('number_mismatch');

      const verification = await app.phoneVerifications.findConfirmedByToken(tokenHash(body.phoneToken));
      if (!verification || verification.iin !== body.iin || verification.phone !== body.phone) return refuse('unverified_phone');
      const identity = await app.identifications.findByToken(tokenHash(body.identityToken));
      if (!identity || identity.iin !== body.iin) return refuse('unverified_identity');

      const person = await findCitizen(app, body.iin);
      if (!person) return refuse('not_found');
      // The application keeps the rules and the fee of the day it was made at the kiosk, even if it arrives later.
      const madeOn = kazakhstanDate(new Date(body.createdAt));
      const refusal = checkEligibility(person, body.service, body.document, madeOn);
      if (refusal) return refuse(refusal);
      let feeKzt: number;
      try {
        feeKzt = feeFor({ service: body.service, document: body.document, on: madeOn, lostIdCardsThisYear: person.lostIdCardsThisYear }).amountKzt;
      } catch (error) {
        if (error instanceof DomainError) return refuse(error.code);
        throw error;
      }
      if (feeKzt !== body.feeKzt) return refuse('fee_mismatch');
      if (feeKzt > 0) {
        const payment = body.paymentId === null ? null : await app.payments.findById(body.paymentId);
        const current = payment && payment.applicationId === body.id ? await currentPayment(app, payment) : null;
        if (!current || current.status !== 'paid' || current.amountKzt !== feeKzt) return refuse('payment_missing');
      }

      const readyOn = readyBy(app.today());
      const stored = await app.applications.insertOnce({
        id: body.id,
        number: body.number,
        iin: body.iin,
        service: body.service,
        document: body.document,
        lang: body.lang,
        phone: body.phone,
        feeKzt,
        paymentId: body.paymentId,
        centreId: body.centreId,
        terminalId: body.terminalId,
        test: body.test,
        liveness: identity.liveness,
        photoQuality: body.photoQuality,
        createdAt: body.createdAt,
        receivedAt: app.clock(),
        readyBy: readyOn,
        bodyHash,
        photoJpegBase64: body.photoJpeg,
        signaturePngBase64: body.signaturePng,
      });
      if (!stored) {
        // Another request with this id won the race: answer as for a retry.
        return (await replay()) ?? reply.code(409).send({ code: 'conflict', detail: 'the application number is taken' });
      }
      request.log.info({ applicationId: body.id }, 'application accepted');
      return reply.code(201).send({ id: body.id, number: body.number, status: 'accepted', readyBy: readyOn });
    },
  );

  app.get<{ Params: { number: string } }>(
    '/applications/:number',
    { schema: { params: ApplicationNumberParams, response: { 200: ApplicationStatusResponse, 400: ApiError, 404: ApiError } } },
    async (request, reply) => {
      const application = await app.applications.findByNumber(request.params.number);
      if (!application) return reply.code(404).send({ code: 'not_found' });
      return { number: application.number, status: application.status, readyBy: application.readyBy, test: application.test };
    },
  );
};

export default applicationRoutes;
