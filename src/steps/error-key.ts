import type { MessageKey } from '../i18n';
import type { TerminalRequestError } from '../protocol/terminal-request';

/** Keys of the messages for back-office error codes that a step knows how to explain. */
const STEP_ERRORS: Partial<Record<string, MessageKey>> = {
  'iin:invalid_iin': 'iin.error.invalid_iin',
  'payment:no_tariff': 'payment.error.no_tariff',
};

/**
 * The back office refused the terminal itself (src/protocol/terminal-request.ts): nothing the
 * citizen can fix or retry, so they are sent to the staff rather than asked to try again.
 */
const TERMINAL_REFUSALS: ReadonlySet<string> = new Set<TerminalRequestError>([
  'unsigned_request',
  'stale_request',
  'bad_signature',
  'replayed_request',
  'unknown_terminal',
  'revoked_terminal',
]);

/**
 * The message for a failed call: the step's own explanation where it has one, else "no connection"
 * for network trouble and "try again" for anything the citizen cannot fix.
 */
export function errorKey(code: string, step: string): MessageKey {
  const own = STEP_ERRORS[`${step}:${code}`];
  if (own) return own;
  if (TERMINAL_REFUSALS.has(code)) return 'error.terminal';
  // A terminal's lookups are limited per minute (server/limits/rules.ts); limit-message.ts says exactly how long where a step asks.
  if (code === 'too_many_requests') return 'error.too_many_requests';
  return code === 'network' ? 'error.network' : 'error.server';
}
