import type { AuditEntry } from '../src/protocol/staff';

/** What the audit page's filters hold; '' is "any". */
export interface AuditFilterForm {
  username: string;
  action: string;
  /** The receipt's number as typed. */
  number: string;
  /** YYYY-MM-DD as a date input gives it. */
  from: string;
  to: string;
}

/**
 * Every action the back office writes (server/staff/audit-log.ts AuditAction and the routes'), for
 * the filter's choices and their words; server/staff/audit-actions.test.ts finds one missing. The
 * review and terminal actions are main's (the review and terminals helpers').
 */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_locked',
  'sign_out',
  'account_created',
  'account_disabled',
  'password_reset',
  'totp_enrolled',
  'totp_removed',
  'application_viewed',
  'applications_looked_up',
  'portrait_viewed',
  'signature_viewed',
  'registry_photo_viewed',
  'review_decided',
  'reference_data_version_created',
  'terminal_enrolled',
  'terminal_renamed',
  'terminal_moved',
  'terminal_revoked',
  'centre_added',
  'centre_edited',
  'branch_edited',
  'problem_recorded',
  'problem_updated',
] as const;

/** The query string of GET /staff/audit for the form and, for the next (older) page, its `before`. */
export function auditQuery(form: AuditFilterForm, before: string | null, limit = 50): string {
  const params = new URLSearchParams();
  if (form.username.trim()) params.set('username', form.username.trim());
  if (form.action) params.set('action', form.action);
  if (form.number.trim()) params.set('number', form.number.trim().toUpperCase());
  if (form.from) params.set('from', form.from);
  if (form.to) params.set('to', form.to);
  params.set('limit', String(limit));
  if (before) params.set('before', before);
  return `?${params.toString()}`;
}

/**
 * Whom or what an entry is about beyond its application: the account an admin changed, the
 * centre or branch edited, the username a failed sign-in tried. Empty when nothing more.
 */
export function auditSubject(entry: Pick<AuditEntry, 'action' | 'details' | 'staffId'>): string {
  const d = entry.details;
  const text = (key: string) => (typeof d[key] === 'string' ? d[key] : null);
  if (entry.action.startsWith('centre_')) return [text('centre'), typeof d.version === 'number' ? `v${d.version}` : null].filter(Boolean).join(' ');
  if (entry.action === 'branch_edited') return [text('branch'), typeof d.version === 'number' ? `v${d.version}` : null].filter(Boolean).join(' ');
  if (entry.action.startsWith('account_') || entry.action === 'password_reset' || entry.action === 'totp_removed') return text('username') ?? '';
  if (entry.action.startsWith('terminal_')) return text('terminalId') ?? '';
  // A failed sign-in under a name no account has: the name tried is all there is.
  if (entry.staffId === null) return text('username') ?? '';
  return '';
}
