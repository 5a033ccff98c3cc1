import { DESIGN_SERVICE_MINUTES } from '../../src/protocol/weekly-report';
import type { Queryable } from '../db/database';
import type { IsoWeekRange } from './iso-week';
import { scopeCondition, type ResolvedScope } from './report-scope';

/*
 * The weekly report's SQL (docs/pilot-report.md): three statements, each reading its table once
 * through its time index — the week's journeys by started_at (then every aggregate over that
 * materialised slice, in one statement), the applications made in the week by created_at, the
 * out-of-order stretches by started_at. Only rows the back office had received by `asOf` count,
 * so a report generated again for the same instant gives the same numbers whatever arrived later.
 * Sums are of integers (milliseconds): a parallel plan adding floats in another order cannot
 * change a digit.
 */

export interface JourneyFigures {
  full: {
    started: number;
    applications: number;
    offline: number;
    journeyMs: number;
    measured: number;
    medianMs: number | null;
    p90Ms: number | null;
    over5: number;
    paid: number;
    paidTiyn: number;
    exempt: number;
    deferred: number;
    deferredTiyn: number;
  };
  folded: { started: number; applications: number };
  byService: { service: string | null; document: string | null; started: number; applications: number }[];
  /** Full records by their furthest step. */
  furthest: { step: string; n: number }[];
  /** Folded journeys by the step they ended at. */
  foldedEnded: { step: string; n: number }[];
  ended: { step: string; outcome: string; n: number }[];
  refusals: { code: string; count: number }[];
  operator: { cause: string; count: number }[];
  days: { day: string; journeys: number; applications: number }[];
  faults: { device: string; code: string; count: number }[];
  terminals: { terminal_id: string; centre_id: string }[];
}

export async function journeyFigures(db: Queryable, range: IsoWeekRange, scope: ResolvedScope, asOf: Date): Promise<JourneyFigures> {
  const where = scopeCondition(scope, 6, { centre: 'centre_id', terminal: 'terminal_id' });
  const { rows } = await db.query<{ figures: JourneyFigures }>(
    `WITH w AS MATERIALIZED (
       SELECT terminal_id, centre_id, started_at, ended_at, service, document, outcome, outcome_step, outcome_code,
              furthest_step, cardinality(offline_steps) > 0 AS offline, faults, service_ms, fee_kind, fee_tiyn
       FROM journey_telemetry
       WHERE started_at >= $1 AND started_at < $2 AND received_at <= $5 AND ${where.sql}
     ), f AS MATERIALIZED (
       SELECT terminal_id, centre_id, day, outcome, outcome_step, journeys
       FROM journey_telemetry_counts
       WHERE day >= $3::date AND day <= $4::date AND received_at <= $5 AND ${where.sql}
     )
     SELECT json_build_object(
       'full', (SELECT json_build_object(
           'started', count(*),
           'applications', count(*) FILTER (WHERE outcome = 'receipt'),
           'offline', count(*) FILTER (WHERE offline),
           -- An interrupted journey is closed when the kiosk next starts, maybe hours later: not time at the terminal.
           'journeyMs', coalesce(sum(GREATEST(0, (extract(epoch FROM ended_at - started_at) * 1000)::bigint)) FILTER (WHERE outcome <> 'interrupted'), 0),
           'measured', count(service_ms) FILTER (WHERE outcome = 'receipt'),
           'medianMs', percentile_cont(0.5) WITHIN GROUP (ORDER BY service_ms) FILTER (WHERE outcome = 'receipt'),
           'p90Ms', percentile_cont(0.9) WITHIN GROUP (ORDER BY service_ms) FILTER (WHERE outcome = 'receipt'),
           'over5', count(*) FILTER (WHERE outcome = 'receipt' AND service_ms > ${DESIGN_SERVICE_MINUTES * 60_000}),
           'paid', count(*) FILTER (WHERE fee_kind = 'paid'),
           'paidTiyn', coalesce(sum(fee_tiyn) FILTER (WHERE fee_kind = 'paid'), 0),
           'exempt', count(*) FILTER (WHERE fee_kind = 'exempt'),
           'deferred', count(*) FILTER (WHERE fee_kind = 'deferred'),
           'deferredTiyn', coalesce(sum(fee_tiyn) FILTER (WHERE fee_kind = 'deferred'), 0)) FROM w),
       'folded', (SELECT json_build_object(
           'started', coalesce(sum(journeys), 0),
           'applications', coalesce(sum(journeys) FILTER (WHERE outcome = 'receipt'), 0)) FROM f),
       'byService', (SELECT coalesce(json_agg(x ORDER BY x.service NULLS LAST, x.document NULLS LAST), '[]')
           FROM (SELECT service, document, count(*) AS started, count(*) FILTER (WHERE outcome = 'receipt') AS applications
                 FROM w GROUP BY service, document) x),
       'furthest', (SELECT coalesce(json_agg(x), '[]') FROM (SELECT furthest_step AS step, count(*) AS n FROM w GROUP BY furthest_step) x),
       'foldedEnded', (SELECT coalesce(json_agg(x), '[]') FROM (SELECT outcome_step AS step, sum(journeys) AS n FROM f GROUP BY outcome_step) x),
       'ended', (SELECT coalesce(json_agg(x), '[]') FROM (
           SELECT step, outcome, sum(n) AS n FROM (
             SELECT outcome_step AS step, outcome, count(*) AS n FROM w GROUP BY outcome_step, outcome
             UNION ALL SELECT outcome_step, outcome, sum(journeys) FROM f GROUP BY outcome_step, outcome) u
           GROUP BY step, outcome) x),
       'refusals', (SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.code), '[]')
           FROM (SELECT coalesce(outcome_code, 'unknown') AS code, count(*) AS count FROM w WHERE outcome = 'refused' GROUP BY 1) x),
       'operator', (SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.cause), '[]')
           FROM (SELECT coalesce(outcome_code, 'unknown') AS cause, count(*) AS count FROM w WHERE outcome = 'operator' GROUP BY 1) x),
       'days', (SELECT coalesce(json_agg(x ORDER BY x.day), '[]') FROM (
           SELECT day::text AS day, sum(j) AS journeys, sum(a) AS applications FROM (
             SELECT ((started_at AT TIME ZONE 'UTC') + interval '5 hours')::date AS day, count(*) AS j,
                    count(*) FILTER (WHERE outcome = 'receipt') AS a
             FROM w GROUP BY 1
             UNION ALL SELECT day, sum(journeys), coalesce(sum(journeys) FILTER (WHERE outcome = 'receipt'), 0) FROM f GROUP BY day) u
           GROUP BY day) x),
       'faults', (SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.device, x.code), '[]')
           FROM (SELECT e->>'device' AS device, e->>'code' AS code, count(*) AS count
                 FROM w CROSS JOIN LATERAL jsonb_array_elements(w.faults) e GROUP BY 1, 2) x),
       'terminals', (SELECT coalesce(json_agg(x), '[]') FROM (
           SELECT DISTINCT terminal_id, centre_id FROM w UNION SELECT DISTINCT terminal_id, centre_id FROM f) x)
     ) AS figures`,
    [range.from, range.to, range.monday, range.sunday, asOf, where.param],
  );
  return rows[0]!.figures;
}

