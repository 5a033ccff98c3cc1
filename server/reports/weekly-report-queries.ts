import { DESIGN_SERVICE_MINUTES } from '../../src/protocol/weekly-report';
import type { Queryable } from '../db/database';
import type { IsoWeekRange } from '../../src/domain/iso-week';
import { scopeCondition, type ResolvedScope } from './report-scope';

/*
 * The weekly report's SQL (docs/pilot-report.md), each statement reading its table through its
 * time index: the week's journeys by started_at (three passes: the counts, the receipts' times,
 * the faults; and a probe per terminal), the applications made in the week by created_at, the
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
  const where = scopeCondition(scope, 4, { centre: 'centre_id', terminal: 'terminal_id' });
  // $1…$4 in every statement: the week's instants, what had arrived by then, the scope; $5, $6 the week's dates for the folds.
  const params = [range.from, range.to, asOf, where.param];
  const withDays = [...params, range.monday, range.sunday];
  const week = `started_at >= $1 AND started_at < $2 AND received_at <= $3 AND ${where.sql}`;
  const foldedWeek = `day >= $5::date AND day <= $6::date AND received_at <= $3 AND ${where.sql}`;
  // The week's journeys in one pass into a small cube (a few thousand cells whatever the number of
  // journeys: no terminal among its keys), and every count of the report rolled up from it.
  const cube = await db.query<{ figures: Omit<JourneyFigures, 'terminals' | 'faults' | 'full'> & { full: Omit<JourneyFigures['full'], 'medianMs' | 'p90Ms'> } }>(
    `WITH c AS MATERIALIZED (
       SELECT service, document, outcome, outcome_step, outcome_code, furthest_step,
              ((started_at AT TIME ZONE 'UTC') + interval '5 hours')::date AS day,
              count(*) AS n,
              count(*) FILTER (WHERE cardinality(offline_steps) > 0) AS offline,
              -- An interrupted journey is closed when the kiosk next starts, maybe hours later: not time at the terminal.
              coalesce(sum(GREATEST(0, (extract(epoch FROM ended_at - started_at) * 1000)::bigint)) FILTER (WHERE outcome <> 'interrupted'), 0) AS journey_ms,
              count(service_ms) AS measured,
              count(*) FILTER (WHERE service_ms > ${DESIGN_SERVICE_MINUTES * 60_000}) AS over5,
              count(*) FILTER (WHERE fee_kind = 'paid') AS paid,
              coalesce(sum(fee_tiyn) FILTER (WHERE fee_kind = 'paid'), 0) AS paid_tiyn,
              count(*) FILTER (WHERE fee_kind = 'exempt') AS exempt,
              count(*) FILTER (WHERE fee_kind = 'deferred') AS deferred,
              coalesce(sum(fee_tiyn) FILTER (WHERE fee_kind = 'deferred'), 0) AS deferred_tiyn
       FROM journey_telemetry WHERE ${week}
       GROUP BY service, document, outcome, outcome_step, outcome_code, furthest_step, day
     ), f AS MATERIALIZED (
       SELECT day, outcome, outcome_step, sum(journeys) AS n
       FROM journey_telemetry_counts WHERE ${foldedWeek}
       GROUP BY day, outcome, outcome_step
     )
     SELECT json_build_object(
       'full', (SELECT json_build_object(
           'started', coalesce(sum(n), 0),
           'applications', coalesce(sum(n) FILTER (WHERE outcome = 'receipt'), 0),
           'offline', coalesce(sum(offline), 0),
           'journeyMs', coalesce(sum(journey_ms), 0),
           'measured', coalesce(sum(measured) FILTER (WHERE outcome = 'receipt'), 0),
           'over5', coalesce(sum(over5) FILTER (WHERE outcome = 'receipt'), 0),
           'paid', coalesce(sum(paid), 0),
           'paidTiyn', coalesce(sum(paid_tiyn), 0),
           'exempt', coalesce(sum(exempt), 0),
           'deferred', coalesce(sum(deferred), 0),
           'deferredTiyn', coalesce(sum(deferred_tiyn), 0)) FROM c),
       'folded', (SELECT json_build_object(
           'started', coalesce(sum(n), 0),
           'applications', coalesce(sum(n) FILTER (WHERE outcome = 'receipt'), 0)) FROM f),
       'byService', (SELECT coalesce(json_agg(x ORDER BY x.service NULLS LAST, x.document NULLS LAST), '[]')
           FROM (SELECT service, document, sum(n) AS started, coalesce(sum(n) FILTER (WHERE outcome = 'receipt'), 0) AS applications
                 FROM c GROUP BY service, document) x),
       'furthest', (SELECT coalesce(json_agg(x), '[]') FROM (SELECT furthest_step AS step, sum(n) AS n FROM c GROUP BY furthest_step) x),
       'foldedEnded', (SELECT coalesce(json_agg(x), '[]') FROM (SELECT outcome_step AS step, sum(n) AS n FROM f GROUP BY outcome_step) x),
       'ended', (SELECT coalesce(json_agg(x), '[]') FROM (
           SELECT step, outcome, sum(n) AS n FROM (
             SELECT outcome_step AS step, outcome, n FROM c UNION ALL SELECT outcome_step, outcome, n FROM f) u
           GROUP BY step, outcome) x),
       'refusals', (SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.code), '[]')
           FROM (SELECT coalesce(outcome_code, 'unknown') AS code, sum(n) AS count FROM c WHERE outcome = 'refused' GROUP BY 1) x),
       'operator', (SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.cause), '[]')
           FROM (SELECT coalesce(outcome_code, 'unknown') AS cause, sum(n) AS count FROM c WHERE outcome = 'operator' GROUP BY 1) x),
       'days', (SELECT coalesce(json_agg(x ORDER BY x.day), '[]') FROM (
           SELECT day::text AS day, sum(n) AS journeys, coalesce(sum(n) FILTER (WHERE outcome = 'receipt'), 0) AS applications
           FROM (SELECT day, outcome, n FROM c UNION ALL SELECT day, outcome, n FROM f) u GROUP BY day) x)
     ) AS figures`,
    withDays,
  );
  // Service time: the receipts' exact percentiles (one sort of the week's receipts).
  const times = await db.query<{ p: [number, number] | null }>(
    `SELECT percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY service_ms) AS p
     FROM journey_telemetry WHERE ${week} AND outcome = 'receipt' AND service_ms IS NOT NULL`,
    params,
  );
  const faults = await db.query<{ device: string; code: string; count: number }>(
    `SELECT e->>'device' AS device, e->>'code' AS code, count(*)::int AS count
     FROM journey_telemetry CROSS JOIN LATERAL jsonb_array_elements(faults) e
     WHERE ${week} AND faults <> '[]'::jsonb
     GROUP BY 1, 2 ORDER BY count DESC, device, code`,
    params,
  );
  // The terminals heard from: one probe of the (terminal, started_at) index per terminal of the
  // scope, not a pass over the week. (A terminal moved out of the scope since is not probed.)
  const probed = scopeCondition(scope, 4, { centre: 't.centre_id', terminal: 't.terminal_id' });
  const terminals = await db.query<{ terminal_id: string; centre_id: string }>(
    `SELECT t.terminal_id, j.centre_id FROM terminals t
     CROSS JOIN LATERAL (SELECT centre_id FROM journey_telemetry
                         WHERE terminal_id = t.terminal_id AND ${week} ORDER BY started_at LIMIT 1) j
     WHERE ${probed.sql}
     UNION
     SELECT DISTINCT terminal_id, centre_id FROM journey_telemetry_counts WHERE ${foldedWeek}`,
    withDays,
  );
  const figures = cube.rows[0]!.figures;
  const p = times.rows[0]?.p ?? null;
  return {
    ...figures,
    full: { ...figures.full, medianMs: p?.[0] ?? null, p90Ms: p?.[1] ?? null },
    faults: faults.rows,
    terminals: terminals.rows,
  };
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
