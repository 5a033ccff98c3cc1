import type { FastifyPluginAsync } from 'fastify';
import { ApiError, ApplicationNumber } from '../../src/protocol/common';
import { ApplicationDetail, ApplicationListPage, IinLookupResult } from '../../src/protocol/console';
import { IinLookupRequest, LOOKUP_REASON_MIN } from '../../src/protocol/review';
import { parseIin } from '../../src/domain/iin';
import { Type, type Static } from '@sinclair/typebox';
import { listQueryError, parseListQuery } from '../console/list-query-params';
import { requireStaff, signedInStaff } from './require-staff';

const NumberParams = Type.Object({ number: ApplicationNumber }, { additionalProperties: false });

/** Analysts see aggregates only: no route here is theirs (docs/security.md, staff roles). */
const WHO_MAY_READ = ['operator', 'supervisor', 'admin'] as const;

/** A person has a handful of applications; more than this and the reason given should be narrower. */
const LOOKUP_LIMIT = 50;

/** The two images a reviewer compares with the registry's portrait and the citizen's documents. */
const IMAGES = {
  portrait: { contentType: 'image/jpeg', action: 'portrait_viewed', field: 'photoJpeg' },
  signature: { contentType: 'image/png', action: 'signature_viewed', field: 'signaturePng' },
} as const;

/**
 * GET /staff/applications: the list, filtered and paged, of the centres the staff member may see;
 * GET /staff/applications/:number: one application whole, which is a view of a citizen's data,
 * so it is audited, as are its portrait and signature and a lookup by IIN (with the reason the
 * staff member gave). Another centre's application is a 404, as one that does not exist.
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
      return app.consoleApplications.list(scope, parsed.filters);
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
      const detail = await app.consoleApplications.detailByNumber(await app.staffAccounts.scopeOf(staff), request.params.number);
      if (!detail) return reply.code(404).send({ code: 'not_found' });
      await app.auditLog.record({ staffId: staff.id, action: 'application_viewed', applicationId: detail.id });
      return detail;
    },
  );

  app.post<{ Body: IinLookupRequest }>(
    '/applications/lookup',
    {
      preHandler: requireStaff(...WHO_MAY_READ),
      schema: { body: IinLookupRequest, response: { 200: IinLookupResult, 400: ApiError, 401: ApiError, 403: ApiError } },
    },
    async (request, reply) => {
      const { iin, reason } = request.body;
      // Twelve digits that are no IIN (a typo) would find nothing and still be a look at someone: refused first.
      const parsed = parseIin(iin);
      if (!parsed.ok) return reply.code(400).send({ code: 'invalid_iin', detail: parsed.reason });
      if (reason.trim().length < LOOKUP_REASON_MIN) return reply.code(400).send({ code: 'reason_required' });
      const staff = signedInStaff(request);
      const result = await app.consoleApplications.byIin(await app.staffAccounts.scopeOf(staff), iin, LOOKUP_LIMIT);
      // The IIN is the personal data looked at: kept in the audit log (admins only), never in the request's address or log line.
      await app.auditLog.record({ staffId: staff.id, action: 'applications_looked_up', reason: reason.trim(), details: { iin, found: result.rows.length } });
      return result;
    },
  );

  for (const [part, image] of Object.entries(IMAGES)) {
    app.get<{ Params: Static<typeof NumberParams> }>(
      `/applications/:number/${part}`,
      { preHandler: requireStaff(...WHO_MAY_READ), schema: { params: NumberParams, response: { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError } } },
      async (request, reply) => {
        const staff = signedInStaff(request);
        const found = await app.consoleApplications.findInScope(await app.staffAccounts.scopeOf(staff), request.params.number);
        const images = found ? await app.applications.images(found.id) : null;
        if (!found || !images) return reply.code(404).send({ code: 'not_found' });
        await app.auditLog.record({ staffId: staff.id, action: image.action, applicationId: found.id });
        // A citizen's face: never kept by a browser's cache or a proxy.
        return reply.header('content-type', image.contentType).header('cache-control', 'no-store').send(Buffer.from(images[image.field]));
      },
    );
  }

  // The registry's photo of the applicant, beside the portrait, for the reviewer of a face match the rules left open.
  app.get<{ Params: Static<typeof NumberParams> }>(
    '/applications/:number/registry-photo',
    { preHandler: requireStaff(...WHO_MAY_READ), schema: { params: NumberParams, response: { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError } } },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const found = await app.consoleApplications.findInScope(await app.staffAccounts.scopeOf(staff), request.params.number);
      if (!found) return reply.code(404).send({ code: 'not_found' });
      const photo = await app.registry.referencePhoto(found.iin);
      if (!photo) return reply.code(404).send({ code: 'no_reference' });
      await app.auditLog.record({ staffId: staff.id, action: 'registry_photo_viewed', applicationId: found.id });
      return reply.header('content-type', 'image/jpeg').header('cache-control', 'no-store').send(Buffer.from(photo));
    },
  );
};

export default applicationRoutes;
