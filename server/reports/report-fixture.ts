// For tests: a small but varied pilot written row by row into the report's tables, kept also as
// plain objects so a test can count the report's numbers another way (in TypeScript).
import { STEP_IDS, type StepId } from '../../src/flow/steps';
import { JOURNEY_OUTCOMES, type JourneyOutcome } from '../../src/protocol/telemetry';
import type { Queryable } from '../db/database';

export interface FixtureJourney {
  sessionId: string;
  terminal: string;
  centre: string;
  startedAt: Date;
  endedAt: Date;
  service: string | null;
  document: 'id_card' | 'passport' | null;
  outcome: JourneyOutcome;
  outcomeStep: StepId;
  outcomeCode: string | null;
  furthestStep: StepId;
  offlineSteps: StepId[];
  faults: { device: string; code: string }[];
  serviceMs: number | null;
  feeKind: 'paid' | 'exempt' | 'deferred' | null;
  feeTiyn: number | null;
  receivedAt: Date;
}

export interface FixtureFold {
  foldId: string;
  terminal: string;
  centre: string;
  day: string;
  outcome: JourneyOutcome;
  outcomeStep: StepId;
  journeys: number;
  receivedAt: Date;
}

export interface FixtureApplication {
  id: string;
  terminal: string;
  centre: string;
  createdAt: Date;
  receivedAt: Date;
  isTest: boolean;
}

export interface FixtureStretch {
  terminal: string;
  fault: string;
  startedAt: Date;
  endedAt: Date | null;
}

export interface Fixture {
  /** Terminal → its centre (as the terminals table holds it). */
  terminals: Record<string, string>;
  journeys: FixtureJourney[];
  folds: FixtureFold[];
  applications: FixtureApplication[];
  stretches: FixtureStretch[];
}

/** Two regions (Astana: two centres; Almaty: one with its own hours), and a terminal in a centre the reference tables do not list. */
export const FIXTURE_TERMINALS: Record<string, string> = {
  'T-E1': 'AST-ESIL',
  'T-E2': 'AST-ESIL',
  'T-S1': 'AST-SARYARKA',
  'T-A1': 'ALA-ALMALY',
  'T-X1': 'XYZ-01',
};

/** ALA-ALMALY's hours in the fixture: 8.5 h on weekdays, 5 h on Saturday and 3 h on Sunday. */
export const ALMALY_HOURS = { mon: '08:00-16:30', tue: '08:00-16:30', wed: '08:00-16:30', thu: '08:00-16:30', fri: '08:00-16:30', sat: '09:00-14:00', sun: '10:00-13:00' };

/** Deterministic pseudo-random numbers (mulberry32): the same fixture every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(n: number, kind: number): string {
  return `00000000-0000-4000-8${kind}00-${String(n).padStart(12, '0')}`;
}

/**
 * Journeys, folds, applications and out-of-order stretches around the week [from, to): some
 * before and after it, some received only after `asOf`, and the edges by the minute.
 */
