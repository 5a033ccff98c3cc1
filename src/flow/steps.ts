import type { SessionData } from './session-data';

/**
 * The citizen's journey as data. Each step names what it needs (its guard) and the step after it.
 * The ids are a contract: they appear as data-step="<id>" on each step's root element, in the
 * e2e tests and in the event log.
 */
export const STEP_IDS = [
  'language',
  'service',
  'iin',
  'phone',
  'identify',
  'photo',
  'signature',
  'payment',
  'receipt',
  'done',
] as const;
export type StepId = (typeof STEP_IDS)[number];

interface StepDefinition {
  /** What the session must hold before this step may be shown. */
  guard: (s: SessionData) => boolean;
  next: StepId | null;
  /** Counted in the "step n of total" indicator. */
  counted: boolean;
}

/** Paid, exempt, or shown and left to the back office to reconcile. */
const settledHere = (s: SessionData) =>
  s.payment?.status === 'paid' || s.payment?.status === 'not_required' || s.payment?.status === 'deferred' || s.payment?.status === 'fee_deferred';

export const STEPS: Record<StepId, StepDefinition> = {
  language: { guard: () => true, next: 'service', counted: false },
  service: { guard: (s) => s.lang !== null, next: 'iin', counted: true },
  iin: { guard: (s) => s.service !== null && s.document !== null, next: 'phone', counted: true },
  // Offline, the IIN, the phone and the face go on without the back office's word (offline-policy.ts).
  phone: { guard: (s) => s.iin !== null && (s.citizen !== null || s.offlineSteps.includes('iin')), next: 'identify', counted: true },
  identify: { guard: (s) => s.phone !== null && (s.phoneToken !== null || s.offlineSteps.includes('phone')), next: 'photo', counted: true },
  photo: {
    guard: (s) => s.faceDescriptor !== null && s.liveness !== null && (s.identityToken !== null || s.offlineSteps.includes('identify')),
    next: 'signature',
    counted: true,
  },
  signature: { guard: (s) => s.photoJpeg !== null, next: 'payment', counted: true },
  payment: { guard: (s) => s.signaturePng !== null, next: 'receipt', counted: true },
  receipt: { guard: (s) => settledHere(s) && s.application !== null, next: 'done', counted: true },
  done: { guard: (s) => s.sealed !== null, next: null, counted: false },
};

const COUNTED = STEP_IDS.filter((id) => STEPS[id].counted);
export const COUNTED_STEPS = COUNTED.length;

/** 1-based position of a step in the progress indicator, or null for steps outside it. */
export function progressOf(step: StepId): number | null {
  const i = COUNTED.indexOf(step);
  return i < 0 ? null : i + 1;
}

export class StepGuardError extends Error {
  constructor(readonly step: StepId) {
    super(`The session does not hold what step "${step}" needs`);
  }
}

/** The step after `from`, checked against its guard: a step is never shown without its inputs. */
export function nextStep(from: StepId, data: SessionData): StepId {
  const next = STEPS[from].next;
  if (next === null) throw new StepGuardError(from);
  if (!STEPS[next].guard(data)) throw new StepGuardError(next);
  return next;
}
