import { Value } from '@sinclair/typebox/value';
import type { LoggedEvent } from '../flow/events';
import type { SessionData } from '../flow/session-data';
import type { StepId } from '../flow/steps';
import { MAX_INT32 } from '../protocol/common';
import {
  JourneyRecord,
  MAX_RECORD_FAULTS,
  MAX_RECORD_STEPS,
  TELEMETRY_VERSION,
  type FeeKind,
  type JourneyOutcome,
} from '../protocol/telemetry';

/*
 * The pilot's journey record (src/protocol/telemetry.ts), made from the kiosk's typed events
 * (src/flow/events.ts). Pure: the store (telemetry-store.ts) feeds it events and keeps what it gives.
 *
 * When a journey is one: it starts when the citizen leaves the start screen (the first step entered
 * after 'language': the language chosen, or an e-application scanned). A kiosk whose start screen was
 * only looked at, touched, or scanned with a code it refused, had no journey: nothing is recorded,
 * and a device fault met there (the scanner failing to start) belongs to no journey — the
 * heartbeat and the readiness check report those.
 * 'language' itself is not in the record's steps: every journey was there, and when it came to the
 * screen says nothing about the citizen.
 *
 * How it ends:
 * - receipt: the 'done' step entered (the application sealed, the receipt printed or its number
 *   shown). The record closes there, serviceMs = first touch to that moment; the "finish" press or
 *   the done screen's own timeout that follows adds nothing.
 * - operator: the kiosk sent the citizen to an operator (a sent_to_operator event), however the
 *   session then ended (finish, cancel or idle: they went to the operator).
 * - refused: the session ended as refused; the code is the last refusal at that step, else the last
 *   device fault at that step (a camera that would not start), else 'unspecified'.
 * - cancel / idle at the step the session ended at.
 * - interrupted: an open record found when the kiosk starts (reloaded, crashed, powered off); it
 *   ends at its last step, at the time of the last event it saw.
 */

/** A step, with when it was entered: ms since the epoch. */
export interface StepAt {
  step: StepId;
  at: number;
}

type Device = JourneyRecord['faults'][number]['device'];

/** A journey still going on: what its record will say, so far. Kept in IndexedDB as it grows. */
export interface OpenJourney {
  sessionId: string;
  startedAt: number;
  /** The last event seen: where an interrupted journey is closed. */
  lastAt: number;
  lang: JourneyRecord['lang'];
  service: JourneyRecord['service'];
  document: JourneyRecord['document'];
  steps: StepAt[];
  offlineSteps: StepId[];
  faults: { device: Device; code: string; step: StepId }[];
  refusal: { step: StepId; code: string } | null;
  /** The cause the kiosk named when it sent the citizen to an operator. */
  operator: string | null;
  fee: JourneyRecord['fee'];
}

/** The codes of the session a record may hold, and nothing else of it. */
export interface JourneyFacts {
  lang: JourneyRecord['lang'];
  service: JourneyRecord['service'];
  document: JourneyRecord['document'];
  fee: JourneyRecord['fee'];
}

/**
 * What of the session goes into a record: the language, reason and document codes and the fee.
 * Picked field by field, so a field added to the session later never leaks into telemetry.
 */
export function journeyFacts(data: Pick<SessionData, 'lang' | 'service' | 'document' | 'payment'>): JourneyFacts {
  return { lang: data.lang, service: data.service, document: data.document, fee: feeOf(data.payment) };
}

/**
 * The fee as the journey settled it (src/flow/steps.ts settledHere): paid, exempt (not_required), or
 * deferred — shown and left to the back office to reconcile (amount known), or the year's MRP not
 * known yet (amount unknown). A payment still pending, declined or expired settled nothing: null.
 */
export function feeOf(payment: SessionData['payment']): JourneyFacts['fee'] {
  if (!payment) return null;
  const amount = Number.isSafeInteger(payment.amountTiyn) && payment.amountTiyn >= 0 ? payment.amountTiyn : null;
  const fee = (kind: FeeKind, amountTiyn: number | null) => ({ kind, amountTiyn });
  switch (payment.status) {
    case 'paid':
      return fee('paid', amount);
    case 'not_required':
      return fee('exempt', null);
    case 'deferred':
      return fee('deferred', amount);
    case 'fee_deferred':
      return fee('deferred', null);
    default:
      return null;
  }
}

/** Identify's failures by the cause the report groups operators by. Anything else keeps its own code. */
const OPERATOR_CAUSES: Readonly<Record<string, string>> = {
  face_mismatch: 'face_not_matched',
  timeout: 'liveness_failed',
  face_lost: 'liveness_failed',
  several_faces: 'liveness_failed',
  wrong_direction: 'liveness_failed',
  planar_motion: 'liveness_failed',
};

/**
 * Why the identify step sent a citizen to an operator, from the code of its last failure: the face
 * did not match the registry's, the liveness sequence failed (any of its reasons, passive ones too),
 * or the code itself (camera_missing, camera_denied, face_models_failed, too_many_attempts, no_reference).
 */
export function operatorCause(code: string, livenessFailure: boolean): string {
  return telemetryCode(livenessFailure ? 'liveness_failed' : (OPERATOR_CAUSES[code] ?? code));
}

/** A code as the wire takes it (TelemetryCode: ^[a-z][a-z0-9_]{0,47}$): never refused for its spelling. */
export function telemetryCode(code: string): string {
  const cleaned = code
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 48);
  return cleaned === '' ? 'unknown' : cleaned;
}

/** What one event did: the journey still open (or null), and the record it finished, if any. */
export interface Observed {
  open: OpenJourney | null;
  finished: JourneyRecord | null;
}

