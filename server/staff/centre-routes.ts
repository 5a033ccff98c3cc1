import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import {
  Branch,
  BranchEdit,
  BranchList,
  BranchParams,
  Centre,
  CentreEdit,
  CentreHistory,
  CentreList,
  CentreParams,
  CentresQuery,
  NewCentre,
} from '../../src/protocol/centres';
import { AuditLog } from './audit-log';
import { checkCentreFields, checkCentreId, checkNames } from './centre-validation';
import { CentresRepository } from './centres-repository';
import { requireStaff, signedInStaff } from './require-staff';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/**
 * Centres (ЦОН) and branches: any signed-in staff member reads them (names and addresses are
 * public; the console's forms choose from them); only an admin adds or edits. Each change keeps
 * its version (centre_versions, branch_versions) and an audit entry, in the change's transaction.
 */
const centreRoutes: FastifyPluginAsync = async (app) => {
  const adminOnly = requireStaff('admin');

  app.get<{ Reply: BranchList | ApiError }>('/branches', { preHandler: requireStaff(), schema: { response: { 200: BranchList, ...errors } } }, async () => ({
    branches: await new CentresRepository(app.db).branches(),
  }));

  app.get<{ Querystring: CentresQuery; Reply: CentreList | ApiError }>(
    '/centres',
    { preHandler: requireStaff(), schema: { querystring: CentresQuery, response: { 200: CentreList, ...errors } } },
    async (request) => ({ centres: await new CentresRepository(app.db).centres(request.query.branchId) }),
  );

  app.get<{ Params: CentreParams; Reply: CentreHistory | ApiError }>(
    '/centres/:centreId/versions',
    { preHandler: adminOnly, schema: { params: CentreParams, response: { 200: CentreHistory, ...errors } } },
    async (request, reply) => {
      const versions = await new CentresRepository(app.db).centreHistory(request.params.centreId);
      if (versions.length === 0) return reply.code(404).send({ code: 'not_found' });
      return { versions };
    },
  );

  app.post<{ Body: NewCentre; Reply: Centre | ApiError }>(
    '/centres',
    { preHandler: adminOnly, schema: { body: NewCentre, response: { 201: Centre, ...errors } } },
    async (request, reply) => {
      const admin = signedInStaff(request);
      const centres = new CentresRepository(app.db);
      const id = checkCentreId(request.body.id);
      if (!id.ok) return reply.code(400).send({ code: id.code, detail: id.detail });
      const fields = checkCentreFields(request.body, await centres.regions());
      if (!fields.ok) return reply.code(400).send({ code: fields.code, detail: fields.detail });
      const branchId = request.body.branchId.trim();
      if (!(await centres.branchExists(branchId))) return reply.code(400).send({ code: 'unknown_branch', detail: 'branchId' });
      const added = await app.db.transaction(async (tx) => {
        const centre = await new CentresRepository(tx).addCentre({ ...fields.value, id: id.value, branchId }, app.clock(), admin.id);
        if (centre) await new AuditLog(tx, app.clock).record({ staffId: admin.id, action: 'centre_added', details: { centre: centre.id, branch: centre.branchId, version: centre.version } });
        return centre;
      });
      if (!added) return reply.code(409).send({ code: 'centre_exists' });
      return reply.code(201).send(added);
    },
  );

  app.put<{ Params: CentreParams; Body: CentreEdit; Reply: Centre | ApiError }>(
    '/centres/:centreId',
    { preHandler: adminOnly, schema: { params: CentreParams, body: CentreEdit, response: { 200: Centre, ...errors } } },
    async (request, reply) => {
      const admin = signedInStaff(request);
      const fields = checkCentreFields(request.body, await new CentresRepository(app.db).regions());
      if (!fields.ok) return reply.code(400).send({ code: fields.code, detail: fields.detail });
      const edited = await app.db.transaction(async (tx) => {
        const result = await new CentresRepository(tx).editCentre(request.params.centreId, fields.value, request.body.version, app.clock(), admin.id);
        if (result.ok) await new AuditLog(tx, app.clock).record({ staffId: admin.id, action: 'centre_edited', details: { centre: result.value.id, version: result.value.version } });
        return result;
      });
      if (!edited.ok) return reply.code(edited.code === 'not_found' ? 404 : 409).send({ code: edited.code });
      return edited.value;
    },
  );

  app.put<{ Params: BranchParams; Body: BranchEdit; Reply: Branch | ApiError }>(
    '/branches/:branchId',
    { preHandler: adminOnly, schema: { params: BranchParams, body: BranchEdit, response: { 200: Branch, ...errors } } },
    async (request, reply) => {
      const admin = signedInStaff(request);
      const names = checkNames(request.body);
      if (!names.ok) return reply.code(400).send({ code: names.code, detail: names.detail });
      const edited = await app.db.transaction(async (tx) => {
        const result = await new CentresRepository(tx).editBranch(request.params.branchId, names.value, request.body.version, app.clock(), admin.id);
        if (result.ok) await new AuditLog(tx, app.clock).record({ staffId: admin.id, action: 'branch_edited', details: { branch: result.value.id, version: result.value.version } });
        return result;
      });
      if (!edited.ok) return reply.code(edited.code === 'not_found' ? 404 : 409).send({ code: edited.code });
      return edited.value;
    },
  );
};

export default centreRoutes;
