import { STEP_IDS } from '../../src/flow/steps';
import { JOURNEY_OUTCOMES, type JourneyOutcome } from '../../src/protocol/telemetry';
import {
  DESIGN_APPLICATIONS_A_DAY,
  DESIGN_APPLICATIONS_A_MONTH,
  REPORT_VERSION,
  type WeeklyReport,
} from '../../src/protocol/weekly-report';
import type { Queryable } from '../db/database';
import { parseIsoWeek, type IsoWeekRange } from './iso-week';
import { openTime } from './open-hours';
import { resolveScope, type ResolvedScope } from './report-scope';
import { arrivalFigures, centreHours, journeyFigures, outOfOrderFigures, type JourneyFigures } from './weekly-report-queries';

/*
 * The weekly pilot report (src/protocol/weekly-report.ts, docs/pilot-report.md) for one ISO week
 * and one scope, as the back office held its data at `now`: only what had been received by then
 * counts, so the same week, scope and instant give the same numbers however often it is computed.
 * The SQL is in weekly-report-queries.ts; what is put together here is arithmetic on its counts.
 */

export type ReportProblems = WeeklyReport['problems'];

export interface WeeklyReportOptions {
  /** The problems register's entries of the week in the scope (server/problems/, wired by the app); none without it. */
  problems?: (db: Queryable, range: IsoWeekRange, scope: ResolvedScope) => Promise<ReportProblems>;
}

/** Working days of a month in the design figures: 2,376 / 108. */
const WORKING_DAYS_A_MONTH = DESIGN_APPLICATIONS_A_MONTH / DESIGN_APPLICATIONS_A_DAY;

