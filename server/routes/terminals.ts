import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { Enrolled, EnrolRequest } from '../../src/protocol/packets';
import { importTerminalPublicKey } from '../../src/sync/seal';
import { enrolmentCodeHash } from '../sync/enrolment-code';

const terminalRoutes: FastifyPluginAsync = async (app) => {
  /** The kiosk's half of enrolment: the code the technician typed and the terminal's public key. */
  app.post<{ Body: EnrolRequest; Reply: Enrolled | ApiError }>(
    '/terminals/enrol',
    { schema: { body: EnrolRequest, response: { 201: Enrolled, 400: ApiError } } },
    async (request, reply) => {
      const { code, publicKey } = request.body;
      // A key that is not a point of the curve would make every packet of this terminal fail later, unseen.
      try {
        await importTerminalPublicKey(publicKey);
      } catch {
        return reply.code(400).send({ code: 'invalid_request', detail: 'publicKey is not a P-256 public key' });
      }
      const outcome = await app.terminals.enrol(enrolmentCodeHash(code), publicKey, app.clock());
      if (!outcome.ok) return reply.code(400).send({ code: outcome.code });
      const { terminal } = outcome;
      request.log.info({ terminalId: terminal.terminalId }, 'terminal enrolled');
      return reply.code(201).send({
        terminalId: terminal.terminalId,
        centreId: terminal.centreId,
        backOfficeKey: app.backOfficeKeys.publicJwk,
        enrolledAt: terminal.enrolledAt.toISOString(),
      });
    },
  );
};

export default terminalRoutes;
