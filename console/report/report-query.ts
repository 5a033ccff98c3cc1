// The report's addresses: the back office's (GET /api/v1/staff/reports/weekly, in JSON for the
// page, CSV and PDF to download) and the page's own (/console/report?week=…&scope=…), so a report
// can be bookmarked or sent to a colleague as it is on screen.
import type { Lang } from '../../src/protocol/common';
import { STAFF_API } from '../api';
import { formatWeek, parseWeek, type Week } from './iso-week';
import { parseScope } from './report-scope';

export type ReportFormat = 'json' | 'csv' | 'pdf';

/** The PDF is made in Russian or Kazakh only (the pilot order's languages); English reads Russian. */
export const pdfLang = (lang: Lang): 'ru' | 'kk' => (lang === 'kk' ? 'kk' : 'ru');

/** The path under the staff API, for `call`. */
export function reportPath(week: Week, scope: string, format: ReportFormat, lang?: 'ru' | 'kk'): string {
  const query = new URLSearchParams({ week: formatWeek(week), scope, format });
  if (lang) query.set('lang', lang);
  return `/reports/weekly?${query.toString()}`;
}

/** A link the browser downloads with the session cookie; the CSV's keys are the same in every language. */
export function downloadHref(week: Week, scope: string, format: 'csv' | 'pdf', lang: Lang): string {
  return `${STAFF_API}${reportPath(week, scope, format, format === 'pdf' ? pdfLang(lang) : undefined)}`;
}

/** What the page's address asks for; each part null where missing or malformed. */
export function readPageQuery(search: string): { week: Week | null; scope: string | null } {
  const query = new URLSearchParams(search);
  const scope = query.get('scope');
  return { week: parseWeek(query.get('week') ?? ''), scope: scope !== null && parseScope(scope) ? scope : null };
}

export function pageQuery(week: Week, scope: string): string {
  return `?${new URLSearchParams({ week: formatWeek(week), scope }).toString()}`;
}