export function makeFixture(from: Date, to: Date, asOf: Date, seed = 49): Fixture {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const terminals = Object.keys(FIXTURE_TERMINALS);
  const span = to.getTime() - from.getTime();
  const journeys: FixtureJourney[] = [];
  const journey = (n: number, startedAt: Date, terminal: string, outcome: JourneyOutcome, receivedAt?: Date): FixtureJourney => {
    const receipt = outcome === 'receipt';
    const furthestIndex = receipt ? STEP_IDS.length - 1 : Math.floor(rnd() * (STEP_IDS.length - 2));
    const furthestStep = STEP_IDS[furthestIndex]!;
    // Now and then a citizen went back before leaving ("choose another reason").
    const outcomeStep = receipt ? 'done' : rnd() < 0.2 && furthestIndex > 1 ? STEP_IDS[furthestIndex - 1]! : furthestStep;
    const durationMs = Math.round(30_000 + rnd() * (outcome === 'interrupted' ? 7_200_000 : 540_000));
    const endedAt = new Date(startedAt.getTime() + durationMs);
    const reachedPayment = furthestIndex >= STEP_IDS.indexOf('payment');
    const feeKind = reachedPayment ? pick(['paid', 'exempt', 'deferred', null] as const) : null;
    return {
      sessionId: uuid(n, 1),
      terminal,
      centre: FIXTURE_TERMINALS[terminal]!,
      startedAt,
      endedAt,
      service: furthestIndex >= 2 ? pick(['04', '07', '09', '16']) : null,
      document: furthestIndex >= 2 ? pick(['id_card', 'passport'] as const) : null,
      outcome,
      outcomeStep,
      outcomeCode: outcome === 'refused' ? pick(['underage', 'document_valid', 'wanted']) : outcome === 'operator' ? pick(['face_not_matched', 'liveness_failed', 'camera_missing']) : null,
      furthestStep,
      offlineSteps: rnd() < 0.25 ? STEP_IDS.slice(2, 2 + 1 + Math.floor(rnd() * 3)) : [],
      faults: Array.from({ length: rnd() < 0.3 ? 1 + Math.floor(rnd() * 2) : 0 }, () => ({ device: pick(['printer', 'scanner', 'camera', 'pad']), code: pick(['paper_out', 'jammed', 'not_found']) })),
      // A receipt's time now and then not measured (a kiosk from before the telemetry's clock fix).
      serviceMs: receipt && rnd() < 0.9 ? durationMs : null,
      feeKind,
      feeTiyn: feeKind === 'paid' ? 100 * Math.floor(1000 + rnd() * 5000) : feeKind === 'deferred' && rnd() < 0.6 ? 100 * Math.floor(1000 + rnd() * 5000) : null,
      receivedAt: receivedAt ?? new Date(endedAt.getTime() + Math.floor(rnd() * 3_600_000)),
    };
  };
  let n = 0;
  for (; n < 400; n++) {
    // Two days either side of the week too.
    const startedAt = new Date(from.getTime() - 2 * 86_400_000 + Math.floor(rnd() * (span + 4 * 86_400_000)));
    const outcome = rnd() < 0.45 ? 'receipt' : pick(JOURNEY_OUTCOMES);
    // One in twenty arrives days later, some after the report's instant.
    const late = rnd() < 0.05 ? new Date(startedAt.getTime() + 2 * 86_400_000) : undefined;
    journeys.push(journey(n, startedAt, pick(terminals), outcome, late));
  }
  // The edges on Kazakhstan's clock: Sunday 23:59 is in, Monday 00:00 of the week after is not.
  const monday = new Date(from);
  journeys.push(journey(n++, new Date(to.getTime() - 60_000), 'T-E1', 'receipt', new Date(to.getTime() + 60_000)));
  journeys.push(journey(n++, new Date(to), 'T-E1', 'receipt', new Date(to.getTime() + 120_000)));
  journeys.push(journey(n++, monday, 'T-A1', 'cancel'));
  journeys.push(journey(n, new Date(monday.getTime() - 1), 'T-A1', 'receipt'));

  const dayOf = (t: Date) => new Date(t.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
  const folds: FixtureFold[] = [];
  for (let f = 0; f < 30; f++) {
    const at = new Date(from.getTime() - 86_400_000 + Math.floor(rnd() * (span + 2 * 86_400_000)));
    const terminal = pick(terminals);
    folds.push({
      foldId: uuid(Math.floor(f / 3), 2),
      terminal,
      centre: FIXTURE_TERMINALS[terminal]!,
      day: dayOf(at),
      outcome: pick(JOURNEY_OUTCOMES),
      outcomeStep: pick(STEP_IDS),
      journeys: 1 + Math.floor(rnd() * 12),
      receivedAt: new Date(at.getTime() + (f % 7 === 0 ? 9 * 86_400_000 : 3 * 86_400_000 * rnd())),
    });
  }
  // One primary key a row: (fold, day, outcome, step).
  const folded = [...new Map(folds.map((f) => [`${f.foldId}|${f.day}|${f.outcome}|${f.outcomeStep}`, f])).values()];

  const applications: FixtureApplication[] = [];
  for (let a = 0; a < 120; a++) {
    const createdAt = new Date(from.getTime() - 86_400_000 + Math.floor(rnd() * (span + 2 * 86_400_000)));
    const terminal = pick(terminals);
    // Online: a second or two; offline: minutes to days, by packet.
    const delayMs = rnd() < 0.6 ? Math.floor(rnd() * 2000) : Math.floor(rnd() * 3 * 86_400_000);
    applications.push({ id: uuid(a, 3), terminal, centre: FIXTURE_TERMINALS[terminal]!, createdAt, receivedAt: new Date(createdAt.getTime() + delayMs), isTest: rnd() < 0.1 });
  }

  const h = 3_600_000;
  const stretches: FixtureStretch[] = [
    // Across the week's start, inside, across its end, still lasting, ended after the report, entirely before.
    { terminal: 'T-E1', fault: 'paper_out', startedAt: new Date(from.getTime() - 5 * h), endedAt: new Date(from.getTime() + 2 * h) },
    { terminal: 'T-E1', fault: 'paper_out', startedAt: new Date(from.getTime() + 50 * h), endedAt: new Date(from.getTime() + 50 * h + 17 * 60_000) },
    { terminal: 'T-E2', fault: 'pad_missing', startedAt: new Date(from.getTime() + 30 * h), endedAt: new Date(from.getTime() + 31.5 * h) },
    { terminal: 'T-S1', fault: 'camera_missing', startedAt: new Date(to.getTime() - 3 * h), endedAt: new Date(to.getTime() + 4 * h) },
    { terminal: 'T-A1', fault: 'storage_full', startedAt: new Date(to.getTime() - 10 * h), endedAt: null },
    { terminal: 'T-X1', fault: 'pad_missing', startedAt: new Date(to.getTime() - 2 * h), endedAt: new Date(asOf.getTime() + 5 * h) },
    { terminal: 'T-A1', fault: 'paper_out', startedAt: new Date(from.getTime() - 30 * h), endedAt: new Date(from.getTime() - 20 * h) },
    // Begun after the report's instant: unknown then.
    { terminal: 'T-E2', fault: 'camera_missing', startedAt: new Date(asOf.getTime() + h), endedAt: null },
  ];
  return { terminals: FIXTURE_TERMINALS, journeys, folds: folded, applications, stretches };
}

export async function writeFixture(db: Queryable, fixture: Fixture): Promise<void> {
  await db.query(`UPDATE centres SET hours = $1::jsonb WHERE id = 'ALA-ALMALY'`, [JSON.stringify(ALMALY_HOURS)]);
  for (const [terminal, centre] of Object.entries(fixture.terminals)) {
    await db.query(`INSERT INTO terminals (terminal_id, centre_id, name, created_at) VALUES ($1, $2, $3, now())`, [terminal, centre, terminal === 'T-E1' ? 'ЦОН Есиль, зал 1' : null]);
  }
  await insertMany(
    db,
    `INSERT INTO journey_telemetry (session_id, terminal_id, centre_id, started_at, ended_at, lang, service, document, outcome, outcome_step, outcome_code,
       furthest_step, steps, offline_steps, faults, service_ms, fee_kind, fee_tiyn, body_hash, received_at)
     SELECT (r->>'sessionId')::uuid, r->>'terminal', r->>'centre', (r->>'startedAt')::timestamptz, (r->>'endedAt')::timestamptz, 'ru', r->>'service', r->>'document',
            r->>'outcome', r->>'outcomeStep', r->>'outcomeCode', r->>'furthestStep', '[]'::jsonb,
            ARRAY(SELECT jsonb_array_elements_text(r->'offlineSteps')), r->'faults', (r->>'serviceMs')::int, r->>'feeKind', (r->>'feeTiyn')::bigint,
            'h', (r->>'receivedAt')::timestamptz
     FROM jsonb_array_elements($1::jsonb) r`,
    fixture.journeys,
  );
  await insertMany(
    db,
    `INSERT INTO journey_telemetry_counts (fold_id, terminal_id, centre_id, day, outcome, outcome_step, journeys, received_at)
     SELECT (r->>'foldId')::uuid, r->>'terminal', r->>'centre', (r->>'day')::date, r->>'outcome', r->>'outcomeStep', (r->>'journeys')::int, (r->>'receivedAt')::timestamptz
     FROM jsonb_array_elements($1::jsonb) r`,
    fixture.folds,
  );
  await insertMany(
    db,
    `INSERT INTO applications (id, number, iin, service, document, lang, phone, fee_tiyn, centre_id, terminal_id, created_at,
       received_at, ready_by, status, body_hash, photo_jpeg, signature_png, is_test)
     SELECT (r->>'id')::uuid, 'N-' || (r->>'id'), '900101300017', '04', 'id_card', 'ru', '+77010000017', 0, r->>'centre', r->>'terminal',
            (r->>'createdAt')::timestamptz, (r->>'receivedAt')::timestamptz, '2026-12-31', 'accepted', 'h', '\\xff', '\\x89', (r->>'isTest')::boolean
     FROM jsonb_array_elements($1::jsonb) r`,
    fixture.applications,
  );
  await insertMany(
    db,
    `INSERT INTO terminal_out_of_order (terminal_id, fault, started_at, ended_at)
     SELECT r->>'terminal', r->>'fault', (r->>'startedAt')::timestamptz, (r->>'endedAt')::timestamptz FROM jsonb_array_elements($1::jsonb) r`,
    fixture.stretches,
  );
}

async function insertMany(db: Queryable, sql: string, rows: readonly object[]): Promise<void> {
  if (rows.length > 0) await db.query(sql, [JSON.stringify(rows)]);
}
