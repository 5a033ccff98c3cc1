import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError, ApplicationNumber, IsoDateTime } from '../../src/protocol/common';
import { DEFERRED_CHECKS, TerminalCreated, TerminalCreateRequest, TerminalId } from '../../src/protocol/packets';
import { TerminalHealth } from '../../src/protocol/heartbeat';
import { TechnicianLogEntry } from '../../src/protocol/technician-log';
import { isBearer } from '../sync/admin-token';
import { fleet, NEVER_HEARD, terminalHealthWire } from '../terminals/fleet';
import { issueEnrolmentCode } from '../sync/terminal-enrolment';

const TerminalParams = Type.Object({ id: TerminalId });
const ApplicationParams = Type.Object({ number: ApplicationNumber });
const TerminalLogParams = Type.Object({ terminalId: TerminalId });
/** A query string is text (the app coerces nothing): 1 to 1000. */
const TerminalLogQuery = Type.Object({ limit: Type.Optional(Type.String({ pattern: '^(1000|[1-9][0-9]{0,2})$' })) }, { additionalProperties: false });

/** An application as the back office's staff follow it: its status and each deferred check's outcome. */
export const ApplicationReview = Type.Object({
  number: Type.String(),
  status: Type.String(),
  readyBy: Type.String(),
  /** Why staff should look at it though it was taken, e.g. 'ready_by_without_holidays_2028'; empty for most. */
  reviewReasons: Type.Array(Type.String()),
  test: Type.Boolean(),
  /** One per deferred check, in the journey's order; empty until the checks have run. */
  checks: Type.Array(
    Type.Object({
      check: Type.Union(DEFERRED_CHECKS.map((c) => Type.Literal(c))),
      outcome: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('pending'), Type.Literal('review')]),
      code: Type.Union([Type.String(), Type.Null()]),
      detail: Type.Optional(Type.String()),
    }),
  ),
});
export type ApplicationReview = Static<typeof ApplicationReview>;

export const TerminalRevoked = Type.Object({ terminalId: TerminalId, revokedAt: IsoDateTime });
export type TerminalRevoked = Static<typeof TerminalRevoked>;

const OptionalTime = Type.Union([IsoDateTime, Type.Null()]);
/** What an administrator sees of a terminal: never its key. */
export const TerminalList = Type.Object({
  terminals: Type.Array(
    Type.Object({
      terminalId: TerminalId,
      centreId: Type.String(),
      createdAt: IsoDateTime,
      enrolledAt: OptionalTime,
      revokedAt: OptionalTime,
      lastSeq: Type.Integer(),
      /** From its heartbeats (server/terminals/fleet.ts), as the staff console's fleet view shows it. */
      health: TerminalHealth,
    }),
  ),
});
export type TerminalList = Static<typeof TerminalList>;

/** A terminal's technician log as it sent it (routes/terminal-log.ts), newest first. */
export const TerminalLog = Type.Object({
  terminalId: TerminalId,
  entries: Type.Array(Type.Object({ ...TechnicianLogEntry.properties, receivedAt: IsoDateTime })),
});
export type TerminalLog = Static<typeof TerminalLog>;

/** The back office's administration (terminals), behind `Authorization: Bearer <ADMIN_TOKEN>`. */
const adminRoutes: FastifyPluginAsync = async (app) => {
  // onRequest: a request without the token is refused before its body is even read.
  app.addHook('onRequest', async (request, reply) => {
    if (!isBearer(request.headers.authorization, app.adminToken)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ code: 'unauthorised' });
    }
  });

  app.post<{ Body: TerminalCreateRequest; Reply: TerminalCreated | ApiError }>(
    '/terminals',
    { schema: { body: TerminalCreateRequest, response: { 201: TerminalCreated, 400: ApiError, 401: ApiError, 409: ApiError } } },
    async (request, reply) => {
      const { terminalId, centreId } = request.body;
      const issued = await issueEnrolmentCode(app, { terminalId, centreId });
      if (!issued) return reply.code(409).send({ code: 'conflict', detail: 'the terminal is enrolled or revoked; give the kiosk a new terminal id' });
      request.log.info({ terminalId, centreId }, 'enrolment code issued');
      return reply.code(201).send({ terminalId, centreId, code: issued.code, expiresAt: issued.expiresAt.toISOString() });
    },
  );

  app.post<{ Params: Static<typeof TerminalParams>; Reply: TerminalRevoked | ApiError }>(
    '/terminals/:id/revoke',
    { schema: { params: TerminalParams, response: { 200: TerminalRevoked, 400: ApiError, 401: ApiError, 404: ApiError } } },
    async (request, reply) => {
      const revokedAt = await app.terminals.revoke(request.params.id, app.clock());
      if (!revokedAt) return reply.code(404).send({ code: 'not_found' });
      request.log.info({ terminalId: request.params.id }, 'terminal revoked');
      return { terminalId: request.params.id, revokedAt: revokedAt.toISOString() };
    },
  );

  app.get<{ Params: Static<typeof ApplicationParams>; Reply: ApplicationReview | ApiError }>(
    '/applications/:number',
    { schema: { params: ApplicationParams, response: { 200: ApplicationReview, 400: ApiError, 401: ApiError, 404: ApiError } } },
    async (request, reply) => {
      const application = await app.applications.findByNumber(request.params.number);
      if (!application) return reply.code(404).send({ code: 'not_found' });
      const checks = await app.applicationChecks.list(application.id);
      const order = (c: { check: string }) => (DEFERRED_CHECKS as readonly string[]).indexOf(c.check);
      return {
        number: application.number,
        status: application.status,
        readyBy: application.readyBy,
        reviewReasons: application.reviewReasons,
        test: application.test,
        checks: checks.sort((a, b) => order(a) - order(b)),
      };
    },
  );

  app.get<{ Params: Static<typeof TerminalLogParams>; Querystring: Static<typeof TerminalLogQuery>; Reply: TerminalLog | ApiError }>(
    '/terminals/:terminalId/log',
    { schema: { params: TerminalLogParams, querystring: TerminalLogQuery, response: { 200: TerminalLog, 400: ApiError, 401: ApiError, 404: ApiError } } },
    async (request, reply) => {
      const { terminalId } = request.params;
      if (!(await app.terminals.find(terminalId))) return reply.code(404).send({ code: 'not_found' });
      const entries = await app.terminalLog.latest(terminalId, Number(request.query.limit ?? 100));
      return { terminalId, entries: entries.map((e) => ({ ...e, receivedAt: e.receivedAt.toISOString() })) };
    },
  );

  app.get<{ Reply: TerminalList }>('/terminals', { schema: { response: { 200: TerminalList, 401: ApiError } } }, async () => {
    const health = new Map((await fleet(app.db, 'all', app.clock())).map((f) => [f.terminalId, terminalHealthWire(f)]));
    return {
      terminals: (await app.terminals.list()).map((t) => ({
        terminalId: t.terminalId,
        centreId: t.centreId,
        createdAt: t.createdAt.toISOString(),
        enrolledAt: t.enrolledAt?.toISOString() ?? null,
        revokedAt: t.revokedAt?.toISOString() ?? null,
        lastSeq: t.lastSeq,
        // Missing only for a terminal created between the two reads: not heard from yet.
        health: health.get(t.terminalId) ?? NEVER_HEARD,
      })),
    };
  });
};

export default adminRoutes;
