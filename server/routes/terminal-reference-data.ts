import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { ReferenceDataForKiosk } from '../../src/protocol/reference-data';
import { limitTerminalLookups } from '../limits/guards';
import { backOfficeDay, ReferenceDataRepository, signed } from '../repositories/reference-data';

/**
 * GET /api/v1/terminals/reference-data: the signed versions a kiosk keeps for its offline days — the
 * one in force today and any dated later (src/sync/reference-data.ts). Registered behind
 * requireTerminal (server/app.ts): the figures are public law, but only a kiosk needs them, and a
 * signed request keeps this one route from being a free read for anyone who finds the address.
 */
const terminalReferenceDataRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Reply: ReferenceDataForKiosk | ApiError }>(
    '/terminals/reference-data',
    {
      preHandler: limitTerminalLookups('reference_data'),
      schema: { response: { 200: ReferenceDataForKiosk, 401: ApiError, 403: ApiError, 429: ApiError } },
    },
    async () => {
      const versions = await new ReferenceDataRepository(app.db).fromDay(backOfficeDay(app.clock()));
      return { versions: await Promise.all(versions.map((version) => signed(version, app.backOfficeKeys.signingKey))) };
    },
  );
};

export default terminalReferenceDataRoutes;
