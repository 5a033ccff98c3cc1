import type { MessageKey, Params } from '../i18n';
import { BackOfficeError, failureCode } from '../sync/backoffice';
import { errorKey } from './error-key';

type Translate = (key: MessageKey, params?: Params) => string;

/** The back office's limits (429, docs/security.md "Limits"), each said in the citizen's language. */
const LIMIT_KEYS: Partial<Record<string, MessageKey>> = {
  too_many_wrong_codes: 'limit.too_many_wrong_codes',
  too_many_codes: 'limit.too_many_codes',
  resend_too_early: 'limit.resend_too_early',
  too_many_requests: 'limit.too_many_requests',
};

/** A minute when the back office gave no Retry-After: the shortest of its windows. */
const UNKNOWN_WAIT_S = 60;

/** How long to wait, as a person reads it: seconds under a minute, whole minutes, hours from an hour and a half. */
export function waitText(seconds: number, t: Translate): string {
  if (seconds < 60) return t('limit.wait.s', { n: Math.max(1, Math.ceil(seconds)) });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return t('limit.wait.min', { n: minutes });
  return t('limit.wait.h', { n: Math.ceil(minutes / 60) });
}

/** What to tell the citizen about a refusal by one of the back office's limits; null for any other failure. */
export function limitText(error: unknown, t: Translate): string | null {
  if (!(error instanceof BackOfficeError) || error.status !== 429) return null;
  const key = LIMIT_KEYS[error.code] ?? 'limit.too_many_requests';
  return t(key, { wait: waitText(error.retryAfterS ?? UNKNOWN_WAIT_S, t) });
}

/** A failed call as a step shows it: the limit and its wait, else the step's own explanation (errorKey). */
export function failureMessage(error: unknown, step: string, t: Translate): { code: string; text: string } {
  const code = failureCode(error);
  return { code, text: limitText(error, t) ?? t(errorKey(code, step)) };
}
