import type { FastifyPluginAsync } from 'fastify';
import { maskName } from '../../src/domain/application';
import { parseIin } from '../../src/domain/iin';
import { checkEligibility } from '../../src/domain/services';
import { CitizenCheckRequest, CitizenCheckResponse } from '../../src/protocol/citizens';
import { ApiError } from '../../src/protocol/common';
import { findCitizen } from '../citizen-lookup';
import { limitTerminalLookups } from '../limits/guards';

const citizenRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: CitizenCheckRequest; Reply: CitizenCheckResponse | ApiError }>(
    '/citizens/check',
    { preHandler: limitTerminalLookups('citizens_check'), schema: { body: CitizenCheckRequest, response: { 200: CitizenCheckResponse, 400: ApiError } } },
    async (request, reply) => {
      const { iin, service, document } = request.body;
      const parsed = parseIin(iin);
      if (!parsed.ok) return reply.code(400).send({ code: 'invalid_iin', detail: parsed.reason });
      const person = await findCitizen(app, iin);
      if (!person) return { ok: false, refusal: 'not_found' };
      const refusal = checkEligibility(person, service, document, app.today());
      if (refusal) return { ok: false, refusal };
      return {
        ok: true,
        maskedName: maskName(person.surname, person.givenName, person.patronymic),
        lostIdCardsThisYear: person.lostIdCardsThisYear,
      };
    },
  );
};

export default citizenRoutes;
