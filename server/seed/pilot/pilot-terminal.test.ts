import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { kazakhstanDate, KAZAKHSTAN_OFFSET_MS, weekday } from '../../../src/domain/dates';
import { MRP_BY_YEAR } from '../../../src/domain/fees';
import { parseIin } from '../../../src/domain/iin';
import { REFUSAL_CODES } from '../../../src/protocol/citizens';
import { JOURNEY_OUTCOMES, JourneyRecord, TELEMETRY_VERSION } from '../../../src/protocol/telemetry';
import { openSpans } from './pilot-calendar';
import { pickPilotCentres, pilotTerminals, type PilotCentre } from './pilot-fleet';
import { terminalYear, type JourneyRow, type PilotRange } from './pilot-terminal';

const HOURS = { mon: '09:00-20:00', tue: '09:00-20:00', wed: '09:00-20:00', thu: '09:00-20:00', fri: '09:00-20:00', sat: '09:00-13:00' };
const CENTRES: PilotCentre[] = [
  { id: 'AST-ESIL', region: 'astana', nameRu: 'ЦОН Есиль', hours: HOURS },
  { id: 'AST-SARYARKA', region: 'astana', nameRu: 'ЦОН Сарыарка', hours: HOURS },
  { id: 'ALA-ALMALY', region: 'almaty', nameRu: 'ЦОН Алмалы', hours: { ...HOURS, sat: '10:00-14:00' } },
];
const RANGE: PilotRange = { seed: 7, from: '2026-06-01', to: '2026-11-29', now: Date.parse('2026-11-29T19:00:00Z') };
const terminals = pilotTerminals(7, CENTRES, 6);
const years = terminals.map((t) => terminalYear(t, RANGE));
const journeys = years.flatMap((y) => y.journeys);
const applications = years.flatMap((y) => y.applications);
const share = (pred: (j: JourneyRow) => boolean) => journeys.filter(pred).length / journeys.length;

/** A row as the kiosk would have sent it (src/protocol/telemetry.ts), to check against the wire schema. */
function asRecord(j: JourneyRow): unknown {
  return {
    v: TELEMETRY_VERSION,
    sessionId: j.session_id,
    startedAt: j.started_at,
    endedAt: j.ended_at,
    lang: j.lang,
    service: j.service,
    document: j.document,
    steps: j.steps,
    outcome: j.outcome,
    outcomeStep: j.outcome_step,
    outcomeCode: j.outcome_code,
    offlineSteps: j.offline_steps,
    faults: j.faults,
    serviceMs: j.service_ms,
    fee: j.fee_kind === null ? null : { kind: j.fee_kind, amountTiyn: j.fee_tiyn },
  };
}

