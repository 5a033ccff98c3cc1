// The enrol and rename forms' rules, checked in the browser before anything is sent so the
// supervisor reads what is wrong at once; the back office checks the same again (TerminalId,
// TERMINAL_NAME_MAX in src/protocol/).
import type { Lang } from '../src/protocol/common';
import { TerminalId } from '../src/protocol/packets';
import { TERMINAL_NAME_MAX, type TerminalCentres } from '../src/protocol/staff-terminals';

const TERMINAL_ID = new RegExp(TerminalId.pattern as string);
/** Letters and digits nobody misreads on a label (no I, L, O, 0, 1), as the enrolment codes use. */
const ID_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SUFFIX_LENGTH = 5;

/**
 * A new id for a terminal of `centreId`: the centre, then five characters drawn at random
 * (31⁵ ≈ 29 million per centre), within the 32 a terminal id may have. `randomIndex(n)` draws 0…n−1.
 */
export function generatedTerminalId(centreId: string, randomIndex: (n: number) => number = cryptoIndex): string {
  const suffix = Array.from({ length: SUFFIX_LENGTH }, () => ID_ALPHABET[randomIndex(ID_ALPHABET.length)]).join('');
  return `${centreId.slice(0, 32 - SUFFIX_LENGTH - 1)}-${suffix}`;
}

function cryptoIndex(n: number): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! % n;
}

/** What is wrong with a terminal id as typed (after trimming and upper-casing), or null. */
export function terminalIdProblem(id: string): 'required' | 'invalid_terminal_id' | null {
  if (id.length === 0) return 'required';
  return TERMINAL_ID.test(id) ? null : 'invalid_terminal_id';
}

/** The name to send: trimmed, null for none; or the problem with it. */
export function terminalName(typed: string): { ok: true; name: string | null } | { ok: false; code: 'invalid_name' } {
  const name = typed.trim();
  if (name.length === 0) return { ok: true, name: null };
  // One line, as the back office keeps it: no line breaks nor other control characters.
  return [...name].length > TERMINAL_NAME_MAX || /[\p{Cc}\u2028\u2029]/u.test(name) ? { ok: false, code: 'invalid_name' } : { ok: true, name };
}

type Centre = TerminalCentres['centres'][number];

/** A centre as the staff member reads it: its name in Kazakh for kk, else in Russian, and its id. */
export function centreLabel(centre: Centre, lang: Lang): string {
  return `${lang === 'kk' ? centre.nameKk : centre.nameRu} (${centre.id})`;
}