export interface ArrivalFigures {
  applications: number;
  medianS: number | null;
  p95S: number | null;
  maxS: number | null;
  terminals: { terminal_id: string; centre_id: string }[];
}

/** Applications made in the week (by their receipt's time): made to received (an offline one arrives with its packet). Test applications are not the pilot's. */
export async function arrivalFigures(db: Queryable, range: IsoWeekRange, scope: ResolvedScope, asOf: Date): Promise<ArrivalFigures> {
  const where = scopeCondition(scope, 4, { centre: 'centre_id', terminal: 'terminal_id' });
  const { rows } = await db.query<{ figures: ArrivalFigures }>(
    `WITH a AS MATERIALIZED (
       SELECT terminal_id, centre_id, GREATEST(0, extract(epoch FROM received_at - created_at))::float8 AS delay
       FROM applications
       WHERE created_at >= $1 AND created_at < $2 AND received_at <= $3 AND NOT is_test AND ${where.sql}
     )
     SELECT json_build_object(
       'applications', (SELECT count(*) FROM a),
       'medianS', (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY delay) FROM a),
       'p95S', (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY delay) FROM a),
       'maxS', (SELECT max(delay) FROM a),
       'terminals', (SELECT coalesce(json_agg(x), '[]') FROM (SELECT DISTINCT terminal_id, centre_id FROM a) x)
     ) AS figures`,
    [range.from, range.to, asOf, where.param],
  );
  return rows[0]!.figures;
}

export interface OutOfOrderFigures {
  byFault: { fault: string; ms: number }[];
  terminals: { terminal_id: string; centre_id: string }[];
}

/** Each stretch clipped to the week and to `asOf` (one still lasting, or ended after `asOf`, counts until `asOf`). A terminal's centre is its current one. */
export async function outOfOrderFigures(db: Queryable, range: IsoWeekRange, scope: ResolvedScope, asOf: Date): Promise<OutOfOrderFigures> {
  const where = scopeCondition(scope, 4, { centre: 't.centre_id', terminal: 'o.terminal_id' });
  const { rows } = await db.query<{ figures: OutOfOrderFigures }>(
    `WITH s AS MATERIALIZED (
       SELECT o.terminal_id, t.centre_id, o.fault,
              GREATEST(0, (extract(epoch FROM
                LEAST(CASE WHEN o.ended_at IS NULL OR o.ended_at > $3 THEN $3 ELSE o.ended_at END, $2) - GREATEST(o.started_at, $1)) * 1000)::bigint) AS ms
       FROM terminal_out_of_order o JOIN terminals t ON t.terminal_id = o.terminal_id
       WHERE o.started_at < $2 AND o.started_at <= $3 AND (o.ended_at IS NULL OR o.ended_at > $1) AND ${where.sql}
     )
     SELECT json_build_object(
       'byFault', (SELECT coalesce(json_agg(x ORDER BY x.ms DESC, x.fault), '[]')
                   FROM (SELECT fault, sum(ms) AS ms FROM s GROUP BY fault HAVING sum(ms) > 0) x),
       'terminals', (SELECT coalesce(json_agg(x), '[]') FROM (SELECT DISTINCT terminal_id, centre_id FROM s WHERE ms > 0) x)
     ) AS figures`,
    [range.from, range.to, asOf, where.param],
  );
  return rows[0]!.figures;
}

/** The opening hours of the given centres; a centre the reference tables do not list is absent. */
export async function centreHours(db: Queryable, centres: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (centres.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; hours: Record<string, unknown> }>('SELECT id, hours FROM centres WHERE id = ANY($1::text[])', [centres]);
  return new Map(rows.map((r) => [r.id, r.hours]));
}
