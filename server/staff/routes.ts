import type { FastifyPluginAsync } from 'fastify';
import accountRoutes from './account-routes';
import applicationRoutes from './application-routes';
import auditRoutes from './audit-routes';
import centreRoutes from './centre-routes';
import reportRoutes from './report-routes';
import problemRoutes from '../problems/problem-routes';
import reviewRoutes from './review-routes';
import referenceDataRoutes from './reference-data-routes';
import sessionRoutes from './session-routes';
import terminalRoutes from './terminal-routes';
import totpRoutes from './totp-routes';

/**
 * The staff API under /api/v1/staff: sign-in and sessions, accounts, the audit log. The console's
 * other routes (applications, terminals, reference data) are registered beside these, each behind
 * requireStaff (server/staff/require-staff.ts) with the roles that may call it, and each listed
 * in server/staff/roles-matrix.test.ts.
 */
const staffRoutes: FastifyPluginAsync = async (app) => {
  await app.register(sessionRoutes);
  await app.register(accountRoutes);
  await app.register(auditRoutes);
  await app.register(totpRoutes);
  await app.register(applicationRoutes);
  await app.register(terminalRoutes);
  await app.register(reviewRoutes);
  await app.register(referenceDataRoutes);
  await app.register(centreRoutes);
  await app.register(reportRoutes);
  await app.register(problemRoutes);
};

export default staffRoutes;
