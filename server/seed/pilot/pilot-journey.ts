// One synthetic journey at a pilot terminal: how far the citizen went, how it ended, how long each
// step took, what it cost. The shares are the pilot's plausible ones (most finish; the phone step
// and the face lose the most), not measured figures: they make the report's sections non-empty and
// its numbers believable, for screenshots, the bench and a person trying the console.
import { MRP_BY_YEAR } from '../../../src/domain/fees';
import { OFFLINE_POLICY } from '../../../src/flow/offline-policy';
import { STEP_IDS, type StepId } from '../../../src/flow/steps';
import type { DocumentKind, Lang, RefusalCode, ServiceCode } from '../../../src/protocol';
import type { FeeKind, JourneyOutcome } from '../../../src/protocol/telemetry';
import { between, logNormal, weighted, type Random } from './pilot-random';

export type Device = 'printer' | 'scanner' | 'camera' | 'pad';

export interface SyntheticJourney {
  startedAt: number;
  endedAt: number;
  lang: Lang | null;
  service: ServiceCode | null;
  document: DocumentKind | null;
  steps: { step: StepId; at: number }[];
  outcome: JourneyOutcome;
  outcomeStep: StepId;
  outcomeCode: string | null;
  offlineSteps: StepId[];
  faults: { device: Device; code: string }[];
  serviceMs: number | null;
  fee: { kind: FeeKind; amountTiyn: number | null } | null;
}

export interface JourneyConditions {
  /** The back office could not be reached while the journey went on. */
  offline: boolean;
  /** The MRP of the journey's year as the kiosk knows it; null early in a year before the figure came. */
  mrpTenge: number | null;
}

/** Seconds a citizen typically spends on each step of a journey that ends with a receipt (sum ≈ 4 min). */
const DWELL_S: Record<StepId, number> = {
  language: 6,
  service: 25,
  iin: 20,
  phone: 45,
  identify: 35,
  photo: 40,
  signature: 20,
  payment: 45,
  receipt: 12,
  done: 8,
};
/** Median first touch to receipt taken, and the spread: about one in six over 5 minutes. */
const SERVICE_MEDIAN_S = 232;
const SERVICE_SIGMA = 0.3;
const IDLE_TIMEOUT_S = 90;

type Leave = 'cancel' | 'idle' | 'refused' | 'operator' | 'interrupted';
/** The chance of leaving at each step, for those who reached it (online; offline adjusts below). */
const LEAVE: Partial<Record<StepId, Partial<Record<Leave, number>>>> = {
  language: { idle: 0.04, interrupted: 0.0005 },
  service: { cancel: 0.03, idle: 0.015, interrupted: 0.0005 },
  iin: { refused: 0.07, cancel: 0.01, idle: 0.005, interrupted: 0.0005 },
  phone: { cancel: 0.05, idle: 0.01, interrupted: 0.0005 },
  identify: { idle: 0.03, operator: 0.04, cancel: 0.005, interrupted: 0.0005 },
  photo: { cancel: 0.01, idle: 0.005, interrupted: 0.0005 },
  signature: { idle: 0.005, cancel: 0.003, interrupted: 0.0005 },
  payment: { cancel: 0.02, idle: 0.01, interrupted: 0.0005 },
};

const SERVICES: Record<ServiceCode, number> = { '04': 12, '07': 10, '09': 15, '13': 5, '14': 3, '16': 10, '17': 15, '18': 30 };
const LANGS: Record<Lang, number> = { ru: 54, kk: 43, en: 3 };

/** Refusals by code with the services each can follow; not_found and the general ones follow any. */
const REFUSALS: { code: RefusalCode; weight: number; services: readonly ServiceCode[] | null }[] = [
  { code: 'not_found', weight: 8, services: null },
  { code: 'deceased', weight: 0.2, services: null },
  { code: 'under_16', weight: 3, services: null },
  { code: 'application_in_progress', weight: 25, services: null },
  { code: 'document_not_offered', weight: 1, services: ['09'] },
  { code: 'no_valid_id_card', weight: 6, services: ['17'] },
  { code: 'has_passport', weight: 8, services: ['17'] },
  { code: 'document_not_expired', weight: 20, services: ['18'] },
  { code: 'document_lost', weight: 5, services: ['07'] },
  { code: 'document_expired', weight: 6, services: ['07'] },
  { code: 'no_document_on_record', weight: 4, services: ['07', '16'] },
  { code: 'no_civil_record', weight: 7, services: ['04'] },
  { code: 'no_locality_change', weight: 3, services: ['14'] },
];

/** Why identification went to an operator; camera_missing only where the camera failed mid-journey. */
const OPERATOR_CAUSES = { face_not_matched: 0.6, liveness_failed: 0.4 } as const;

/** Device faults met mid-journey, each at its step, with the chance per journey that reaches it. */
const JOURNEY_FAULTS: { step: StepId; device: Device; code: string; chance: number }[] = [
  { step: 'iin', device: 'scanner', code: 'scanner_not_pos_mode', chance: 0.003 },
  { step: 'identify', device: 'camera', code: 'camera_missing', chance: 0.002 },
  { step: 'signature', device: 'pad', code: 'pad_missing', chance: 0.002 },
  { step: 'receipt', device: 'printer', code: 'paper_out', chance: 0.004 },
  { step: 'receipt', device: 'printer', code: 'printer_missing', chance: 0.001 },
];

const DEFERRING_STEPS = new Set(STEP_IDS.filter((s) => OFFLINE_POLICY[s].defers !== null));