/** 'invalid_week', 'invalid_scope' or 'unknown_scope' (ReportError) for a week or scope that cannot be. */
export async function computeWeeklyReport(db: Queryable, week: string, scope: string, now: Date, options: WeeklyReportOptions = {}): Promise<WeeklyReport> {
  const range = parseIsoWeek(week);
  const resolved = await resolveScope(db, scope);
  // One after the other: PGlite has one connection, and on PostgreSQL each is a single index range.
  const journeys = await journeyFigures(db, range, resolved, now);
  const arrival = await arrivalFigures(db, range, resolved, now);
  const outOfOrder = await outOfOrderFigures(db, range, resolved, now);
  const terminals = activeTerminals([...journeys.terminals, ...arrival.terminals, ...outOfOrder.terminals]);
  const hours = await centreHours(db, [...new Set(terminals.values())]);
  const open = [...terminals.values()].map((centre) => openTime(hours.get(centre) ?? null, range.days));
  const problems = options.problems ? await options.problems(db, range, resolved) : [];

  const started = journeys.full.started + journeys.folded.started;
  const applications = journeys.full.applications + journeys.folded.applications;
  const openHours = open.reduce((sum, o) => sum + o.hours, 0);
  const openDays = open.reduce((sum, o) => sum + o.days, 0);
  const perTerminalDay = openDays > 0 ? applications / openDays : null;
  const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
  return {
    v: REPORT_VERSION,
    week: range.week,
    from: range.monday,
    to: range.sunday,
    scope: resolved.scope,
    scopeName: resolved.name,
    generatedAt: now.toISOString(),
    terminals: terminals.size,
    journeys: {
      started,
      applications,
      completionRate: share(applications, started),
      folded: journeys.folded.started,
      byService: journeys.byService.map((s) => ({
        service: s.service as WeeklyReport['journeys']['byService'][number]['service'],
        document: s.document as WeeklyReport['journeys']['byService'][number]['document'],
        started: s.started,
        applications: s.applications,
      })),
    },
    funnel: funnel(journeys),
    refusals: journeys.refusals,
    operator: journeys.operator,
    serviceTime: {
      measured: journeys.full.measured,
      medianS: seconds(journeys.full.medianMs),
      p90S: seconds(journeys.full.p90Ms),
      over5MinShare: share(journeys.full.over5, journeys.full.measured),
    },
    throughput: {
      days: range.days.map((date) => {
        const day = journeys.days.find((d) => d.day === date);
        return { date, journeys: day?.journeys ?? 0, applications: day?.applications ?? 0 };
      }),
      perTerminalDay,
      designDay: DESIGN_APPLICATIONS_A_DAY,
      perTerminalMonth: perTerminalDay === null ? null : perTerminalDay * WORKING_DAYS_A_MONTH,
      designMonth: DESIGN_APPLICATIONS_A_MONTH,
      openHours,
      utilisation: openHours > 0 ? Math.min(1, journeys.full.journeyMs / (openHours * 3_600_000)) : null,
    },
    offline: {
      // Folded journeys kept no steps: the share is of the journeys recorded in full.
      journeyShare: share(journeys.full.offline, journeys.full.started),
      arrival: { applications: arrival.applications, medianS: arrival.medianS, p95S: arrival.p95S, maxS: arrival.maxS },
    },
    outOfOrder: outOfOrder.byFault.map((f) => ({ fault: f.fault, minutes: f.ms / 60_000 })),
    deviceFaults: journeys.faults,
    fees: {
      paid: { journeys: journeys.full.paid, tiyn: journeys.full.paidTiyn },
      exempt: { journeys: journeys.full.exempt },
      deferred: { journeys: journeys.full.deferred, tiyn: journeys.full.deferredTiyn },
    },
    problems,
  };
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The terminals that did anything in the week (a journey, an application, time out of order),
 * each with its centre: the one it worked in, or the first by id if it moved within the week.
 */
function activeTerminals(rows: readonly { terminal_id: string; centre_id: string }[]): Map<string, string> {
  const terminals = new Map<string, string>();
  for (const r of [...rows].sort((a, b) => a.centre_id.localeCompare(b.centre_id))) if (!terminals.has(r.terminal_id)) terminals.set(r.terminal_id, r.centre_id);
  return terminals;
}

/**
 * Each step in the journey's order: how many reached it (a full record by its furthest step; a
 * folded one, which kept only where it ended, by that step) and how those that ended there ended.
 */
export function funnel(figures: Pick<JourneyFigures, 'furthest' | 'foldedEnded' | 'ended'>): WeeklyReport['funnel'] {
  const index = (step: string) => (STEP_IDS as readonly string[]).indexOf(step);
  const furthest = new Map<number, number>();
  const add = (step: string, n: number) => {
    const i = index(step);
    if (i >= 0) furthest.set(i, (furthest.get(i) ?? 0) + n);
  };
  for (const f of [...figures.furthest, ...figures.foldedEnded]) add(f.step, f.n);
  return STEP_IDS.map((step, i) => {
    const left = JOURNEY_OUTCOMES.flatMap((outcome: JourneyOutcome) => {
      const count = figures.ended.filter((e) => e.step === step && e.outcome === outcome).reduce((sum, e) => sum + e.n, 0);
      return count > 0 ? [{ outcome, count }] : [];
    });
    return { step, reached: [...furthest].filter(([j]) => j >= i).reduce((sum, [, n]) => sum + n, 0), left };
  });
}

/**
 * The week's report as kept (weekly_reports), or computed now and kept when the week is over and
 * none is: two processes asking at once keep one (the first insert wins, both return it). A week
 * not yet over is computed and not kept, so its figures are never frozen half-way.
 */
export async function weeklyReport(db: Queryable, week: string, scope: string, now: Date, options: WeeklyReportOptions = {}): Promise<WeeklyReport> {
  const range = parseIsoWeek(week);
  const kept = await keptWeeklyReport(db, range.week, scope);
  if (kept) return kept;
  const report = await computeWeeklyReport(db, range.week, scope, now, options);
  if (now.getTime() < range.to.getTime()) return report;
  await db.query(
    `INSERT INTO weekly_reports (week, scope, generated_at, report) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (week, scope) DO NOTHING`,
    [report.week, report.scope, now, JSON.stringify(report)],
  );
  return (await keptWeeklyReport(db, report.week, report.scope)) ?? report;
}

export async function keptWeeklyReport(db: Queryable, week: string, scope: string): Promise<WeeklyReport | null> {
  const { rows } = await db.query<{ report: WeeklyReport }>('SELECT report FROM weekly_reports WHERE week = $1 AND scope = $2', [week, scope]);
  return rows[0]?.report ?? null;
}

/**
 * The kept report generated again from the data, as the back office held it when it was kept: the
 * same numbers, or the data behind them has changed since (a row deleted or rewritten). Null when
 * none is kept. The problems register is read as it stands now (statuses move on).
 */
export async function regenerateWeeklyReport(db: Queryable, week: string, scope: string, options: WeeklyReportOptions = {}): Promise<WeeklyReport | null> {
  const kept = await keptWeeklyReport(db, parseIsoWeek(week).week, scope);
  if (!kept) return null;
  return computeWeeklyReport(db, kept.week, kept.scope, new Date(kept.generatedAt), options);
}
