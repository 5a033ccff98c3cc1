import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { Enrolled, EnrolRequest } from '../../src/protocol/packets';
import { limitByAddress } from '../limits/guards';
import { enrolWithCode } from '../sync/terminal-enrolment';

const terminalRoutes: FastifyPluginAsync = async (app) => {
  /** The kiosk's half of enrolment: the code the technician typed and the terminal's public key. */
  app.post<{ Body: EnrolRequest; Reply: Enrolled | ApiError }>(
    '/terminals/enrol',
    // Counted after the body is valid: every try of a well-formed code is a guess of one.
    { preHandler: limitByAddress('enrol'), schema: { body: EnrolRequest, response: { 201: Enrolled, 400: ApiError, 429: ApiError } } },
    async (request, reply) => {
      const result = await enrolWithCode(app, request.body.code, request.body.publicKey);
      if (!result.ok) return reply.code(400).send({ code: result.code, ...(result.detail ? { detail: result.detail } : {}) });
      request.log.info({ terminalId: result.enrolled.terminalId }, 'terminal enrolled');
      return reply.code(201).send(result.enrolled);
    },
  );
};

export default terminalRoutes;
