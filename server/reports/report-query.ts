import { PDF_LANGS, type PdfLang } from './report-texts';

/*
 * The query of GET /api/v1/staff/reports/weekly, read by hand rather than by a Fastify schema so
 * each bad field answers with its own code (as the applications list does): invalid_week,
 * invalid_scope, invalid_format, invalid_lang. A week the year does not have (2025-W53) passes here
 * and is refused as invalid_week by parseIsoWeek (server/reports/iso-week.ts).
 */

export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportQuery {
  week: string;
  scope: string;
  format: ReportFormat;
  lang: PdfLang;
}

export type ReportQueryError = { code: 'invalid_week' | 'invalid_scope' | 'invalid_format' | 'invalid_lang'; detail: string };

const WEEK = /^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$/;
const SCOPE = /^(country|(region|branch|centre|terminal):[A-Za-z0-9_-]{1,32})$/;

const one = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function parseReportQuery(query: Record<string, unknown>): { ok: true; query: ReportQuery } | ({ ok: false } & ReportQueryError) {
  const week = one(query.week);
  if (week === undefined || !WEEK.test(week)) return { ok: false, code: 'invalid_week', detail: 'week is an ISO week, e.g. 2026-W49' };
  const scope = one(query.scope) ?? 'country';
  if (!SCOPE.test(scope)) return { ok: false, code: 'invalid_scope', detail: 'scope is country, region:<code>, branch:<id>, centre:<id> or terminal:<id>' };
  const format = one(query.format) ?? 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) return { ok: false, code: 'invalid_format', detail: 'format is json, csv or pdf' };
  const lang = one(query.lang) ?? 'ru';
  if (!(PDF_LANGS as readonly string[]).includes(lang)) return { ok: false, code: 'invalid_lang', detail: 'lang is ru or kk' };
  return { ok: true, query: { week, scope, format: format as ReportFormat, lang: lang as PdfLang } };
}

/** 'report-2026-W49-country.pdf', 'report-2026-W49-centre-AST-ESIL.csv': no colon, which Windows refuses in a file name. */
export function reportFileName(week: string, scope: string, format: 'csv' | 'pdf'): string {
  return `report-${week}-${scope.replace(':', '-')}.${format}`;
}
