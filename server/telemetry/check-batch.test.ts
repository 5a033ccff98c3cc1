import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JourneyRecord } from '../../src/protocol/telemetry';
import { checkTelemetryBatch, furthestStep } from './check-batch';
import { cancelledJourney, journeyRecord, telemetryBatch } from './journey-fixture';

// What the telemetry schema cannot say: each fault refuses the whole batch, naming the record.

const NOW = new Date('2026-12-06T12:00:00.000Z');
const START = new Date('2026-12-06T09:00:00.000Z');
const at = (s: number) => new Date(START.getTime() + s * 1000).toISOString();

describe('checkTelemetryBatch', () => {
  it('takes sound journeys of every outcome and a fold', () => {
    const batch = telemetryBatch({
      journeys: [
        journeyRecord(START),
        cancelledJourney(START),
        cancelledJourney(START, { outcome: 'refused', outcomeCode: 'not_eligible' }),
        cancelledJourney(START, { outcome: 'operator', outcomeCode: 'face_not_matched' }),
        journeyRecord(START, { fee: { kind: 'exempt', amountTiyn: null } }),
        journeyRecord(START, { fee: { kind: 'deferred', amountTiyn: null } }),
        // Back to the start screen, which the kiosk leaves out of the steps, and walked away there.
        cancelledJourney(START, { outcome: 'idle', outcomeStep: 'language', steps: [{ step: 'service', at: at(10) }] }),
        // A kiosk on UTC+5 with microseconds: the same instants.
        cancelledJourney(START, { startedAt: '2026-12-06T14:00:00.000123+05:00' }),
      ],
      folds: [{ foldId: randomUUID(), rows: [{ day: '2026-12-01', outcome: 'idle', outcomeStep: 'iin', journeys: 3 }] }],
    });
    expect(checkTelemetryBatch(batch, NOW)).toEqual({ ok: true });
  });

  const refusals: [string, Partial<JourneyRecord> | ((r: JourneyRecord) => JourneyRecord), string][] = [
    ['ending before it started', { endedAt: at(-1) }, 'journey_ends_before_start'],
    ['steps out of order', (r) => ({ ...r, steps: [r.steps[1]!, r.steps[0]!, ...r.steps.slice(2)] }), 'journey_steps_out_of_order'],
    ['a step after the end', (r) => ({ ...r, steps: [...r.steps, { step: 'done', at: at(241) }] }), 'journey_step_outside_journey'],
    ['a step before the start', (r) => ({ ...r, startedAt: at(1) }), 'journey_step_outside_journey'],
    ['an outcome step never entered', { outcomeStep: 'done' }, 'journey_outcome_step_not_entered'],
    ['a code on a receipt', { outcomeCode: 'not_eligible' }, 'journey_outcome_code_mismatch'],
    ['a refusal without its code', (r) => ({ ...r, outcome: 'refused', serviceMs: null }), 'journey_outcome_code_mismatch'],
    ['a service time on a cancel', (r) => ({ ...r, outcome: 'cancel' }), 'journey_service_time_mismatch'],
    ['a receipt without a service time', { serviceMs: null }, 'journey_service_time_mismatch'],
    ['a service time longer than the journey', { serviceMs: 241_001 + 1000 }, 'journey_service_time_mismatch'],
    ['an exempt fee with an amount', { fee: { kind: 'exempt', amountTiyn: 100 } }, 'journey_fee_mismatch'],
    ['a paid fee without its amount', { fee: { kind: 'paid', amountTiyn: null } }, 'journey_fee_mismatch'],
  ];
  it.each(refusals)('refuses %s', (_name, change, code) => {
    const sound = journeyRecord(START);
    const bad = typeof change === 'function' ? change(sound) : { ...sound, ...change };
    const verdict = checkTelemetryBatch(telemetryBatch({ journeys: [journeyRecord(START), bad] }), NOW);
    expect(verdict).toEqual({ ok: false, code, detail: expect.stringContaining(`session ${bad.sessionId}`) as string });
  });

  it('takes a journey ending within the clock skew ahead of now, and refuses one past it', () => {
    const ending = (ms: number) => journeyRecord(new Date(NOW.getTime() + ms - 240_000));
    expect(checkTelemetryBatch(telemetryBatch({ journeys: [ending(300_000)] }), NOW)).toEqual({ ok: true });
    expect(checkTelemetryBatch(telemetryBatch({ journeys: [ending(300_001)] }), NOW)).toMatchObject({ ok: false, code: 'journey_in_future' });
  });

  it('takes a journey begun 366 days ago, and refuses one begun before', () => {
    const begun = (days: number, ms = 0) => journeyRecord(new Date(NOW.getTime() - days * 86_400_000 - ms));
    expect(checkTelemetryBatch(telemetryBatch({ journeys: [begun(366)] }), NOW)).toEqual({ ok: true });
    expect(checkTelemetryBatch(telemetryBatch({ journeys: [begun(366, 1)] }), NOW)).toMatchObject({ ok: false, code: 'journey_too_old' });
  });

  it('refuses a session sent twice in one batch', () => {
    const record = journeyRecord(START);
    expect(checkTelemetryBatch(telemetryBatch({ journeys: [record, { ...record }] }), NOW)).toEqual({
      ok: false,
      code: 'journey_repeated_in_batch',
      detail: `session ${record.sessionId}: sent twice in one batch`,
    });
  });

  it('refuses a fold sent twice, a fold with a row twice, and a fold day out of range', () => {
    const row = { day: '2026-12-01', outcome: 'idle' as const, outcomeStep: 'iin' as const, journeys: 2 };
    const fold = { foldId: randomUUID(), rows: [row] };
    const verdict = (folds: typeof fold[]) => checkTelemetryBatch(telemetryBatch({ folds }), NOW);
    expect(verdict([fold, fold])).toMatchObject({ ok: false, code: 'fold_repeated_in_batch', detail: expect.stringContaining(`fold ${fold.foldId}`) as string });
    expect(verdict([{ ...fold, rows: [row, { ...row, journeys: 5 }] }])).toMatchObject({ ok: false, code: 'fold_row_repeated' });
    // Kazakhstan's day: 12:00 UTC is 17:00 on the 6th there; the 7th has not begun.
    expect(verdict([{ ...fold, rows: [{ ...row, day: '2026-12-06' }] }])).toEqual({ ok: true });
    expect(verdict([{ ...fold, rows: [{ ...row, day: '2026-12-07' }] }])).toMatchObject({ ok: false, code: 'fold_day_out_of_range' });
    expect(verdict([{ ...fold, rows: [{ ...row, day: '2025-12-05' }] }])).toEqual({ ok: true });
    expect(verdict([{ ...fold, rows: [{ ...row, day: '2025-12-04' }] }])).toMatchObject({ ok: false, code: 'fold_day_out_of_range' });
  });
});

describe('furthestStep', () => {
  it('is the furthest in the flow’s order, not the last entered (“choose another reason” goes back)', () => {
    const steps = [
      { step: 'language' as const },
      { step: 'service' as const },
      { step: 'iin' as const },
      { step: 'phone' as const },
      { step: 'service' as const },
    ];
    expect(furthestStep(steps)).toBe('phone');
    expect(furthestStep([{ step: 'language' }])).toBe('language');
  });
});
