import type { Queryable } from '../db/database';
import type { WeeklyReport } from '../../src/protocol/weekly-report';

/*
 * The problems register's part of the weekly report (src/protocol/weekly-report.ts `problems`):
 * the problems of the scope that happened in the week, and those that happened before it and were
 * still open when it began, each with its status as the week ended. Read as of the week's end —
 * a problem resolved on the Tuesday after is still 'open' in that week's report — so a week
 * generated again says what it said, whatever was done since (reopening aside, which clears
 * resolved_at: the row, not its history, is what is read).
 */

export type WeekProblems = WeeklyReport['problems'];

/** The scope as a condition on the problem's centre `p` (and terminal): text and its parameters. */
export function scopeCondition(scope: string, params: unknown[]): string {
  if (scope === 'country') return 'true';
  const colon = scope.indexOf(':');
  const kind = scope.slice(0, colon);
  const value = scope.slice(colon + 1);
  const param = () => `$${params.push(value)}`;
  switch (kind) {
    case 'region':
      return `c.region = ${param()}`;
    case 'branch':
      return `c.branch_id = ${param()}`;
    case 'centre':
      return `p.centre_id = ${param()}`;
    case 'terminal':
      return `p.terminal_id = ${param()}`;
    default:
      throw new Error(`not a report scope: ${scope}`);
  }
}

/** `range`: the week's first instant and the next week's first (Monday 00:00 in Kazakhstan, UTC+5). */
export async function problemsOfWeek(db: Queryable, range: { from: Date; to: Date }, scope: string): Promise<WeekProblems> {
  const params: unknown[] = [range.from, range.to];
  const inScope = scopeCondition(scope, params);
  const { rows } = await db.query<{
    id: string;
    centre_id: string;
    terminal_id: string | null;
    category: string;
    source: string;
    description: string;
    happened_at: Date | string;
    action_taken: string;
    resolved_by_end: boolean;
  }>(
    `SELECT p.id, p.centre_id, p.terminal_id, p.category, p.source, p.description, p.happened_at, p.action_taken,
        (p.resolved_at IS NOT NULL AND p.resolved_at < $2::timestamptz) AS resolved_by_end
      FROM problems p JOIN centres c ON c.id = p.centre_id
      WHERE p.happened_at < $2::timestamptz
        AND (p.happened_at >= $1::timestamptz OR p.resolved_at IS NULL OR p.resolved_at >= $1::timestamptz)
        AND ${inScope}
      ORDER BY p.happened_at, p.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    centreId: r.centre_id,
    terminalId: r.terminal_id,
    category: r.category,
    source: r.source,
    description: r.description,
    happenedAt: new Date(r.happened_at).toISOString(),
    actionTaken: r.action_taken,
    status: r.resolved_by_end ? 'resolved' : 'open',
  }));
}
