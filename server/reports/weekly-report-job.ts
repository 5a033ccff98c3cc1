import type { Queryable } from '../db/database';
import type { JobQueue } from '../jobs/job-queue';
import { isoWeekOf, nextIsoWeek } from '../../src/domain/iso-week';
import { parseIsoWeek } from './report-error';
import { weeklyReport } from './weekly-report';

/*
 * The Monday job (docs/jobs.md, queue 'weekly-report'): at 00:30 on Monday in Kazakhstan, the
 * week just over has its reports generated and kept — the country's and every region's, branch's,
 * centre's and terminal's — and the job plans itself for the next Monday. One waiting job per
 * week (its singleton key), so every process planning it at start, and a run that is retried,
 * leave one plan. No timer: the plan is a job in the database, run by whichever process is free.
 */

/** After the week's end: telemetry sent at the last minute has half an hour to arrive. */
export const WEEKLY_REPORT_AFTER_MS = 30 * 60_000;

const SCOPE_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Every scope a week is reported for: the country, then each region, branch, centre and terminal. */
export async function reportScopes(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ kind: string; id: string }>(
    `SELECT 'region' AS kind, region AS id FROM branches UNION SELECT 'region', region FROM centres
     UNION SELECT 'branch', id FROM branches
     UNION SELECT 'centre', id FROM centres UNION SELECT 'centre', centre_id FROM terminals
     UNION SELECT 'terminal', terminal_id FROM terminals`,
  );
  const order = ['region', 'branch', 'centre', 'terminal'];
  const scopes = rows
    // An id no scope can name (an old terminal id with a dot) has no report of its own; its journeys are in its centre's.
    .filter((r) => SCOPE_ID.test(r.id))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => `${r.kind}:${r.id}`);
  return ['country', ...scopes];
}

/**
 * The week's reports, each kept unless it already was; the number made. A week with nothing in it
 * anywhere (no terminal sent anything, no problem recorded) keeps the country's alone: its other
 * scopes would be as empty, and one asked for later is made then (weeklyReport). A back office
 * down for weeks catches up each quiet week with one report, not one per centre and terminal.
 */
export async function generateWeeklyReports(db: Queryable, week: string, now: Date): Promise<number> {
  const country = await weeklyReport(db, week, 'country', now);
  if (country.terminals === 0 && country.problems.length === 0) return 1;
  const scopes = (await reportScopes(db)).filter((scope) => scope !== 'country');
  for (const scope of scopes) await weeklyReport(db, week, scope, now);
  return scopes.length + 1;
}

/** Plans the job of a week for its Monday 00:30 (now, if that is past); false when it was already planned. */
export async function planWeeklyReport(jobs: JobQueue, week: string, now: Date): Promise<boolean> {
  const due = parseIsoWeek(week).to.getTime() + WEEKLY_REPORT_AFTER_MS;
  // Seconds from the back office's clock, as the re-checks plan theirs: pg-boss counts them from the database's.
  const startAfterSeconds = Math.max(0, Math.ceil((due - now.getTime()) / 1000));
  const id = await jobs.send('weekly-report', { week }, { startAfterSeconds, singletonKey: `weekly-report:${week}` });
  return id !== null;
}

/**
 * The job's run: a week not over yet by the back office's clock (a database clock ahead of it) is
 * planned again; otherwise its reports are made and the next week's job planned.
 */
export async function runWeeklyReportJob(db: Queryable, jobs: JobQueue, week: string, now: Date): Promise<void> {
  if (now.getTime() < parseIsoWeek(week).to.getTime()) {
    await planWeeklyReport(jobs, week, now);
    return;
  }
  await generateWeeklyReports(db, week, now);
  await planWeeklyReport(jobs, nextIsoWeek(week).week, now);
}

/**
 * At each start: the current week's job is planned (a no-op when it is). A week whose job never ran
 * (the back office was new, or down for its whole retry span) is made when first asked for
 * (weeklyReport), not at start, so that starting stays quick.
 */
export async function ensureWeeklyReportPlanned(jobs: JobQueue, now: Date): Promise<void> {
  await planWeeklyReport(jobs, isoWeekOf(now).week, now);
}
