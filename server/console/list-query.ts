import type { CentreScope } from '../staff/scope';
import type { ListFilters } from './list-query-params';

/*
 * The applications list as one SQL statement: the caller's scope and the filters in WHERE, newest
 * first with the id breaking ties of created_at, and the page after the cursor's row by a row
 * comparison on that same key (keyset paging). PostgreSQL walks an index on (…, created_at, id)
 * backwards from the cursor and stops after limit + 1 rows, so page 1 000 costs what page 1 does;
 * OFFSET would read and throw away every row before the page. The indexes are in
 * server/db/migrations/0015_console_indexes.sql, the plans in docs/console.md. Pure: builds text
 * and parameters only.
 */

/** Which centres the staff member may see (server/staff/scope.ts): always said by the caller. */
export type { CentreScope };

export interface SqlStatement {
  text: string;
  params: unknown[];
}

/** Kazakhstan is UTC+5 all year (one zone since 1 March 2024). */
const KAZAKHSTAN_OFFSET_MS = 5 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant a Kazakhstan calendar day begins. */
export function kazakhstanDayStart(day: string, plusDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + plusDays * DAY_MS - KAZAKHSTAN_OFFSET_MS);
}

/** The centres the query may read: the scope narrowed by the centre filter; an empty list reads nothing. */
export function centresToRead(scope: CentreScope, filter: readonly string[] | null): readonly string[] | 'all' {
  if (scope === 'all') return filter ?? 'all';
  return filter ? scope.filter((c) => filter.includes(c)) : scope;
}

/**
 * The scope as a condition on `a.centre_id`: `AND … = ANY($n)` with the centres pushed onto
 * `params`, '' for every centre, null when the scope holds no centre (nothing to read).
 */
export function inScopeClause(scope: CentreScope, params: unknown[]): string | null {
  const centres = centresToRead(scope, null);
  if (centres === 'all') return '';
  if (centres.length === 0) return null;
  return `AND a.centre_id = ANY($${params.push(centres)}::text[])`;
}

/**
 * Made offline: every application arrives in a packet, online or not (server/routes/packets.ts);
 * one the kiosk made without the back office carries no token for a check it could not make, which
 * the back office then made on arrival. The same predicate as the partial index packets_made_offline
 * (migration 0015), so the test is an index-only probe that never opens the payload.
 */
export const MADE_OFFLINE = `(p.payload->'online'->>'phoneToken' IS NULL OR p.payload->'online'->>'identityToken' IS NULL)`;

/**
 * `o.made_offline` (true, or null when made online) for the application `a`. A lateral subquery with
 * LIMIT, not EXISTS: the planner turns EXISTS into a semi join or a hashed subplan, which reads every
 * offline packet (a third of the table) to decide about one page of rows; this stays one probe a row.
 */
export const MADE_OFFLINE_JOIN = `LEFT JOIN LATERAL (SELECT true AS made_offline FROM packets p
      WHERE p.application_id = a.id AND ${MADE_OFFLINE} LIMIT 1) o ON true`;

/** The created_at the cursor holds: UTC to the microsecond, so ties within a millisecond keep their order. */
export const CREATED_KEY = `to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The list's page; null when the scope and the centre filter leave no centre to read. Reads limit + 1
 * rows: the extra one says whether a next page exists.
 *
 * The page's keys are found first, then only those rows are dressed (channel, pending checks). The
 * keys' query is shaped so the planner can walk one index in list order: one centre is an
 * equality (centre_id = $n, which an index on (centre_id, created_at, id) returns in order, where
 * `= ANY(array)` would not); several centres are one such walk per centre (a lateral join over the
 * list), each stopping at a page, merged and cut to a page — a supervisor's branch costs a page a
 * centre, never a sort of the branch's rows.
 */
export function listApplicationsSql(scope: CentreScope, f: ListFilters): SqlStatement | null {
  const centres = centresToRead(scope, f.centreIds);
  if (centres !== 'all' && centres.length === 0) return null;
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };

  const several = centres !== 'all' && centres.length > 1;
  if (centres !== 'all') where.push(`a.centre_id = ${several ? 's.centre_id' : param(centres[0])}`);
  if (f.statuses) where.push(f.statuses.length === 1 ? `a.status = ${param(f.statuses[0])}` : `a.status = ANY(${param(f.statuses)}::text[])`);
  if (f.terminalId) where.push(`a.terminal_id = ${param(f.terminalId)}`);
  if (f.services) where.push(`a.service = ANY(${param(f.services)}::text[])`);
  if (f.document) where.push(`a.document = ${param(f.document)}`);
  if (f.createdFrom) where.push(`a.created_at >= ${param(kazakhstanDayStart(f.createdFrom))}::timestamptz`);
  if (f.createdTo) where.push(`a.created_at < ${param(kazakhstanDayStart(f.createdTo, 1))}::timestamptz`);
  if (f.channel) where.push(f.channel === 'offline' ? 'o.made_offline' : 'o.made_offline IS NULL');
  // Waiting on a deferred check is a status: the checks' rows of a settled application may still say
  // 'pending' (a payment awaited when the face had already failed), but nothing waits on them.
  if (f.pendingChecks !== null) where.push(f.pendingChecks ? `a.status = 'pending_checks'` : `a.status <> 'pending_checks'`);
  if (f.test !== 'include') where.push(f.test === 'only' ? 'a.is_test' : 'NOT a.is_test');
  if (f.cursor) where.push(`(a.created_at, a.id) < (${param(f.cursor.createdAt)}::timestamptz, ${param(f.cursor.id)}::uuid)`);

  const limit = param(f.limit + 1);
  const keys = `SELECT a.id, a.created_at FROM applications a ${f.channel ? MADE_OFFLINE_JOIN : ''}
      ${where.length > 0 ? `WHERE ${where.join('\n        AND ')}` : ''}
      ORDER BY a.created_at DESC, a.id DESC LIMIT ${limit}`;
  const page = several
    ? `SELECT k.id, k.created_at FROM unnest(${param(centres)}::text[]) AS s(centre_id)
        CROSS JOIN LATERAL (${keys}) k
      ORDER BY k.created_at DESC, k.id DESC LIMIT ${limit}`
    : keys;

  return { text: dressPage(page), params };
}

/**
 * The list's rows for a page of keys (`SELECT id, created_at …`, at most a page long), newest first:
 * each dressed with its channel and the checks it still waits on. Shared by the list and the
 * lookup by IIN, which find their keys differently.
 */
export function dressPage(page: string): string {
  return `SELECT a.id, a.number, ${CREATED_KEY} AS created_key, a.status, a.centre_id, a.terminal_id, a.service,
      a.document, o.made_offline IS NOT NULL AS offline,
      CASE WHEN a.status = 'pending_checks' THEN ARRAY(SELECT c.check_name FROM application_checks c
        WHERE c.application_id = a.id AND c.outcome = 'pending' ORDER BY c.check_name) ELSE '{}' END AS pending_checks,
      a.review_reasons, a.is_test
    FROM (${page}) page JOIN applications a ON a.id = page.id ${MADE_OFFLINE_JOIN}
    ORDER BY a.created_at DESC, a.id DESC`;
}
