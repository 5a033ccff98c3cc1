import type { FastifyPluginAsync } from 'fastify';
import { ApiError, ApplicationNumber } from '../../src/protocol/common';
import { ApplicationDetail, ApplicationListPage } from '../../src/protocol/console';
import { Type, type Static } from '@sinclair/typebox';
import { listQueryError, parseListQuery } from '../console/list-query-params';
import type { CentreScope as ListScope } from '../console/list-query';
import { requireStaff, signedInStaff } from './require-staff';
import type { CentreScope } from './scope';

const NumberParams = Type.Object({ number: ApplicationNumber }, { additionalProperties: false });

/** Analysts see aggregates only: no route here is theirs (docs/security.md, staff roles). */
const WHO_MAY_READ = ['operator', 'supervisor', 'admin'] as const;

/** The staff member's centres as the console's queries take them; an analyst's `none` never gets here. */
function listScope(scope: CentreScope): ListScope {
  return scope.kind === 'all' ? 'all' : scope.kind === 'centres' ? scope.centreIds : [];
}

/**
 * GET /staff/applications: the list, filtered and paged, of the centres the staff member may see;
 * GET /staff/applications/:number: one application whole, which is a view of a citizen's data,
 * so it is audited. Another centre's application is a 404, as one that does not exist.
 */
const applicationRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/applications',
    // No querystring schema: parseListQuery names each bad field with its own code, which Fastify's one 400 would not.
    { preHandler: requireStaff(...WHO_MAY_READ), schema: { response: { 200: ApplicationListPage, 400: ApiError, 401: ApiError, 403: ApiError } } },
    async (request, reply) => {
      const parsed = parseListQuery(request.query as Record<string, unknown>);
      if (!parsed.ok) return reply.code(400).send(listQueryError(parsed.errors));
      const scope = await app.staffAccounts.scopeOf(signedInStaff(request));
      return app.consoleApplications.list(listScope(scope), parsed.filters);
    },
  );

  app.get<{ Params: Static<typeof NumberParams> }>(
    '/applications/:number',
    {
      preHandler: requireStaff(...WHO_MAY_READ),
      schema: { params: NumberParams, response: { 200: ApplicationDetail, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError } },
    },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const detail = await app.consoleApplications.detailByNumber(listScope(await app.staffAccounts.scopeOf(staff)), request.params.number);
      if (!detail) return reply.code(404).send({ code: 'not_found' });
      await app.auditLog.record({ staffId: staff.id, action: 'application_viewed', applicationId: detail.id });
      return detail;
    },
  );
};

export default applicationRoutes;
