import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError, ApplicationNumber } from '../../src/protocol/common';
import { APPLICATION_STATUSES } from '../applications/status-machine';
import { limitByAddress } from '../limits/guards';

// Applications arrive only in sealed packets (routes/packets.ts), whether the kiosk was online or
// not; this is what anyone holding the receipt may ask of one.

const ApplicationNumberParams = Type.Object({ number: ApplicationNumber });
/** What the tracking QR on the receipt shows: no personal data, so the number alone is enough to ask. */
export const ApplicationStatusResponse = Type.Object({
  number: Type.String(),
  status: Type.Union(APPLICATION_STATUSES.map((s) => Type.Literal(s))),
  readyBy: Type.String({ format: 'date' }),
  /** Made on a test terminal: test data, never real work. */
  test: Type.Boolean(),
});

const applicationRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { number: string } }>(
    '/applications/:number',
    {
      preHandler: limitByAddress('tracking'),
      schema: { params: ApplicationNumberParams, response: { 200: ApplicationStatusResponse, 400: ApiError, 404: ApiError, 429: ApiError } },
    },
    async (request, reply) => {
      const application = await app.applications.findByNumber(request.params.number);
      if (!application) return reply.code(404).send({ code: 'not_found' });
      return { number: application.number, status: application.status, readyBy: application.readyBy, test: application.test };
    },
  );
};

export default applicationRoutes;
