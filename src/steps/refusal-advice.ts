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

/** Refusals a mistyped number explains: the citizen corrects it on the IIN's screen. */
const FIXABLE_BY_THE_NUMBER: ReadonlySet<RefusalCode> = new Set(['not_found']);

export function canCorrectNumber(code: RefusalCode): boolean {
  return FIXABLE_BY_THE_NUMBER.has(code);
}
