import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { TerminalProfile } from '../../src/protocol/packets';

/**
 * What the back office says of the terminal that asks, signed by it (registered behind
 * requireTerminal): a kiosk enrolled before its enrolment answer carried `publicUrl` learns it here,
 * and every kiosk asks again once a start, so a back office whose public address moved is followed.
 */
const terminalProfileRoutes: FastifyPluginAsync = async (app) => {
  app.get('/terminals/me', { schema: { response: { 200: TerminalProfile, 401: ApiError, 403: ApiError } } }, async (request): Promise<TerminalProfile> => {
    // requireTerminal has set it, or answered 401/403 before this.
    const terminal = request.terminal!;
    return { terminalId: terminal.terminalId, centreId: terminal.centreId, publicUrl: app.publicUrl };
  });
};

export default terminalProfileRoutes;
