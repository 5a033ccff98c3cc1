// The lookup by IIN's form, checked before anything is sent: a mistyped IIN would still be a look
// at someone in the audit log, and a reason is the law's condition for looking at all.
import { parseIin } from '../src/domain/iin';
import { LOOKUP_REASON_MIN } from '../src/protocol/review';

export type LookupProblem = 'iinDigits' | 'iinInvalid' | 'reasonShort';

/** What is wrong with the form, field by field; empty when it may be sent. */
export function lookupProblems(iin: string, reason: string): { iin?: LookupProblem; reason?: LookupProblem } {
  const problems: { iin?: LookupProblem; reason?: LookupProblem } = {};
  const digits = iin.replace(/\s/g, '');
  if (!/^[0-9]{12}$/.test(digits)) problems.iin = 'iinDigits';
  else if (!parseIin(digits).ok) problems.iin = 'iinInvalid';
  if (reason.trim().length < LOOKUP_REASON_MIN) problems.reason = 'reasonShort';
  return problems;
}

/** The IIN as sent: staff paste it with spaces from documents ("900101 300017"). */
export function lookupIin(iin: string): string {
  return iin.replace(/\s/g, '');
}
