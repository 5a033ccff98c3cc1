// Terminals past the first GENERATED_TERMINALS are made in SQL from those: terminal k copies terminal
// k mod 60 (the same centre when the centres divide 60, as the seed's 20 do), enrolled 1 to 12 weeks later — its
// journeys shifted by whole weeks, so weekdays and opening hours still hold, and what would fall
// after the seed's "now" dropped. New ids, the fee re-priced at the MRP of the year it lands in.
// Nothing leaves the server: 500 terminals' year takes minutes, not the hour generating each would.
import { MRP_BY_YEAR } from '../../../src/domain/fees';
import type { Database, Queryable } from '../../db/database';
import type { PilotTerminal } from './pilot-fleet';

export const GENERATED_TERMINALS = 60;

export function cloneShiftDays(index: number): number {
  return 7 * (1 + (index % 12));
}

const MRP = `(SELECT * FROM unnest($7::int[], $8::numeric[]) AS m(year, tenge))`;
// Kazakhstan's time is UTC+5 all year: an offset, not a zone name the server's tzdata may date.
const KZ_YEAR = (column: string) => `extract(year FROM (${column}) AT TIME ZONE 'UTC' + interval '5 hours')::int`;
const KZ_TODAY = `(($6::timestamptz AT TIME ZONE 'UTC') + interval '5 hours')::date`;
// An application number is the Crockford base-32 of the id's first 60 bits (src/domain/application.ts).
const NUMBER = (id: string) => `(SELECT substr(n, 1, 4) || '-' || substr(n, 5, 4) || '-' || substr(n, 9, 4)
  FROM (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ',
      (((('x' || substr(replace(${id}::text, '-', ''), 1, 15))::bit(60)::bigint) >> (5 * (11 - i))) & 31)::int + 1, 1), '' ORDER BY i) AS n
    FROM generate_series(0, 11) i) x)`;

/** Copies each source's rows to its clone; the clones are the terminals given, their sources already in the database. */
export async function cloneTerminals(db: Database, clones: readonly PilotTerminal[], sources: readonly string[], now: Date): Promise<{ journeys: number; applications: number; outOfOrder: number }> {
  const params = [
    clones.map((c) => c.terminalId),
    sources,
    clones.map((c) => cloneShiftDays(c.index)),
    clones.map((c) => c.name),
    clones.map((c) => c.centre.id),
    now,
    Object.keys(MRP_BY_YEAR).map(Number),
    Object.values(MRP_BY_YEAR),
  ];
  const pairs = `(SELECT terminal_id, source_id, shift_days * interval '1 day' AS shift, name, centre_id
    FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[]) AS c(terminal_id, source_id, shift_days, name, centre_id)) c`;
  // Keeps an amount in tiyn where both years' MRP are known; otherwise leaves it as it was.
  const reprice = (amount: string, from: string, to: string) =>
    `CASE WHEN ${amount} IS NULL THEN NULL ELSE coalesce(round(${amount} * (SELECT tenge FROM ${MRP} m WHERE m.year = ${KZ_YEAR(to)}) / (SELECT tenge FROM ${MRP} m WHERE m.year = ${KZ_YEAR(from)})), ${amount}) END`;
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO terminals (terminal_id, centre_id, name, public_key, created_at, enrolled_at)
       SELECT c.terminal_id, c.centre_id, c.name, t.public_key, t.created_at + c.shift, t.enrolled_at + c.shift
       FROM ${pairs} JOIN terminals t ON t.terminal_id = c.source_id`,
      params.slice(0, 5),
    );
    const journeys = await count(
      tx,
      `INSERT INTO journey_telemetry
       SELECT md5(j.session_id::text || c.terminal_id)::uuid, c.terminal_id, c.centre_id, j.started_at + c.shift, j.ended_at + c.shift,
         j.lang, j.service, j.document, j.outcome, j.outcome_step, j.outcome_code, j.furthest_step,
         (SELECT jsonb_agg(jsonb_build_object('step', e->>'step', 'at',
             to_char(((e->>'at')::timestamptz + c.shift) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY o)
          FROM jsonb_array_elements(j.steps) WITH ORDINALITY s(e, o)),
         j.offline_steps, j.faults, j.service_ms, j.fee_kind,
         ${reprice('j.fee_tiyn', 'j.started_at', 'j.started_at + c.shift')}::bigint,
         md5(j.body_hash || c.terminal_id), j.received_at + c.shift
       FROM ${pairs} JOIN journey_telemetry j ON j.terminal_id = c.source_id
       WHERE j.received_at + c.shift <= $6`,
      params,
    );
    const applications = await count(
      tx,
      `INSERT INTO applications (id, number, iin, service, document, lang, phone, fee_tiyn, centre_id, terminal_id,
         created_at, received_at, ready_by, status, body_hash, photo_jpeg, signature_png)
       SELECT n.id, ${NUMBER('n.id')}, a.iin, a.service, a.document, a.lang, a.phone,
         ${reprice('a.fee_tiyn', 'a.created_at', 'a.created_at + c.shift')}::int, c.centre_id, c.terminal_id,
         a.created_at + c.shift, a.received_at + c.shift, a.ready_by + extract(day FROM c.shift)::int,
         CASE WHEN a.status = 'rejected' THEN 'rejected'
              WHEN a.ready_by + extract(day FROM c.shift)::int < ${KZ_TODAY} - 20 THEN 'issued'
              WHEN a.ready_by + extract(day FROM c.shift)::int <= ${KZ_TODAY} THEN 'ready'
              ELSE 'in_production' END,
         a.body_hash, a.photo_jpeg, a.signature_png
       FROM ${pairs} JOIN applications a ON a.terminal_id = c.source_id
         CROSS JOIN LATERAL (SELECT md5(a.id::text || c.terminal_id)::uuid AS id) n
       WHERE a.received_at + c.shift <= $6`,
      params,
    );
    const outOfOrder = await count(
      tx,
      `INSERT INTO terminal_out_of_order (terminal_id, fault, started_at, ended_at)
       SELECT c.terminal_id, o.fault, o.started_at + c.shift, CASE WHEN o.ended_at + c.shift <= $6 THEN o.ended_at + c.shift END
       FROM ${pairs} JOIN terminal_out_of_order o ON o.terminal_id = c.source_id
       WHERE o.started_at + c.shift < $6`,
      params.slice(0, 6),
    );
    return { journeys, applications, outOfOrder };
  });
}

async function count(tx: Queryable, insert: string, params: unknown[]): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(`WITH ins AS (${insert} RETURNING 1) SELECT count(*)::int AS n FROM ins`, params);
  return rows[0]?.n ?? 0;
}
