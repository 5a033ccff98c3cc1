import type { TelemetryBatch, TelemetryReceived } from '../../src/protocol/telemetry';
import { canonicalHash } from '../canonical-json';
import type { Database } from '../db/database';
import { furthestStep } from './check-batch';

export interface TelemetrySender {
  terminalId: string;
  /** The terminal's centre now: its journeys stay where they happened if it moves later. */
  centreId: string;
}

/**
 * Keeps a checked batch (./check-batch.ts): each journey once by its session id, each fold once by
 * its fold id, whatever the kiosk sends again. One statement per table for the whole batch, since
 * every terminal of the pilot drains into the same tables.
 *
 * A session id already held under another body or another terminal is a conflict: the first kept,
 * the kiosk told. A fold id already held adds nothing, whoever sent it.
 */
export async function storeTelemetry(db: Database, sender: TelemetrySender, batch: TelemetryBatch, receivedAt: Date): Promise<TelemetryReceived> {
  const journeys = batch.journeys.map((r) => ({
    session_id: r.sessionId,
    started_at: r.startedAt,
    ended_at: r.endedAt,
    lang: r.lang,
    service: r.service,
    document: r.document,
    outcome: r.outcome,
    outcome_step: r.outcomeStep,
    outcome_code: r.outcomeCode,
    furthest_step: furthestStep(r.steps),
    steps: r.steps,
    offline_steps: r.offlineSteps,
    faults: r.faults,
    service_ms: r.serviceMs,
    fee_kind: r.fee?.kind ?? null,
    fee_tiyn: r.fee?.amountTiyn ?? null,
    body_hash: canonicalHash(r),
  }));
  const folds = batch.folds.flatMap((f) =>
    f.rows.map((row) => ({ fold_id: f.foldId, day: row.day, outcome: row.outcome, outcome_step: row.outcomeStep, journeys: row.journeys })),
  );
  const hashes = new Map(journeys.map((j) => [j.session_id, j.body_hash]));
  // Keys taken in one order by every process: two batches sharing records (a retry reordered) wait
  // for each other instead of deadlocking.
  journeys.sort((a, b) => (a.session_id < b.session_id ? -1 : a.session_id > b.session_id ? 1 : 0));
  folds.sort((a, b) => (a.fold_id < b.fold_id ? -1 : a.fold_id > b.fold_id ? 1 : 0));

  const conflicts = await db.transaction(async (tx) => {
    let inserted = new Set<string>();
    if (journeys.length > 0) {
      const { rows } = await tx.query<{ session_id: string }>(
        `INSERT INTO journey_telemetry (session_id, terminal_id, centre_id, started_at, ended_at, lang, service, document, outcome,
           outcome_step, outcome_code, furthest_step, steps, offline_steps, faults, service_ms, fee_kind, fee_tiyn, body_hash, received_at)
         SELECT x.session_id, $2, $3, x.started_at, x.ended_at, x.lang, x.service, x.document, x.outcome,
           x.outcome_step, x.outcome_code, x.furthest_step, x.steps, x.offline_steps, x.faults, x.service_ms, x.fee_kind, x.fee_tiyn, x.body_hash, $4
         FROM jsonb_to_recordset($1::jsonb) AS x(session_id uuid, started_at timestamptz, ended_at timestamptz, lang text, service text,
           document text, outcome text, outcome_step text, outcome_code text, furthest_step text, steps jsonb, offline_steps text[],
           faults jsonb, service_ms integer, fee_kind text, fee_tiyn bigint, body_hash text)
         ON CONFLICT (session_id) DO NOTHING
         RETURNING session_id::text`,
        [JSON.stringify(journeys), sender.terminalId, sender.centreId, receivedAt],
      );
      inserted = new Set(rows.map((r) => r.session_id));
    }
    // Read after the insert, not in it: a copy another process committed meanwhile is seen here.
    const notInserted = journeys.map((j) => j.session_id).filter((id) => !inserted.has(id));
    const found: string[] = [];
    if (notInserted.length > 0) {
      const { rows } = await tx.query<{ session_id: string; terminal_id: string; body_hash: string }>(
        'SELECT session_id::text, terminal_id, body_hash FROM journey_telemetry WHERE session_id = ANY($1::uuid[])',
        [notInserted],
      );
      for (const held of rows) {
        if (held.terminal_id !== sender.terminalId || held.body_hash !== hashes.get(held.session_id)) found.push(held.session_id);
      }
    }
    if (folds.length > 0) {
      await tx.query(
        `INSERT INTO journey_telemetry_counts (fold_id, terminal_id, centre_id, day, outcome, outcome_step, journeys, received_at)
         SELECT x.fold_id, $2, $3, x.day, x.outcome, x.outcome_step, x.journeys, $4
         FROM jsonb_to_recordset($1::jsonb) AS x(fold_id uuid, day date, outcome text, outcome_step text, journeys integer)
         WHERE NOT EXISTS (SELECT 1 FROM journey_telemetry_counts c WHERE c.fold_id = x.fold_id)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(folds), sender.terminalId, sender.centreId, receivedAt],
      );
    }
    return new Set(found);
  });

  // Uuids are lower-case on the wire (src/protocol/common.ts), as PostgreSQL gives them back.
  const isConflict = (id: string) => conflicts.has(id);
  return {
    journeys: batch.journeys.map((r) => r.sessionId).filter((id) => !isConflict(id)),
    folds: batch.folds.map((f) => f.foldId),
    conflicts: batch.journeys.map((r) => r.sessionId).filter(isConflict),
  };
}
