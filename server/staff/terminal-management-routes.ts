import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { TerminalCreated } from '../../src/protocol/packets';
import {
  ManagedTerminal,
  StaffEnrolRequest,
  TERMINAL_NAME_MAX,
  TerminalCentres,
  TerminalMoveRequest,
  TerminalParams,
  TerminalRenameRequest,
  type TerminalManagementError,
} from '../../src/protocol/staff-terminals';
import { centresInScope, cleanName, enrolInScope, moveInScope, renameInScope, revokeInScope, type ManagementContext, type Outcome } from '../terminals/terminal-management';
import { requireStaff, signedInStaff } from './require-staff';

/** The branch's terminals are the supervisor's to run; an admin runs any. */
const WHO_MAY_MANAGE = ['supervisor', 'admin'] as const;

const STATUS: Record<TerminalManagementError, 400 | 404 | 409> = {
  invalid_name: 400,
  not_found: 404,
  centre_not_found: 404,
  terminal_exists: 409,
  terminal_revoked: 409,
};

const DETAIL: Partial<Record<TerminalManagementError, string>> = {
  invalid_name: `a name is 1 to ${TERMINAL_NAME_MAX} characters once trimmed`,
  terminal_exists: 'the id is enrolled, revoked or of another branch; choose another terminal id',
  terminal_revoked: 'a revoked terminal changes no more; enrol a new one',
};

const refuse = (reply: FastifyReply, code: TerminalManagementError) => reply.code(STATUS[code]).send({ code, ...(DETAIL[code] ? { detail: DETAIL[code] } : {}) });

/**
 * The supervisor's terminal management (docs/console.md, "Terminals"):
 * - GET  /staff/terminals/centres: the centres the caller may put a terminal in;
 * - POST /staff/terminals: enrol — a terminal in such a centre and its one-time code (201);
 * - PUT  /staff/terminals/:id/name, PUT /staff/terminals/:id/centre, POST /staff/terminals/:id/revoke.
 * Another branch's terminal is a 404, as one that does not exist; each change is audited with it.
 */
const terminalManagementRoutes: FastifyPluginAsync = async (app) => {
  async function context(request: FastifyRequest): Promise<ManagementContext> {
    const staff = signedInStaff(request);
    return { db: app.db, auditLog: app.auditLog, scope: await app.staffAccounts.scopeOf(staff), staffId: staff.id, now: app.clock() };
  }

  app.get(
    '/terminals/centres',
    { preHandler: requireStaff(...WHO_MAY_MANAGE), schema: { response: { 200: TerminalCentres, 401: ApiError, 403: ApiError } } },
    async (request) => {
      const { db, scope } = await context(request);
      return { centres: await centresInScope(db, scope) };
    },
  );

  app.post<{ Body: StaffEnrolRequest }>(
    '/terminals',
    {
      preHandler: requireStaff(...WHO_MAY_MANAGE),
      schema: { body: StaffEnrolRequest, response: { 201: TerminalCreated, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } },
    },
    async (request, reply) => {
      const { terminalId, centreId } = request.body;
      const name = request.body.name === undefined ? null : cleanName(request.body.name, TERMINAL_NAME_MAX);
      if (request.body.name !== undefined && name === null) return refuse(reply, 'invalid_name');
      const outcome = await enrolInScope(await context(request), { terminalId, centreId, name });
      if (!outcome.ok) return refuse(reply, outcome.code);
      return reply.code(201).send({ terminalId, centreId, code: outcome.value.code, expiresAt: outcome.value.expiresAt.toISOString() });
    },
  );

  const changeSchema = (body?: typeof TerminalRenameRequest | typeof TerminalMoveRequest) => ({
    preHandler: requireStaff(...WHO_MAY_MANAGE),
    schema: {
      params: TerminalParams,
      ...(body ? { body } : {}),
      response: { 200: ManagedTerminal, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError },
    },
  });
  const answer = (reply: FastifyReply, outcome: Outcome<ManagedTerminal>) => (outcome.ok ? outcome.value : refuse(reply, outcome.code));

  app.put<{ Params: TerminalParams; Body: TerminalRenameRequest }>('/terminals/:id/name', changeSchema(TerminalRenameRequest), async (request, reply) => {
    const name = request.body.name === null ? null : cleanName(request.body.name, TERMINAL_NAME_MAX);
    if (request.body.name !== null && name === null) return refuse(reply, 'invalid_name');
    return answer(reply, await renameInScope(await context(request), request.params.id, name));
  });

  app.put<{ Params: TerminalParams; Body: TerminalMoveRequest }>('/terminals/:id/centre', changeSchema(TerminalMoveRequest), async (request, reply) =>
    answer(reply, await moveInScope(await context(request), request.params.id, request.body.centreId)),
  );

  app.post<{ Params: TerminalParams }>('/terminals/:id/revoke', changeSchema(), async (request, reply) =>
    answer(reply, await revokeInScope(await context(request), request.params.id)),
  );
};

export default terminalManagementRoutes;
