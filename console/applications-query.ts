import type { ApplicationStatus } from '../src/protocol/console';

/** What the applications page's filters hold. */
export interface ListFilterForm {
  status: ApplicationStatus | '';
  /** YYYY-MM-DD as a date input gives it, or ''. */
  from: string;
  to: string;
  includeTest: boolean;
}

/** The query string of GET /staff/applications for the form and, for the next page, its cursor. */
export function applicationsQuery(form: ListFilterForm, cursor: string | null): string {
  const params = new URLSearchParams();
  if (form.status) params.set('status', form.status);
  if (form.from) params.set('from', form.from);
  if (form.to) params.set('to', form.to);
  if (form.includeTest) params.set('test', 'include');
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}
