import type { Queryable } from '../db/database';
import type { WeeklyReport } from '../../src/protocol/weekly-report';
import { scopeCondition, type ResolvedScope } from './report-scope';

/*
 * The problems register's part of the weekly report (src/protocol/weekly-report.ts `problems`):
 * the problems of the scope that happened in the week, and those that happened before it and were
 * still open when it began, each with its status as the week ended. Read as of the week's end —
 * a problem resolved on the Tuesday after is still 'open' in that week's report — so a week
 * generated again says what it said, whatever was done since (reopening aside, which clears
 * resolved_at: the row, not its history, is what is read).
 */

export type WeekProblems = WeeklyReport['problems'];

/**
 * Recorded by `asOf` only, as the rest of the report counts what had arrived by then.
 * `range`: the week's first instant and the next week's first (Monday 00:00 in Kazakhstan, UTC+5). */
export async function problemsOfWeek(db: Queryable, range: { from: Date; to: Date }, scope: ResolvedScope, asOf: Date): Promise<WeekProblems> {
  const inScope = scopeCondition(scope, 3, { centre: 'p.centre_id', terminal: 'p.terminal_id' });
  const params: unknown[] = [range.from, range.to, inScope.param, asOf];
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
      FROM problems p
      WHERE p.happened_at < $2::timestamptz AND p.recorded_at <= $4::timestamptz
        AND (p.happened_at >= $1::timestamptz OR p.resolved_at IS NULL OR p.resolved_at >= $1::timestamptz)
        AND ${inScope.sql}
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
