import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { AuditPage, AuditQuery } from '../../src/protocol/staff';
import { addDays, KAZAKHSTAN_OFFSET_MS } from '../../src/domain/dates';
import { requireStaff } from './require-staff';

/** The instant a Kazakhstan calendar day (UTC+5) begins. */
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - KAZAKHSTAN_OFFSET_MS);

/**
 * GET /staff/audit: the audit log for admins, newest first, paged by id, narrowed by staff member,
 * action, application and Kazakhstan days. Nobody may change it: no route does.
 */
const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: AuditQuery; Reply: AuditPage | ApiError }>(
    '/audit',
    { preHandler: requireStaff('admin'), schema: { querystring: AuditQuery, response: { 200: AuditPage, 400: ApiError, 401: ApiError, 403: ApiError } } },
    async (request, reply) => {
      const { limit: given, from, to, ...filters } = request.query;
      if (from !== undefined && to !== undefined && from > to) return reply.code(400).send({ code: 'invalid_date_range' });
      const limit = Number(given ?? 50);
      const rows = await app.auditLog.list({
        ...filters,
        from: from === undefined ? undefined : dayStart(from),
        // Up to the end of `to`: the start of the next day, excluded.
        to: to === undefined ? undefined : dayStart(addDays(to, 1)),
        limit: limit + 1,
      });
      const entries = rows.slice(0, limit);
      return { entries, next: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
    },
  );
};

export default auditRoutes;
