import type { FoldedCounts, JourneyRecord } from '../protocol/telemetry';

/*
 * The terminal's store of journey records is bounded. Past TELEMETRY_CAP finished records waiting to
 * be sent (about 185 days of a busy terminal with no link: 108 journeys a day), the oldest
 * FOLD_CHUNK are folded into counts: one row per Kazakhstan day (of the first touch), outcome and
 * the step it ended at. What a fold keeps: how many journeys started each day and how each ended,
 * where — the funnel's ends, the outcomes, the days. What it loses: the steps each journey passed
 * and their times (so service times and the funnel's middle), the language, reason and document,
 * the refusal codes and operator causes, the offline steps, the device faults and the fees.
 *
 * A record is under 1 KB of JSON (a full nine-step journey with a fault and a fee: 841 bytes, measured
 * on src/telemetry/record-fixture.ts journeyRecord), so the cap keeps about 17 MB of records at most,
 * well inside what a kiosk's Chromium gives the origin. A fold of 1,000 records is a few KB: ten
 * years without a link would be some 400 folds, so folds are not bounded further.
 */

export const TELEMETRY_CAP = 20_000;
export const FOLD_CHUNK = 1_000;
/** FoldedCounts' rows bound: a fold with more rows is cut in several, each with its own id. */
export const MAX_FOLD_ROWS = 2_000;

/** Kazakhstan's time is UTC+5 all year (no DST since 2024-03-01). */
const KZ_OFFSET_MS = 5 * 60 * 60 * 1000;

/** The Kazakhstan calendar day of an instant: 2026-12-06T19:30Z is 2026-12-07 in Astana. */
export function kzDay(instant: string): string {
  return new Date(Date.parse(instant) + KZ_OFFSET_MS).toISOString().slice(0, 10);
}

type Foldable = Pick<JourneyRecord, 'startedAt' | 'outcome' | 'outcomeStep'>;

/** Counts of these records by day, outcome and step; `newId` names each fold (its idempotency key). */
export function foldRecords(records: readonly Foldable[], newId: () => string): FoldedCounts[] {
  const counts = new Map<string, FoldedCounts['rows'][number]>();
  for (const { startedAt, outcome, outcomeStep } of records) {
    const day = kzDay(startedAt);
    const key = `${day}|${outcome}|${outcomeStep}`;
    const row = counts.get(key);
    if (row) row.journeys++;
    else counts.set(key, { day, outcome, outcomeStep, journeys: 1 });
  }
  const rows = [...counts.values()].sort((a, b) => a.day.localeCompare(b.day) || a.outcome.localeCompare(b.outcome) || a.outcomeStep.localeCompare(b.outcomeStep));
  const folds: FoldedCounts[] = [];
  for (let i = 0; i < rows.length; i += MAX_FOLD_ROWS) folds.push({ foldId: newId(), rows: rows.slice(i, i + MAX_FOLD_ROWS) });
  return folds;
}
