import { kazakhstanDate } from '../../src/domain/dates';
import { STEP_IDS, type StepId } from '../../src/flow/steps';
import type { JourneyRecord, TelemetryBatch } from '../../src/protocol/telemetry';
import { REQUEST_MAX_SKEW_S } from '../../src/protocol/terminal-request';

/*
 * What the schema of a telemetry batch cannot say (docs/api.md, "Telemetry"). The kiosk's code is
 * ours: a record that breaks one of these is a bug, so the whole batch is refused with the first
 * fault found and the kiosk quarantines it, rather than the report counting half of a batch.
 */

export type TelemetryRefusal =
  | 'journey_repeated_in_batch'
  | 'journey_ends_before_start'
  | 'journey_steps_out_of_order'
  | 'journey_step_outside_journey'
  | 'journey_outcome_step_not_entered'
  | 'journey_outcome_code_mismatch'
  | 'journey_service_time_mismatch'
  | 'journey_fee_mismatch'
  | 'journey_in_future'
  | 'journey_too_old'
  | 'fold_repeated_in_batch'
  | 'fold_row_repeated'
  | 'fold_day_out_of_range';

export type BatchVerdict = { ok: true } | { ok: false; code: TelemetryRefusal; detail: string };

/** Older than this on arrival is no journey of the pilot's current year: a kiosk's clock gone wrong. */
export const MAX_RECORD_AGE_DAYS = 366;
/** serviceMs is measured on the kiosk's monotonic clock, the times on its wall clock: they may differ by this much. */
export const SERVICE_TIME_SLACK_MS = 1000;
const DAY_MS = 86_400_000;

/** Outcomes that carry a code: the refusal's, or the cause of sending to an operator. */
const CODED_OUTCOMES: ReadonlySet<JourneyRecord['outcome']> = new Set(['refused', 'operator']);

/** The furthest step of STEP_IDS among those entered: the funnel counts a journey up to it. */
export function furthestStep(steps: readonly { step: StepId }[]): StepId {
  let furthest = 0;
  for (const { step } of steps) furthest = Math.max(furthest, STEP_IDS.indexOf(step));
  return STEP_IDS[furthest]!;
}

export function checkTelemetryBatch(batch: TelemetryBatch, now: Date): BatchVerdict {
  const sessions = new Set<string>();
  for (const record of batch.journeys) {
    if (sessions.has(record.sessionId)) return refuse('journey_repeated_in_batch', record.sessionId, 'sent twice in one batch');
    sessions.add(record.sessionId);
    const verdict = checkJourney(record, now);
    if (!verdict.ok) return verdict;
  }
  const folds = new Set<string>();
  for (const fold of batch.folds) {
    if (folds.has(fold.foldId)) return refuse('fold_repeated_in_batch', fold.foldId, 'sent twice in one batch', 'fold');
    folds.add(fold.foldId);
    const earliest = kazakhstanDate(new Date(now.getTime() - MAX_RECORD_AGE_DAYS * DAY_MS));
    const latest = kazakhstanDate(new Date(now.getTime() + REQUEST_MAX_SKEW_S * 1000));
    const rows = new Set<string>();
    for (const row of fold.rows) {
      const key = `${row.day}|${row.outcome}|${row.outcomeStep}`;
      if (rows.has(key)) return refuse('fold_row_repeated', fold.foldId, `two rows for ${row.day}, ${row.outcome} at ${row.outcomeStep}`, 'fold');
      rows.add(key);
      if (row.day < earliest || row.day > latest) return refuse('fold_day_out_of_range', fold.foldId, `day ${row.day} is not within ${earliest}..${latest}`, 'fold');
    }
  }
  return { ok: true };
}

function checkJourney(r: JourneyRecord, now: Date): BatchVerdict {
  const started = Date.parse(r.startedAt);
  const ended = Date.parse(r.endedAt);
  const id = r.sessionId;
  if (ended < started) return refuse('journey_ends_before_start', id, 'endedAt is before startedAt');
  let previous = -Infinity;
  for (const { step, at } of r.steps) {
    const time = Date.parse(at);
    if (time < previous) return refuse('journey_steps_out_of_order', id, `step ${step} at ${at} is before the step entered before it`);
    if (time < started || time > ended) return refuse('journey_step_outside_journey', id, `step ${step} at ${at} is outside startedAt..endedAt`);
    previous = time;
  }
  // The kiosk leaves the start screen out of the steps (every journey was there), yet a citizen may
  // go back to it and walk away: the one outcome step that need not be among them.
  if (r.outcomeStep !== 'language' && !r.steps.some(({ step }) => step === r.outcomeStep)) {
    return refuse('journey_outcome_step_not_entered', id, `outcomeStep ${r.outcomeStep} is not among the steps entered`);
  }
  if (CODED_OUTCOMES.has(r.outcome) !== (r.outcomeCode !== null)) {
    return refuse('journey_outcome_code_mismatch', id, 'outcomeCode is for refused and operator, and only for them');
  }
  if ((r.outcome === 'receipt') !== (r.serviceMs !== null)) return refuse('journey_service_time_mismatch', id, 'serviceMs is for a receipt, and only for it');
  if (r.serviceMs !== null && r.serviceMs > ended - started + SERVICE_TIME_SLACK_MS) return refuse('journey_service_time_mismatch', id, 'serviceMs is longer than the journey');
  if (r.fee !== null && (r.fee.kind === 'exempt') !== (r.fee.amountTiyn === null) && r.fee.kind !== 'deferred') {
    return refuse('journey_fee_mismatch', id, 'an exempt fee has no amount, a paid one has');
  }
  if (ended > now.getTime() + REQUEST_MAX_SKEW_S * 1000) return refuse('journey_in_future', id, `endedAt ${r.endedAt} is later than the back office's clock allows`);
  if (started < now.getTime() - MAX_RECORD_AGE_DAYS * DAY_MS) return refuse('journey_too_old', id, `startedAt ${r.startedAt} is more than ${MAX_RECORD_AGE_DAYS} days ago`);
  return { ok: true };
}

function refuse(code: TelemetryRefusal, id: string, why: string, what: 'session' | 'fold' = 'session'): BatchVerdict {
  return { ok: false, code, detail: `${what} ${id}: ${why}` };
}
