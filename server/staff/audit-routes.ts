import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { AuditPage, AuditQuery } from '../../src/protocol/staff';
import { requireStaff } from './require-staff';

/** GET /staff/audit: the audit log for admins, newest first, paged by id. Nobody may change it: no route does. */
const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: AuditQuery; Reply: AuditPage | ApiError }>(
    '/audit',
    { preHandler: requireStaff('admin'), schema: { querystring: AuditQuery, response: { 200: AuditPage, 400: ApiError, 401: ApiError, 403: ApiError } } },
    async (request) => {
      const limit = Number(request.query.limit ?? 50);
      const rows = await app.auditLog.list({ ...request.query, limit: limit + 1 });
      const entries = rows.slice(0, limit);
      return { entries, next: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
    },
  );
};

export default auditRoutes;
