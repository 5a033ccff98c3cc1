import type { FastifyPluginAsync } from 'fastify';
import { ApiError, HealthResponse } from '../../src/protocol/common';
import { countByAddress } from '../limits/guards';
import { sendTooMany } from '../limits/too-many';

const healthRoutes: FastifyPluginAsync<{ version: string }> = async (app, options) => {
  app.get('/health', { schema: { response: { 200: HealthResponse, 429: ApiError, 503: ApiError } } }, async (request, reply) => {
    try {
      // The limit is counted here rather than in a preHandler: with the database down, health says so (503), not 500.
      const verdict = await countByAddress(request, 'health');
      if (!verdict.allowed) return sendTooMany(reply, 'too_many_requests', verdict.retryAfterS);
    } catch (error) {
      request.log.error({ err: error }, 'database unreachable');
      return reply.code(503).send({ code: 'db_unavailable' });
    }
    return { status: 'ok' as const, db: app.db.kind, version: options.version };
  });
};

export default healthRoutes;
