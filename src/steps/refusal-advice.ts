import type { RefusalCode } from '../protocol';

/**
 * Refusals the citizen can fix here by choosing another reason; every other one ends at an operator.
 * Kept apart so the advice and the buttons on the screen cannot disagree.
 */
const FIXABLE_BY_ANOTHER_REASON: ReadonlySet<RefusalCode> = new Set([
  'document_not_offered',
  'has_passport',
  'document_not_expired',
  'document_lost',
  'document_expired',
]);

export function canChooseAnotherReason(code: RefusalCode): boolean {
  return FIXABLE_BY_ANOTHER_REASON.has(code);
}
