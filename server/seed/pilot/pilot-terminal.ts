// A pilot terminal's year, day by day: when its centre was open, how many came, when it was offline
// (its journeys' offline steps, its applications arriving when it came back), when it stood out of
// order (no journeys then), and the applications its receipts made. Pure: rows out, nothing written.
import { createHash } from 'node:crypto';
import { addDays, KAZAKHSTAN_OFFSET_MS, kazakhstanDate } from '../../../src/domain/dates';
import { applicationNumber, readyByOfApplication } from '../../../src/domain/application';
import { iinControlDigit } from '../../../src/domain/iin';
import type { FeeKind, JourneyOutcome } from '../../../src/protocol/telemetry';
import { dayFactor, hourWeight, openSpans, spanHours, type OpenSpan } from './pilot-calendar';
import type { PilotTerminal } from './pilot-fleet';
import { mrpOn, syntheticJourney } from './pilot-journey';
import { between, logNormal, poisson, randomFor, weighted, type Random } from './pilot-random';

/** A journey_telemetry row (migration 0022). */
export interface JourneyRow {
  session_id: string;
  terminal_id: string;
  centre_id: string;
  started_at: string;
  ended_at: string;
  lang: string | null;
  service: string | null;
  document: string | null;
  outcome: JourneyOutcome;
  outcome_step: string;
  outcome_code: string | null;
  furthest_step: string;
  steps: { step: string; at: string }[];
  offline_steps: string[];
  faults: { device: string; code: string }[];
  service_ms: number | null;
  fee_kind: FeeKind | null;
  fee_tiyn: number | null;
  body_hash: string;
  received_at: string;
}

/** The columns of an applications row the seed fills; the images are the writer's placeholders. */
export interface ApplicationRow {
  id: string;
  number: string;
  iin: string;
  service: string;
  document: string;
  lang: string;
  phone: string;
  fee_tiyn: number;
  centre_id: string;
  terminal_id: string;
  created_at: string;
  received_at: string;
  ready_by: string;
  status: 'accepted' | 'in_production' | 'ready' | 'issued' | 'rejected';
}

export interface OutOfOrderRow {
  terminal_id: string;
  fault: string;
  started_at: string;
  ended_at: string | null;
}

export interface TerminalYear {
  journeys: JourneyRow[];
  applications: ApplicationRow[];
  outOfOrder: OutOfOrderRow[];
}

export interface PilotRange {
  seed: number;
  /** Kazakhstan dates, both included. */
  from: string;
  to: string;
  /** The seed's "now": nothing after it happened, nothing that would arrive after it has arrived. */
  now: number;
}

/** Journeys an hour at an ordinary hall on an ordinary day, once a terminal is known (about 35 a weekday). */
const JOURNEYS_PER_HOUR = 3.2;
/** Weeks for a new terminal to be found by its hall's visitors. */
const RAMP_DAYS = 60;
const OFFLINE_DAY_CHANCE = 0.08;
const OUT_OF_ORDER_DAY_CHANCE = 0.04;
const BREAKDOWN_DAY_CHANCE = 0.002;
/** Start screen reasons: a device's own code where a device stopped it (src/flow/readiness.svelte.ts). */
const OUT_OF_ORDER_FAULTS = { paper_out: 50, camera_missing: 12, printer_missing: 10, pad_missing: 8, storage_full: 4, terminal_refused: 2 } as const;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

