import type { FastifyPluginAsync } from 'fastify';
import { ApiError, HealthResponse } from '../../src/protocol/common';

const healthRoutes: FastifyPluginAsync<{ version: string }> = async (app, options) => {
  app.get('/health', { schema: { response: { 200: HealthResponse, 503: ApiError } } }, async (request, reply) => {
    try {
      await app.db.query('SELECT 1');
    } catch (error) {
      request.log.error({ err: error }, 'database unreachable');
      return reply.code(503).send({ code: 'db_unavailable' });
    }
    return { status: 'ok' as const, db: app.db.kind, version: options.version };
  });
};

export default healthRoutes;
