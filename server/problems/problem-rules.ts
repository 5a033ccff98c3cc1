import { ACTION_MAX, DESCRIPTION_MAX, PROBLEM_CATEGORIES, PROBLEM_STATUSES, type ProblemCategory, type ProblemSource, type ProblemStatus } from '../../src/protocol/problems';
import type { CentreScope, StaffPrincipal } from '../staff/scope';

/*
 * The problems register's rules, pure: who reads and records where, and what a problem's fields
 * must hold. The routes (problem-routes.ts) answer each failed rule with its code.
 */

/** The centres a staff member may read the problems of, and those they may record and edit at. */
export interface ProblemScope {
  read: CentreScope;
  write: CentreScope;
}

/**
 * A branch's supervisor and a police officer of that branch's region: the branch's centres; an
 * operator: their centre; an analyst and an admin read every centre's problems and record none
 * (they neither found them nor answer for the centre).
 */
export function problemScope(staff: StaffPrincipal, centresOfBranch: readonly string[]): ProblemScope {
  switch (staff.role) {
    case 'admin':
    case 'analyst':
      return { read: 'all', write: [] };
    case 'supervisor':
    case 'police':
      return { read: [...centresOfBranch], write: [...centresOfBranch] };
    case 'operator': {
      const own = staff.centreId ? [staff.centreId] : [];
      return { read: own, write: own };
    }
  }
}

/** A police officer's problem is the police department's; everyone else who records is the branch's. */
export const sourceOf = (staff: StaffPrincipal): ProblemSource => (staff.role === 'police' ? 'police' : 'branch');

export type ProblemFieldCode =
  | 'description_required'
  | 'description_too_long'
  | 'action_too_long'
  | 'unknown_category'
  | 'unknown_status'
  | 'happened_in_future';

export type Checked<T> = { ok: true; value: T } | { ok: false; code: ProblemFieldCode; detail: string };

/** Trimmed, with Windows line ends made one; refused when empty or too long for a person to read in the report. */
function checkText(text: string, max: number, empty: ProblemFieldCode | null, long: ProblemFieldCode, field: string): Checked<string> {
  const value = text.replace(/\r\n?/g, '\n').trim();
  if (empty && value.length === 0) return { ok: false, code: empty, detail: field };
  if ([...value].length > max) return { ok: false, code: long, detail: `${field}: at most ${max} characters` };
  return { ok: true, value };
}

export const checkDescription = (text: string) => checkText(text, DESCRIPTION_MAX, 'description_required', 'description_too_long', 'description');
export const checkAction = (text: string) => checkText(text, ACTION_MAX, null, 'action_too_long', 'actionTaken');

export function checkCategory(category: string): Checked<ProblemCategory> {
  const found = PROBLEM_CATEGORIES.find((c) => c === category);
  return found ? { ok: true, value: found } : { ok: false, code: 'unknown_category', detail: `one of ${PROBLEM_CATEGORIES.join(', ')}` };
}

export function checkStatus(status: string): Checked<ProblemStatus> {
  const found = PROBLEM_STATUSES.find((s) => s === status);
  return found ? { ok: true, value: found } : { ok: false, code: 'unknown_status', detail: `one of ${PROBLEM_STATUSES.join(', ')}` };
}

/**
 * A problem is recorded after it happened. A minute of slack for a clock a little ahead (the
 * browser's "now" put in the form), never more: a date typed a day ahead is a mistake.
 */
export const FUTURE_SLACK_MS = 60_000;

export function checkHappenedAt(happenedAt: string, now: Date): Checked<Date> {
  const at = new Date(happenedAt);
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) return { ok: false, code: 'happened_in_future', detail: 'happenedAt' };
  return { ok: true, value: at };
}

/** A page's cursor: the last row's happened_at (to the microsecond, UTC) and id, joined by '~'. */
export function parseCursor(before: string): { happenedAt: string; id: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(before);
  // A day the calendar has not (02-30) would be rolled over by Date and refused by the database.
  const at = m ? new Date(m[1]!) : null;
  if (!m || !at || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 23) !== m[1]!.slice(0, 23)) return null;
  return { happenedAt: m[1]!, id: m[2]! };
}
