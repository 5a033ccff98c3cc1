import type { DocumentKind, ServiceCode } from '../src/protocol/common';
import type { ApplicationStatus, Channel } from '../src/protocol/console';

/** What the applications page's filters hold; '' is "any". */
export interface ListFilterForm {
  status: ApplicationStatus | '';
  /** YYYY-MM-DD as a date input gives it, or ''. */
  from: string;
  to: string;
  includeTest: boolean;
  centre?: string;
  /** As typed: trimmed and upper-cased, as terminal ids are written. */
  terminal?: string;
  service?: ServiceCode | '';
  document?: DocumentKind | '';
  channel?: Channel | '';
  /** Only applications still waiting on a deferred check. */
  pendingOnly?: boolean;
}

/** The query string of GET /staff/applications for the form and, for the next page, its cursor. */
export function applicationsQuery(form: ListFilterForm, cursor: string | null): string {
  const params = new URLSearchParams();
  if (form.status) params.set('status', form.status);
  if (form.from) params.set('from', form.from);
  if (form.to) params.set('to', form.to);
  if (form.centre) params.set('centre', form.centre);
  const terminal = form.terminal?.trim().toUpperCase();
  if (terminal) params.set('terminal', terminal);
  if (form.service) params.set('service', form.service);
  if (form.document) params.set('document', form.document);
  if (form.channel) params.set('channel', form.channel);
  if (form.pendingOnly) params.set('pending', 'true');
  if (form.includeTest) params.set('test', 'include');
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}