/** A uuid (version 4 layout) from a key: the same key, the same id, on every run. */
export function uuidFrom(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A synthetic adult's IIN (src/domain/iin.ts): birth date, century and sex, a serial, the control digit. */
export function syntheticIin(random: Random): string {
  const year = 1950 + Math.floor(random() * 58);
  const birth = `${String(year % 100).padStart(2, '0')}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const centuryAndSex = (year >= 2000 ? 5 : 3) + (random() < 0.5 ? 0 : 1);
  for (;;) {
    const first11 = `${birth}${centuryAndSex}${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;
    const control = iinControlDigit(first11);
    if (control !== null) return first11 + String(control);
  }
}

function syntheticPhone(random: Random): string {
  const operator = ['701', '702', '705', '707', '747', '771', '775', '777'][Math.floor(random() * 8)]!;
  return `+7${operator}${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
}

function epochDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** A moment within the open spans, weighted by their length. */
function momentIn(random: Random, spans: readonly OpenSpan[]): number {
  const total = spans.reduce((sum, s) => sum + (s.to - s.from), 0);
  let r = random() * total;
  for (const s of spans) {
    if (r < s.to - s.from) return s.from + r;
    r -= s.to - s.from;
  }
  return spans[spans.length - 1]!.to - 1;
}

function arrivals(random: Random, spans: readonly OpenSpan[], count: number): number[] {
  const times: number[] = [];
  while (times.length < count) {
    const t = momentIn(random, spans);
    if (random() * 1.3 < hourWeight(t)) times.push(t);
  }
  return times.sort((a, b) => a - b);
}

const readyByCache = new Map<string, string>();
function readyByOf(createdAt: number): string {
  const day = kazakhstanDate(new Date(createdAt));
  let due = readyByCache.get(day);
  if (!due) {
    due = readyByOfApplication(iso(createdAt));
    readyByCache.set(day, due);
  }
  return due;
}

function statusOf(random: Random, readyBy: string, createdAt: number, offline: boolean, now: number): ApplicationRow['status'] {
  // Checks the kiosk could not make offline refuse more of those later (registry, phone, face).
  if (random() < (offline ? 0.06 : 0.005)) return 'rejected';
  const today = kazakhstanDate(new Date(now));
  if (readyBy < addDays(today, -20)) return 'issued';
  if (readyBy <= today) return random() < 0.5 ? 'issued' : 'ready';
  return now - createdAt > 2 * 86_400_000 ? 'in_production' : 'accepted';
}

/** Every row one terminal made over the range. */
export function terminalYear(terminal: PilotTerminal, range: PilotRange): TerminalYear {
  const out: TerminalYear = { journeys: [], applications: [], outOfOrder: [] };
  const { terminalId } = terminal;
  const centreId = terminal.centre.id;
  const firstDay = addDays(range.from, terminal.enrolDelayDays);
  let brokenUntil = 0;
  for (let date = firstDay, n = 0; date <= range.to; date = addDays(date, 1), n++) {
    const random = randomFor(range.seed, terminal.index, epochDay(date));
    const spans = openSpans(date, terminal.centre.hours).filter((s) => s.from < range.now);
    const dayStart = Date.parse(`${date}T00:00:00Z`) - KAZAKHSTAN_OFFSET_MS;
    const stops: { from: number; to: number }[] = [];
    // A device that broke for good: out of order until the engineer came, one to four days later.
    if (brokenUntil < dayStart && random() < BREAKDOWN_DAY_CHANCE && spans.length > 0) {
      const from = momentIn(random, spans);
      brokenUntil = from + between(random, 20, 96) * HOUR;
      stops.push({ from, to: brokenUntil });
      pushStop(out, terminalId, random() < 0.5 ? 'camera_missing' : 'printer_missing', from, brokenUntil, range.now);
    }
    if (spans.length === 0) continue;
    const broken = brokenUntil > dayStart;
    if (broken && stops.length === 0) stops.push({ from: dayStart, to: brokenUntil });
    // One stretch at a time, as the heartbeat records them: no short stop on a day it stood broken.
    if (random() < OUT_OF_ORDER_DAY_CHANCE && !broken) {
      const fault = weighted(random, OUT_OF_ORDER_FAULTS);
      const from = momentIn(random, spans);
      const to = from + Math.min(10 * HOUR, logNormal(random, fault === 'paper_out' ? 40 : 120, 0.6) * MINUTE);
      stops.push({ from, to });
      pushStop(out, terminalId, fault, from, to, range.now);
    }
    let offline: { from: number; to: number } | null = null;
    if (random() < OFFLINE_DAY_CHANCE) {
      const from = momentIn(random, spans);
      offline = { from, to: from + Math.min(30 * HOUR, Math.max(10 * MINUTE, logNormal(random, 2.5 * HOUR, 0.8))) };
    }

    const ramp = Math.min(1, 0.4 + (0.6 * n) / RAMP_DAYS);
    const count = poisson(random, JOURNEYS_PER_HOUR * terminal.busy * dayFactor(date) * ramp * spanHours(spans));
    const closesAt = spans[spans.length - 1]!.to;
    const mrpTenge = mrpOn(Number(date.slice(0, 4)));
    let free = 0;
    let seq = 0;
    for (const arrival of arrivals(random, spans, count)) {
      const startedAt = Math.round(Math.max(arrival, free + between(random, 5, 40) * 1000));
      if (startedAt >= closesAt || startedAt >= range.now) break;
      if (stops.some((s) => startedAt >= s.from && startedAt < s.to)) continue;
      const isOffline = offline !== null && startedAt >= offline.from && startedAt < offline.to;
      const j = syntheticJourney(random, startedAt, { offline: isOffline, mrpTenge });
      free = j.endedAt;
      if (j.endedAt > range.now) break;
      // Sent with the next drain; held on the terminal until the back office is back.
      const receivedAt = Math.round(isOffline ? Math.max(offline!.to, j.endedAt) + between(random, 5, 120) * 1000 : j.endedAt + between(random, 2, 60) * 1000);
      if (receivedAt > range.now) continue;
      const sessionId = uuidFrom(`${range.seed}:j:${terminal.index}:${date}:${seq++}`);
      out.journeys.push({
        session_id: sessionId,
        terminal_id: terminalId,
        centre_id: centreId,
        started_at: iso(j.startedAt),
        ended_at: iso(j.endedAt),
        lang: j.lang,
        service: j.service,
        document: j.document,
        outcome: j.outcome,
        outcome_step: j.outcomeStep,
        outcome_code: j.outcomeCode,
        furthest_step: j.steps[j.steps.length - 1]!.step,
        steps: j.steps.map((s) => ({ step: s.step, at: iso(s.at) })),
        offline_steps: j.offlineSteps,
        faults: j.faults,
        service_ms: j.serviceMs,
        fee_kind: j.fee?.kind ?? null,
        fee_tiyn: j.fee?.amountTiyn ?? null,
        body_hash: createHash('sha256').update(sessionId).digest('hex'),
        received_at: iso(receivedAt),
      });
      if (j.outcome !== 'receipt') continue;
      const createdAt = j.steps.find((s) => s.step === 'receipt')!.at;
      const appReceived = Math.round(isOffline ? Math.max(offline!.to, createdAt) + between(random, 5, 300) * 1000 : createdAt + between(random, 0.3, 3) * 1000);
      if (appReceived > range.now) continue;
      const id = uuidFrom(`${range.seed}:a:${sessionId}`);
      const readyBy = readyByOf(createdAt);
      out.applications.push({
        id,
        number: applicationNumber(id),
        iin: syntheticIin(random),
        service: j.service!,
        document: j.document!,
        lang: j.lang!,
        phone: syntheticPhone(random),
        fee_tiyn: j.fee?.amountTiyn ?? 0,
        centre_id: centreId,
        terminal_id: terminalId,
        created_at: iso(createdAt),
        received_at: iso(appReceived),
        ready_by: readyBy,
        status: statusOf(random, readyBy, createdAt, isOffline, range.now),
      });
    }
  }
  return out;
}

function pushStop(out: TerminalYear, terminalId: string, fault: string, from: number, to: number, now: number): void {
  if (from >= now) return;
  out.outOfOrder.push({ terminal_id: terminalId, fault, started_at: iso(from), ended_at: to > now ? null : iso(to) });
}
