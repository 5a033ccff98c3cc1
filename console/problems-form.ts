// The problems page's pure logic: the list's query string, the week a day falls in, the form's
// "when" in Kazakhstan's time, and the request for POST /staff/problems with the back office's own
// checks (server/problems/problem-rules.ts) said before the round trip.
import { addDays, KAZAKHSTAN_OFFSET_MS, kazakhstanDate, weekday } from '../src/domain/dates';
import { DESCRIPTION_MAX, ACTION_MAX, PROBLEM_CATEGORIES, type NewProblem, type ProblemCategory, type ProblemStatus } from '../src/protocol/problems';

export interface ProblemFilterForm {
  /** Kazakhstan days, both inclusive; '' for no bound. */
  from: string;
  to: string;
  centreId: string;
  status: ProblemStatus | '';
}

/** Monday and Sunday of the week (Monday to Sunday, as the weekly report) holding `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const monday = addDays(day, -((weekday(day) + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}

/** The filters the page opens with: this week in Kazakhstan, every centre, every status. */
export function thisWeek(now: Date = new Date()): ProblemFilterForm {
  return { ...weekOf(kazakhstanDate(now)), centreId: '', status: '' };
}

/** The query string of GET /staff/problems for the form and, for the next (older) page, its `before`. */
export function problemsQuery(form: ProblemFilterForm, before: string | null, limit = 50): string {
  const params = new URLSearchParams();
  if (form.from) params.set('from', form.from);
  if (form.to) params.set('to', form.to);
  if (form.centreId) params.set('centreId', form.centreId);
  if (form.status) params.set('status', form.status);
  params.set('limit', String(limit));
  if (before) params.set('before', before);
  return `?${params.toString()}`;
}

/** 'YYYY-MM-DDTHH:MM' as an <input type="datetime-local"> holds it, read as Kazakhstan's time. */
export function instantOfLocal(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return new Date(utc - KAZAKHSTAN_OFFSET_MS).toISOString();
}

/** The instant as the form's 'YYYY-MM-DDTHH:MM' in Kazakhstan's time (the form opens at "now"). */
export function localOfInstant(instant: Date): string {
  return new Date(instant.getTime() + KAZAKHSTAN_OFFSET_MS).toISOString().slice(0, 16);
}

export interface ProblemForm {
  centreId: string;
  terminalId: string;
  category: ProblemCategory | '';
  /** 'YYYY-MM-DDTHH:MM', Kazakhstan's time. */
  happenedAt: string;
  description: string;
  actionTaken: string;
}

export type ProblemFormProblem = 'centre_required' | 'category_required' | 'invalid_happened_at' | 'happened_in_future' | 'description_required' | 'description_too_long' | 'action_too_long';

const length = (text: string) => [...text.trim()].length;

export function problemRequest(form: ProblemForm, now: Date): { ok: true; request: NewProblem } | { ok: false; problem: ProblemFormProblem } {
  if (!form.centreId) return { ok: false, problem: 'centre_required' };
  if (!form.category || !PROBLEM_CATEGORIES.includes(form.category)) return { ok: false, problem: 'category_required' };
  const happenedAt = instantOfLocal(form.happenedAt);
  if (!happenedAt) return { ok: false, problem: 'invalid_happened_at' };
  // The same minute of slack the back office gives a clock a little ahead.
  if (Date.parse(happenedAt) > now.getTime() + 60_000) return { ok: false, problem: 'happened_in_future' };
  if (length(form.description) === 0) return { ok: false, problem: 'description_required' };
  if (length(form.description) > DESCRIPTION_MAX) return { ok: false, problem: 'description_too_long' };
  if (length(form.actionTaken) > ACTION_MAX) return { ok: false, problem: 'action_too_long' };
  const request: NewProblem = { centreId: form.centreId, category: form.category, happenedAt, description: form.description.trim() };
  if (form.terminalId) request.terminalId = form.terminalId;
  if (form.actionTaken.trim()) request.actionTaken = form.actionTaken.trim();
  return { ok: true, request };
}
