import type { FastifyPluginAsync } from 'fastify';
import { referenceDataInForce, referenceDataProblems } from '../../src/domain/reference-data';
import { ApiError } from '../../src/protocol/common';
import {
  NewReferenceData,
  ReferenceDataRefusal,
  ReferenceDataVersionDetail,
  ReferenceDataVersionList,
  ReferenceDataVersionParams,
  type ReferenceDataVersionSummary,
} from '../../src/protocol/reference-data';
import { addReferenceDataVersion, backOfficeDay, ReferenceDataRepository, signed, type StoredReferenceData } from '../repositories/reference-data';
import { AuditLog } from './audit-log';
import { requireStaff, signedInStaff } from './require-staff';

const errors = { 401: ApiError, 403: ApiError, 404: ApiError };

function summary(version: StoredReferenceData, inForce: boolean): ReferenceDataVersionSummary {
  return {
    version: version.document.version,
    effectiveFrom: version.document.effectiveFrom,
    createdAt: version.createdAt.toISOString(),
    createdBy: version.createdBy,
    note: version.note,
    inForce,
  };
}

/**
 * The reference data's versions, for admins only (docs/api.md, "Who may call what"): list, read one,
 * add one from a day to come. A version is never changed nor removed (migration 0019's triggers): a
 * mistake is corrected by a later version. Each new one is signed and audited in one transaction.
 */
const referenceDataRoutes: FastifyPluginAsync = async (app) => {
  const adminOnly = requireStaff('admin');

  app.get('/reference-data', { preHandler: adminOnly, schema: { response: { 200: ReferenceDataVersionList, ...errors } } }, async (): Promise<ReferenceDataVersionList> => {
    const versions = await new ReferenceDataRepository(app.db).list();
    const current = referenceDataInForce(
      versions.map((v) => v.document),
      backOfficeDay(app.clock()),
    );
    return { versions: versions.map((v) => summary(v, v.document === current)) };
  });

  app.get<{ Params: ReferenceDataVersionParams; Reply: ReferenceDataVersionDetail | ApiError }>(
    '/reference-data/:version',
    { preHandler: adminOnly, schema: { params: ReferenceDataVersionParams, response: { 200: ReferenceDataVersionDetail, ...errors } } },
    async (request, reply) => {
      const repository = new ReferenceDataRepository(app.db);
      const version = await repository.byVersion(Number(request.params.version));
      if (!version) return reply.code(404).send({ code: 'version_not_found' });
      const current = await repository.inForce(backOfficeDay(app.clock()));
      const { signature } = await signed(version, app.backOfficeKeys.signingKey);
      return { ...summary(version, current?.document.version === version.document.version), document: version.document, signature };
    },
  );

  app.post<{ Body: NewReferenceData; Reply: ReferenceDataVersionDetail | ReferenceDataRefusal }>(
    '/reference-data',
    { preHandler: adminOnly, schema: { body: NewReferenceData, response: { 201: ReferenceDataVersionDetail, 400: ReferenceDataRefusal, ...errors } } },
    async (request, reply) => {
      const admin = signedInStaff(request);
      const { effectiveFrom, note, ...figures } = request.body;
      const now = app.clock();
      const problems = referenceDataProblems(figures, effectiveFrom, backOfficeDay(now));
      const first = problems[0];
      if (first) return reply.code(400).send({ code: first.code, detail: first.at, problems });
      const saved = await app.db.transaction(async (tx) => {
        const version = await addReferenceDataVersion(tx, { effectiveFrom, figures, createdBy: admin.id, note: note ?? null }, app.backOfficeKeys.signingKey, now);
        await new AuditLog(tx, app.clock).record({
          staffId: admin.id,
          action: 'reference_data_version_created',
          details: { version: version.document.version, effectiveFrom, mrpYears: figures.mrpByYear.map((row) => row.year), kurbanAitYears: figures.kurbanAit.map((row) => row.year) },
        });
        return version;
      });
      // In force only from its day: today's at the earliest, as problems allow no earlier one.
      const inForce = (await new ReferenceDataRepository(app.db).inForce(backOfficeDay(now)))?.document.version === saved.document.version;
      return reply.code(201).send({ ...summary(saved, inForce), document: saved.document, signature: saved.signature ?? '' });
    },
  );
};

export default referenceDataRoutes;
