import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { Heartbeat, HeartbeatReceived } from '../../src/protocol/heartbeat';
import { limitTerminalLookups } from '../limits/guards';

/**
 * POST /api/v1/terminals/heartbeat: a terminal's health, once a minute (src/sync/heartbeat.ts).
 * Registered behind requireTerminal (server/app.ts), so only an enrolled, unrevoked terminal's
 * signed request gets here, and the terminal is the one that signed it: no id in the path or body
 * to disagree with the signature.
 */
const terminalHeartbeatRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: Heartbeat; Reply: HeartbeatReceived | ApiError }>(
    '/terminals/heartbeat',
    {
      preHandler: limitTerminalLookups('heartbeat'),
      schema: { body: Heartbeat, response: { 200: HeartbeatReceived, 400: ApiError, 401: ApiError, 403: ApiError, 429: ApiError } },
    },
    async (request, reply) => {
      const terminal = request.terminal;
      // requireTerminal has set it; a route registered outside its group must not store under no one.
      if (!terminal) return reply.code(401).send({ code: 'unsigned_request' });
      const receivedAt = app.clock();
      await app.terminalHeartbeats.record(terminal.terminalId, request.body, receivedAt);
      return { receivedAt: receivedAt.toISOString() };
    },
  );
};

export default terminalHeartbeatRoutes;