/**
 * Offline nothing is refused at the kiosk and no face is matched: the back office does both later
 * (only a failed liveness still calls an operator); with no SMS code to wait for, fewer give up at the phone.
 */
function offlineChance(how: Leave, step: StepId, chance: number): number {
  if (how === 'refused') return 0;
  if (how === 'operator') return chance * 0.4;
  if (how === 'cancel' && step === 'phone') return chance * 0.4;
  return chance;
}

function documentFor(random: Random, service: ServiceCode): DocumentKind {
  if (service === '13' || service === '17') return 'passport';
  if (service === '09') return 'id_card';
  return random() < (service === '18' ? 0.8 : 0.75) ? 'id_card' : 'passport';
}

function refusalFor(random: Random, service: ServiceCode): RefusalCode {
  const fits = REFUSALS.filter((r) => r.services === null || r.services.includes(service));
  return weighted(random, Object.fromEntries(fits.map((r) => [r.code, r.weight])) as Record<RefusalCode, number>);
}

/** The fee in MRP, by the 2026 tariff (src/domain/fees.ts): exempt on expiry, 1 MRP for a card lost again and again. */
function feeMrp(random: Random, service: ServiceCode, document: DocumentKind): number {
  if (document === 'passport') return 8;
  if (service === '18') return 0;
  if (service === '09' && random() < 0.03) return 1;
  return 0.2;
}

function settleFee(random: Random, service: ServiceCode, document: DocumentKind, conditions: JourneyConditions): SyntheticJourney['fee'] {
  const mrp = feeMrp(random, service, document);
  if (mrp === 0) return { kind: 'exempt', amountTiyn: null };
  const amountTiyn = conditions.mrpTenge === null ? null : Math.round(mrp * conditions.mrpTenge * 100);
  // Offline the QR is shown and the back office reconciles it; online, the gateway is sometimes down.
  if (amountTiyn === null || conditions.offline || random() < 0.01) return { kind: 'deferred', amountTiyn };
  return { kind: 'paid', amountTiyn };
}

export function mrpOn(year: number): number | null {
  return MRP_BY_YEAR[year] ?? null;
}

/** A journey that begins at `startedAt` (epoch ms). */
export function syntheticJourney(random: Random, startedAt: number, conditions: JourneyConditions): SyntheticJourney {
  const lang = weighted(random, LANGS);
  const service = weighted(random, SERVICES);
  const document = documentFor(random, service);
  // Each step's share of the journey, drawn once; a finished journey is then scaled to its total.
  const dwell = STEP_IDS.map((s) => DWELL_S[s] * logNormal(random, 1, 0.35));
  const faults: SyntheticJourney['faults'] = [];
  let leave: { step: StepId; how: Leave; code: string | null } | null = null;
  for (const step of STEP_IDS) {
    for (const f of JOURNEY_FAULTS) if (f.step === step && random() < f.chance) faults.push({ device: f.device, code: f.code });
    if (step === 'identify' && faults.some((f) => f.code === 'camera_missing')) {
      leave = { step, how: 'operator', code: 'camera_missing' };
      break;
    }
    const chances = LEAVE[step];
    if (!chances) continue;
    const r = random();
    let acc = 0;
    for (const [how, chance] of Object.entries(chances) as [Leave, number][]) {
      acc += conditions.offline ? offlineChance(how, step, chance) : chance;
      if (r < acc) {
        const code = how === 'refused' ? refusalFor(random, service) : how === 'operator' ? (conditions.offline ? 'liveness_failed' : weighted(random, OPERATOR_CAUSES)) : null;
        leave = { step, how, code };
        break;
      }
    }
    if (leave) break;
  }

  const lastIndex = leave ? STEP_IDS.indexOf(leave.step) : STEP_IDS.length - 1;
  const reached = STEP_IDS.slice(0, lastIndex + 1);
  const scale = leave ? 1 : logNormal(random, SERVICE_MEDIAN_S, SERVICE_SIGMA) / reached.reduce((sum, _s, i) => sum + dwell[i]!, 0);
  const steps: SyntheticJourney['steps'] = [];
  let at = startedAt;
  for (const [i, step] of reached.entries()) {
    steps.push({ step, at: Math.round(at) });
    at += dwell[i]! * scale * 1000;
  }
  // The last step's time is spent before leaving; an idle journey waits for the timeout first.
  if (leave?.how === 'idle') at += IDLE_TIMEOUT_S * 1000;
  if (leave?.how === 'cancel' || leave?.how === 'interrupted') at -= dwell[lastIndex]! * 500;
  if (leave?.how === 'refused' || leave?.how === 'operator') at += between(random, 10, 40) * 1000;
  const endedAt = Math.round(Math.max(at, steps[steps.length - 1]!.at + 1000));

  const fee = lastIndex > STEP_IDS.indexOf('payment') ? settleFee(random, service, document, conditions) : null;
  const inService = lastIndex >= STEP_IDS.indexOf('iin');
  return {
    startedAt,
    endedAt,
    lang: lastIndex >= STEP_IDS.indexOf('service') ? lang : null,
    service: inService ? service : null,
    document: inService ? document : null,
    steps,
    outcome: leave?.how ?? 'receipt',
    outcomeStep: leave?.step ?? 'done',
    outcomeCode: leave?.code ?? null,
    offlineSteps: conditions.offline ? reached.filter((s) => DEFERRING_STEPS.has(s)) : [],
    faults,
    serviceMs: leave ? null : endedAt - startedAt,
    fee,
  };
}
