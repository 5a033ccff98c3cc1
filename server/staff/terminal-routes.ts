import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { FleetList } from '../../src/protocol/heartbeat';
import { fleet, fleetTerminalWire } from '../terminals/fleet';
import { requireStaff, signedInStaff } from './require-staff';
import terminalManagementRoutes from './terminal-management-routes';

/**
 * GET /staff/terminals: the fleet of the staff member's branch (a supervisor) or of the country (an
 * admin), each terminal with its health from its last heartbeat and the 15-minute silence flag.
 * The fleet holds no personal data, but a supervisor runs their own branch's. Enrolling, naming,
 * moving and revoking are in terminal-management-routes.ts.
 */
const terminalRoutes: FastifyPluginAsync = async (app) => {
  await app.register(terminalManagementRoutes);
  app.get(
    '/terminals',
    { preHandler: requireStaff('supervisor', 'admin'), schema: { response: { 200: FleetList, 401: ApiError, 403: ApiError } } },
    async (request) => {
      const scope = await app.staffAccounts.scopeOf(signedInStaff(request));
      return { terminals: (await fleet(app.db, scope, app.clock())).map(fleetTerminalWire) };
    },
  );
};

export default terminalRoutes;
