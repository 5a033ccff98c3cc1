import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { WeeklyReport } from '../../src/protocol/weekly-report';
import type { Queryable } from '../db/database';
import { supervisorMayRead } from '../reports/report-access';
import { reportCsv } from '../reports/report-csv';
import { ReportError } from '../reports/report-error';
import { reportPdf } from '../reports/report-pdf';
import { parseReportQuery, reportFileName } from '../reports/report-query';
import { weeklyReport } from '../reports/weekly-report';
import { requireStaff, signedInStaff } from './require-staff';

/** What the route reads a report with: the kept one, generated if missing (server/reports/weekly-report.ts). */
export type ReportLoader = (db: Queryable, week: string, scope: string, now: Date) => Promise<WeeklyReport>;

export interface ReportRoutesOptions {
  /** The app wires the problems register into it; tests may give a fixture. */
  load?: ReportLoader;
}

/**
 * GET /staff/reports/weekly?week=2026-W49&scope=country&format=json|csv|pdf&lang=ru|kk: the weekly
 * pilot report for the ministry and the console. Analysts and admins read any scope; a supervisor
 * only their branch's (server/reports/report-access.ts); operators are refused. The report holds
 * counts and times, no one's personal data, so reading it is not audited (docs/security.md).
 * Errors: 400 invalid_week / invalid_scope / invalid_format / invalid_lang, 404 unknown_scope.
 */
const reportRoutes: FastifyPluginAsync<ReportRoutesOptions> = async (app, options) => {
  const load: ReportLoader = options.load ?? ((db, week, scope, now) => weeklyReport(db, week, scope, now));
  app.get(
    '/reports/weekly',
    {
      preHandler: requireStaff('analyst', 'supervisor', 'admin'),
      // No querystring schema: parseReportQuery names each bad field with its own code.
      schema: { response: { 200: WeeklyReport, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError } },
    },
    async (request, reply) => {
      const parsed = parseReportQuery(request.query as Record<string, unknown>);
      if (!parsed.ok) return reply.code(400).send({ code: parsed.code, detail: parsed.detail });
      const { week, scope, format, lang } = parsed.query;
      const staff = signedInStaff(request);
      if (staff.role === 'supervisor' && !(await supervisorMayRead(app.db, staff.branchId, scope))) {
        return reply.code(404).send({ code: 'unknown_scope' });
      }
      let report: WeeklyReport;
      try {
        report = await load(app.db, week, scope, app.clock());
      } catch (error) {
        if (error instanceof ReportError) return reply.code(error.statusCode).send({ code: error.code });
        throw error;
      }
      if (format === 'json') return report;
      const body = format === 'csv' ? reportCsv(report) : await reportPdf(report, lang);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf')
        .header('content-disposition', `attachment; filename="${reportFileName(report.week, report.scope, format)}"`)
        .send(body);
    },
  );
};

export default reportRoutes;
