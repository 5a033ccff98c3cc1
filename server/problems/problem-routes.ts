import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { NewProblem, Problem, ProblemEdit, ProblemParams, ProblemPlaces, ProblemsPage, ProblemsQuery } from '../../src/protocol/problems';
import { AuditLog } from '../staff/audit-log';
import { requireStaff, signedInStaff } from '../staff/require-staff';
import { scopeIncludes } from '../staff/scope';
import { checkAction, checkCategory, checkDescription, checkHappenedAt, checkStatus, parseCursor, problemScope, sourceOf, type ProblemScope } from './problem-rules';
import { ProblemsRepository } from './problems-repository';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/** Who records and edits: the centre's operators, the branch's supervisor, the region's police. */
const RECORDERS = ['operator', 'supervisor', 'police'] as const;
/** …and who reads: those, and the analyst and the admin, over every centre. */
const READERS = [...RECORDERS, 'analyst', 'admin'] as const;

/**
 * The problems register (docs/api.md, "Problems register"):
 * - GET  /staff/problems: a page newest first, by days, centre and status, in the caller's scope;
 * - GET  /staff/problems/places: the centres and terminals the caller may record a problem at;
 * - POST /staff/problems: record one (201); PUT /staff/problems/:id: change its status, what was
 *   done, category or description against the version read (409 version_conflict on a stale one).
 * Each change keeps its version (problem_versions) and an audit entry, in one transaction.
 */
const problemRoutes: FastifyPluginAsync = async (app) => {
  async function scopeOf(request: FastifyRequest): Promise<ProblemScope> {
    const staff = signedInStaff(request);
    const branchCentres = (staff.role === 'supervisor' || staff.role === 'police') && staff.branchId ? await app.staffAccounts.centresOfBranch(staff.branchId) : [];
    return problemScope(staff, branchCentres);
  }

  app.get<{ Querystring: ProblemsQuery; Reply: ProblemsPage | ApiError }>(
    '/problems',
    { preHandler: requireStaff(...READERS), schema: { querystring: ProblemsQuery, response: { 200: ProblemsPage, ...errors } } },
    async (request, reply) => {
      const q = request.query;
      if (q.from !== undefined && q.to !== undefined && q.from > q.to) return reply.code(400).send({ code: 'invalid_date_range' });
      const cursor = q.before === undefined ? null : parseCursor(q.before);
      if (q.before !== undefined && !cursor) return reply.code(400).send({ code: 'invalid_cursor', detail: 'before' });
      const { read } = await scopeOf(request);
      const page = await new ProblemsRepository(app.db).list(read, {
        centreId: q.centreId ?? null,
        status: q.status ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        cursor,
        limit: q.limit === undefined ? 50 : Number(q.limit),
      });
      return page ?? { problems: [], next: null };
    },
  );

  app.get<{ Reply: ProblemPlaces | ApiError }>(
    '/problems/places',
    { preHandler: requireStaff(...RECORDERS), schema: { response: { 200: ProblemPlaces, ...errors } } },
    async (request) => ({ centres: await new ProblemsRepository(app.db).places((await scopeOf(request)).write) }),
  );

  app.post<{ Body: NewProblem; Reply: Problem | ApiError }>(
    '/problems',
    { preHandler: requireStaff(...RECORDERS), schema: { body: NewProblem, response: { 201: Problem, ...errors } } },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const body = request.body;
      const category = checkCategory(body.category);
      if (!category.ok) return reply.code(400).send({ code: category.code, detail: category.detail });
      const description = checkDescription(body.description);
      if (!description.ok) return reply.code(400).send({ code: description.code, detail: description.detail });
      const action = checkAction(body.actionTaken ?? '');
      if (!action.ok) return reply.code(400).send({ code: action.code, detail: action.detail });
      const happenedAt = checkHappenedAt(body.happenedAt, app.clock());
      if (!happenedAt.ok) return reply.code(400).send({ code: happenedAt.code, detail: happenedAt.detail });

      const problems = new ProblemsRepository(app.db);
      if (!(await problems.centreExists(body.centreId))) return reply.code(400).send({ code: 'unknown_centre', detail: 'centreId' });
      if (!scopeIncludes((await scopeOf(request)).write, body.centreId)) return reply.code(403).send({ code: 'centre_out_of_scope', detail: 'centreId' });
      const terminalId = body.terminalId ?? null;
      if (terminalId !== null) {
        const centre = await problems.centreOfTerminal(terminalId);
        if (centre === null) return reply.code(400).send({ code: 'unknown_terminal', detail: 'terminalId' });
        if (centre !== body.centreId) return reply.code(400).send({ code: 'terminal_not_in_centre', detail: 'terminalId' });
      }

      const created = await app.db.transaction(async (tx) => {
        const problem = await new ProblemsRepository(tx).create(
          { id: randomUUID(), centreId: body.centreId, terminalId, category: category.value, source: sourceOf(staff), description: description.value, happenedAt: happenedAt.value, actionTaken: action.value },
          staff.id,
          app.clock(),
        );
        await new AuditLog(tx, app.clock).record({
          staffId: staff.id,
          action: 'problem_recorded',
          details: { problem: problem.id, centre: problem.centreId, terminal: problem.terminalId, category: problem.category, source: problem.source },
        });
        return problem;
      });
      return reply.code(201).send(created);
    },
  );

  app.put<{ Params: ProblemParams; Body: ProblemEdit; Reply: Problem | ApiError }>(
    '/problems/:id',
    { preHandler: requireStaff(...RECORDERS), schema: { params: ProblemParams, body: ProblemEdit, response: { 200: Problem, ...errors } } },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const body = request.body;
      const current = await new ProblemsRepository(app.db).find(request.params.id);
      // Another branch's problem is as one there is not: its existence is not the caller's to learn.
      if (!current || !scopeIncludes((await scopeOf(request)).write, current.centreId)) return reply.code(404).send({ code: 'not_found' });
      const category = checkCategory(body.category ?? current.category);
      if (!category.ok) return reply.code(400).send({ code: category.code, detail: category.detail });
      const status = checkStatus(body.status ?? current.status);
      if (!status.ok) return reply.code(400).send({ code: status.code, detail: status.detail });
      const description = checkDescription(body.description ?? current.description);
      if (!description.ok) return reply.code(400).send({ code: description.code, detail: description.detail });
      const action = checkAction(body.actionTaken ?? current.actionTaken);
      if (!action.ok) return reply.code(400).send({ code: action.code, detail: action.detail });

      const edited = await app.db.transaction(async (tx) => {
        const change = { category: category.value, status: status.value, description: description.value, actionTaken: action.value };
        const result = await new ProblemsRepository(tx).edit(current.id, body.version, change, staff.id, app.clock());
        if (result.ok) {
          await new AuditLog(tx, app.clock).record({
            staffId: staff.id,
            action: 'problem_updated',
            details: { problem: current.id, centre: current.centreId, version: result.value.version, status: result.value.status, was: result.before.status },
          });
        }
        return result;
      });
      if (!edited.ok) return reply.code(edited.code === 'not_found' ? 404 : 409).send({ code: edited.code });
      return edited.value;
    },
  );
};

export default problemRoutes;