// Generating months of journeys takes seconds on a shared machine: not a speed assertion, a margin.
describe('the synthetic pilot', { timeout: 30_000 }, () => {
  it('picks one centre per region before a second in any', () => {
    expect(pickPilotCentres(CENTRES, 2).map((c) => c.id)).toEqual(['ALA-ALMALY', 'AST-ESIL']);
    expect(pickPilotCentres(CENTRES, 20)).toHaveLength(3);
  });

  it('gives every outcome, every operator cause and many refusal codes, each where it belongs', () => {
    expect(new Set(journeys.map((j) => j.outcome))).toEqual(new Set(JOURNEY_OUTCOMES));
    const causes = new Set(journeys.filter((j) => j.outcome === 'operator').map((j) => j.outcome_code));
    expect(causes).toEqual(new Set(['face_not_matched', 'liveness_failed', 'camera_missing']));
    const refusals = journeys.filter((j) => j.outcome === 'refused');
    expect(new Set(refusals.map((j) => j.outcome_step))).toEqual(new Set(['iin']));
    expect(new Set(refusals.map((j) => j.outcome_code)).size).toBeGreaterThanOrEqual(8);
    for (const j of refusals) expect(REFUSAL_CODES).toContain(j.outcome_code);
    expect(new Set(journeys.filter((j) => j.outcome === 'operator').map((j) => j.outcome_step))).toEqual(new Set(['identify']));
  });

  it('loses citizens where a pilot would: most finish, the phone and the face lose the most', () => {
    expect(share((j) => j.outcome === 'receipt')).toBeGreaterThan(0.6);
    expect(share((j) => j.outcome === 'receipt')).toBeLessThan(0.8);
    expect(share((j) => j.outcome === 'cancel' && j.outcome_step === 'phone')).toBeGreaterThan(0.02);
    expect(share((j) => j.outcome === 'cancel' && j.outcome_step === 'phone')).toBeLessThan(0.08);
    expect(share((j) => j.outcome === 'idle' && j.outcome_step === 'identify')).toBeGreaterThan(0.01);
    expect(share((j) => j.outcome === 'interrupted')).toBeLessThan(0.01);
    // The funnel narrows step by step.
    const reached = (step: string) => journeys.filter((j) => j.steps.some((s) => s.step === step)).length;
    expect(reached('iin')).toBeLessThan(reached('service'));
    expect(reached('identify')).toBeLessThan(reached('phone'));
    expect(reached('done')).toBeLessThan(reached('payment'));
  });

  it('times a finished journey around four minutes, with a tail past five', () => {
    const times = journeys.filter((j) => j.outcome === 'receipt').map((j) => j.service_ms!);
    expect(journeys.filter((j) => j.outcome !== 'receipt').every((j) => j.service_ms === null)).toBe(true);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]! / 60_000;
    expect(median).toBeGreaterThan(3);
    expect(median).toBeLessThan(5);
    const over5 = times.filter((t) => t > 5 * 60_000).length / times.length;
    expect(over5).toBeGreaterThan(0.05);
    expect(over5).toBeLessThan(0.35);
  });

  it('sends records the kiosk could send: the wire schema, no IIN, phone or application in them', () => {
    for (const j of journeys.slice(0, 3000)) expect(Value.Check(JourneyRecord, asRecord(j)), j.session_id).toBe(true);
    // Ids and hashes are hex and may hold a run of digits; everything else must not.
    const text = JSON.stringify(journeys.slice(0, 3000).map(({ session_id: _id, body_hash: _hash, ...rest }) => rest));
    expect(text).not.toMatch(/\b\d{12}\b/);
    expect(text).not.toMatch(/\+7\d{10}/);
    const iins = new Set(applications.map((a) => a.iin));
    expect(journeys.some((j) => Object.values(j).some((v) => typeof v === 'string' && iins.has(v)))).toBe(false);
    expect(new Set(journeys.map((j) => j.session_id)).size).toBe(journeys.length);
  });

  it('keeps journeys to the open hours, one at a time per terminal, and none while out of order', () => {
    for (const [i, year] of years.entries()) {
      const hours = terminals[i]!.centre.hours;
      const spansOf = new Map<string, ReturnType<typeof openSpans>>();
      const stops = year.outOfOrder.map((o) => [Date.parse(o.started_at), Date.parse(o.ended_at ?? '9999-01-01')] as const);
      let last = 0;
      for (const j of year.journeys) {
        const start = Date.parse(j.started_at);
        expect(start).toBeGreaterThanOrEqual(last);
        last = Date.parse(j.ended_at);
        const date = kazakhstanDate(new Date(start));
        if (!spansOf.has(date)) spansOf.set(date, openSpans(date, hours));
        expect(spansOf.get(date)!.some((s) => start >= s.from && start < s.to), j.started_at).toBe(true);
        expect(stops.some(([from, to]) => start >= from && start < to), j.started_at).toBe(false);
      }
      expect(year.journeys.some((j) => weekday(kazakhstanDate(new Date(j.started_at))) === 0)).toBe(false);
    }
    expect(years.flatMap((y) => y.outOfOrder).length).toBeGreaterThan(0);
  });

  it('busier on Mondays than on Fridays, and no one on a public holiday (Constitution Day, 2026-08-31 off)', () => {
    const byWeekday = Array(7).fill(0) as number[];
    for (const j of journeys) byWeekday[weekday(kazakhstanDate(new Date(j.started_at)))]!++;
    expect(byWeekday[1]).toBeGreaterThan(byWeekday[5]!);
    expect(journeys.some((j) => kazakhstanDate(new Date(j.started_at)) === '2026-08-31')).toBe(false);
  });

  it('goes offline for hours: those journeys mark their offline steps, their applications arrive late', () => {
    const offline = journeys.filter((j) => j.offline_steps.length > 0);
    expect(offline.length / journeys.length).toBeGreaterThan(0.005);
    expect(offline.length / journeys.length).toBeLessThan(0.1);
    expect(offline.every((j) => j.outcome !== 'refused')).toBe(true);
    const delays = applications.map((a) => Date.parse(a.received_at) - Date.parse(a.created_at));
    expect(delays.every((d) => d >= 0)).toBe(true);
    expect(delays.filter((d) => d > 30 * 60_000).length).toBeGreaterThan(0);
    expect(delays.filter((d) => d < 5000).length / delays.length).toBeGreaterThan(0.9);
  });

  it('makes one application per receipt that has arrived, with a valid synthetic IIN and the fee of its year', () => {
    const receipts = journeys.filter((j) => j.outcome === 'receipt');
    expect(applications.length).toBeGreaterThan(receipts.length * 0.97);
    expect(applications.length).toBeLessThanOrEqual(receipts.length);
    for (const a of applications.slice(0, 2000)) expect(parseIin(a.iin).ok, a.iin).toBe(true);
    expect(new Set(journeys.map((j) => j.fee_kind))).toEqual(new Set([null, 'paid', 'exempt', 'deferred']));
    const mrp = MRP_BY_YEAR[2026]! * 100;
    const paid = new Set(journeys.filter((j) => j.fee_kind === 'paid').map((j) => j.fee_tiyn));
    expect(paid).toEqual(new Set([0.2 * mrp, 1 * mrp, 8 * mrp]));
    expect(journeys.filter((j) => j.fee_kind === 'exempt').every((j) => j.fee_tiyn === null && j.service === '18')).toBe(true);
  });

  it('is the same on every run, and a terminal is the same whatever else is seeded', () => {
    expect(terminalYear(terminals[2]!, RANGE)).toEqual(years[2]);
    const alone = pilotTerminals(7, CENTRES, 3)[2]!;
    expect(terminalYear(alone, { ...RANGE, from: '2026-09-01' }).journeys.slice(-50)).toEqual(years[2]!.journeys.slice(-50));
    expect(terminalYear(terminals[2]!, { ...RANGE, seed: 8 }).journeys[0]).not.toEqual(years[2]!.journeys[0]);
  });

  it('has nothing after its "now", not even an arrival', () => {
    const latest = Math.max(...journeys.map((j) => Date.parse(j.received_at)), ...applications.map((a) => Date.parse(a.received_at)));
    expect(latest).toBeLessThanOrEqual(RANGE.now);
    expect(RANGE.now - KAZAKHSTAN_OFFSET_MS).toBeGreaterThan(0);
  });
});
