import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError, ApplicationNumber } from '../../src/protocol/common';
import { ReviewQueue } from '../../src/protocol/console';
import { ReviewDecisionRequest, ReviewDecisionResponse } from '../../src/protocol/review';
import { requireStaff, signedInStaff } from './require-staff';
import { decideReview } from './review-decision';

const NumberParams = Type.Object({ number: ApplicationNumber }, { additionalProperties: false });
/** The queue is short (applications wait for hours, not weeks): one page, oldest first. */
const QUEUE_PAGE = 100;

/** Who decides the manual-review cases: the operators of the centre and the branch's supervisor (docs/console.md). */
const REVIEWERS = ['operator', 'supervisor'] as const;

/**
 * GET /staff/review: the applications of the caller's centres waiting for a person;
 * POST /staff/applications/:number/decision: accept or reject one with a reason code (audited,
 * the citizen told by SMS). Another centre's application is a 404, as one that does not exist.
 */
const reviewRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/review',
    { preHandler: requireStaff(...REVIEWERS), schema: { response: { 200: ReviewQueue, 401: ApiError, 403: ApiError } } },
    async (request) => app.consoleApplications.reviewQueue(await app.staffAccounts.scopeOf(signedInStaff(request)), QUEUE_PAGE),
  );

  app.post<{ Params: Static<typeof NumberParams>; Body: ReviewDecisionRequest }>(
    '/applications/:number/decision',
    {
      preHandler: requireStaff(...REVIEWERS),
      schema: {
        params: NumberParams,
        body: ReviewDecisionRequest,
        response: { 200: ReviewDecisionResponse, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const scope = await app.staffAccounts.scopeOf(staff);
      const result = await decideReview(app, staff, scope, request.params.number, request.body);
      if (!result.ok) return reply.code(result.status).send({ code: result.code });
      request.log.info({ number: result.number, status: result.status, staffId: staff.id }, 'review decided');
      return { number: result.number, status: result.status, decidedAt: result.decidedAt.toISOString() };
    },
  );
};

export default reviewRoutes;