/**
 * The journey after one event. `facts` is the session as it is at the event (read before the
 * session is wiped: journey.end emits session_ended first); `newId` makes a session id.
 */
export function observe(open: OpenJourney | null, event: LoggedEvent, facts: JourneyFacts, newId: () => string): Observed {
  if (!open) {
    const starts = event.type === 'step_entered' && (event as LoggedEvent<'step_entered'>).data.step !== 'language';
    if (!starts) return { open: null, finished: null };
    open = {
      sessionId: newId(),
      startedAt: event.at,
      lastAt: event.at,
      lang: null,
      service: null,
      document: null,
      steps: [],
      offlineSteps: [],
      faults: [],
      refusal: null,
      operator: null,
      fee: null,
    };
  }
  const next: OpenJourney = { ...open, lastAt: Math.max(open.lastAt, event.at), lang: facts.lang, service: facts.service, document: facts.document, fee: facts.fee ?? open.fee };
  const step = currentStep(next);
  switch (event.type) {
    case 'step_entered': {
      const entered = (event as LoggedEvent<'step_entered'>).data.step;
      // journey.end's return to the start screen comes after session_ended, which closed the record.
      if (entered === 'language') return { open: next, finished: null };
      next.steps = withStep(next.steps, { step: entered, at: event.at });
      if (entered === 'done') return { open: null, finished: close(next, 'receipt', 'done', null, event.at) };
      return { open: next, finished: null };
    }
    case 'step_refused': {
      const { step: at, code } = (event as LoggedEvent<'step_refused'>).data;
      next.refusal = { step: at, code: telemetryCode(code) };
      return { open: next, finished: null };
    }
    case 'step_offline': {
      const at = (event as LoggedEvent<'step_offline'>).data.step;
      if (!next.offlineSteps.includes(at)) next.offlineSteps = [...next.offlineSteps, at];
      return { open: next, finished: null };
    }
    case 'device_fault': {
      const { device, code } = (event as LoggedEvent<'device_fault'>).data;
      const fault = { device, code: telemetryCode(code), step };
      // One of each kind a journey: a printer retried five times met one fault, not five.
      const known = next.faults.some((f) => f.device === fault.device && f.code === fault.code);
      if (!known && next.faults.length < MAX_RECORD_FAULTS) next.faults = [...next.faults, fault];
      return { open: next, finished: null };
    }
    case 'sent_to_operator': {
      next.operator = telemetryCode((event as LoggedEvent<'sent_to_operator'>).data.cause);
      return { open: next, finished: null };
    }
    case 'session_ended': {
      const { reason, atStep } = (event as LoggedEvent<'session_ended'>).data;
      // 'finished' is pressed on the done screen, which closed the record already; one that did not
      // get there (never, by the step table) is closed where it is, as interrupted.
      if (next.operator !== null) return { open: null, finished: close(next, 'operator', atStep, next.operator, event.at) };
      if (reason === 'refused') return { open: null, finished: close(next, 'refused', atStep, refusalCode(next, atStep), event.at) };
      if (reason === 'cancel' || reason === 'idle') return { open: null, finished: close(next, reason, atStep, null, event.at) };
      return { open: null, finished: close(next, 'interrupted', atStep, null, event.at) };
    }
    default:
      return { open: next, finished: null };
  }
}

/** An open record found when the kiosk starts: the journey was cut off at its last step. */
export function closeInterrupted(open: OpenJourney): JourneyRecord {
  return close(open, 'interrupted', currentStep(open), null, open.lastAt);
}

/** Whether a record is as the wire takes it; one that is not is a bug here, never sent. */
export function isValidRecord(record: JourneyRecord | undefined): boolean {
  return Value.Check(JourneyRecord, record);
}

function currentStep(open: OpenJourney): StepId {
  return open.steps.at(-1)?.step ?? 'language';
}

/** The record keeps MAX_RECORD_STEPS steps; beyond, the last one is replaced, so where it ended is always there. */
function withStep(steps: StepAt[], entered: StepAt): StepAt[] {
  return steps.length < MAX_RECORD_STEPS ? [...steps, entered] : [...steps.slice(0, -1), entered];
}

function refusalCode(open: OpenJourney, atStep: StepId): string {
  if (open.refusal?.step === atStep) return open.refusal.code;
  const fault = open.faults.findLast((f) => f.step === atStep);
  return fault?.code ?? 'unspecified';
}

const iso = (ms: number) => new Date(ms).toISOString();

function close(open: OpenJourney, outcome: JourneyOutcome, outcomeStep: StepId, outcomeCode: string | null, endedAt: number): JourneyRecord {
  // A record needs one step; a journey closed before its first (never, by observe) ends where it began.
  const entered = open.steps.length > 0 ? open.steps : [{ step: outcomeStep, at: open.startedAt }];
  // The wall clock may be set back mid-journey (a time sync): the record still reads forwards, each
  // step no earlier than the one before and all within start..end, as the back office checks.
  let last = open.startedAt;
  const steps = entered.map(({ step, at }) => {
    last = Math.max(last, at);
    return { step, at: iso(last) };
  });
  const end = Math.max(endedAt, last);
  return {
    v: TELEMETRY_VERSION,
    sessionId: open.sessionId,
    startedAt: iso(open.startedAt),
    endedAt: iso(end),
    lang: open.lang,
    service: open.service,
    document: open.document,
    steps,
    outcome,
    outcomeStep,
    outcomeCode,
    offlineSteps: open.offlineSteps,
    faults: open.faults.map(({ device, code }) => ({ device, code })),
    serviceMs: outcome === 'receipt' ? Math.min(MAX_INT32, end - open.startedAt) : null,
    fee: open.fee,
  };
}
