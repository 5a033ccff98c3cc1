import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { TelemetryBatch, TelemetryReceived } from '../../src/protocol/telemetry';
import { limitTerminalLookups } from '../limits/guards';
import { checkTelemetryBatch } from '../telemetry/check-batch';
import { storeTelemetry } from '../telemetry/store-telemetry';

/**
 * A batch at the schema's bounds: 200 journeys of 64 steps (~700 kB) and 16 folds of 2,000 rows
 * (~2.5 MB). A kiosk sends far less; above this the body is not even read.
 */
const BODY_LIMIT = 4 * 1024 * 1024;

/**
 * POST /api/v1/terminals/telemetry: the journeys a kiosk recorded (src/protocol/telemetry.ts), sent
 * with its drain. Registered behind requireTerminal (server/app.ts), so the terminal is the one that
 * signed the request: the records name no terminal to disagree with it.
 */
const terminalTelemetryRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: TelemetryBatch; Reply: TelemetryReceived | ApiError }>(
    '/terminals/telemetry',
    {
      bodyLimit: BODY_LIMIT,
      preHandler: limitTerminalLookups('telemetry'),
      schema: { body: TelemetryBatch, response: { 200: TelemetryReceived, 400: ApiError, 401: ApiError, 403: ApiError, 429: ApiError } },
    },
    async (request, reply) => {
      const terminal = request.terminal;
      // requireTerminal has set it; a route registered outside its group must not store under no one.
      if (!terminal) return reply.code(401).send({ code: 'unsigned_request' });
      const receivedAt = app.clock();
      const verdict = checkTelemetryBatch(request.body, receivedAt);
      if (!verdict.ok) return reply.code(400).send({ code: verdict.code, detail: verdict.detail });
      const received = await storeTelemetry(app.db, terminal, request.body, receivedAt);
      if (received.conflicts.length > 0) request.log.warn({ terminalId: terminal.terminalId, conflicts: received.conflicts }, 'telemetry sessions held with another body');
      return received;
    },
  );
};

export default terminalTelemetryRoutes;
