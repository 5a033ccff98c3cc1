import { emptySession, type SessionData } from './session-data';

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

type SessionKey = keyof SessionData;

/**
 * Where Back from a step leads, and what of the session it drops. Dropped is what the target step
 * proved (the registry's answer, the SMS token, the face match, the photo, the signature): it is
 * asked again on the way on. What the citizen typed stays for them to correct (the IIN, the number).
 */
export interface BackRule {
  to: StepId;
  drops: readonly SessionKey[];
  /** When Back is not offered although the step has a rule. */
  closedWhen?: (s: SessionData) => boolean;
}

/** The face match and what it vouches for: dropped by any Back that lands on the identify step or before it. */
const IDENTITY: readonly SessionKey[] = ['identityToken', 'faceDescriptor', 'liveness', 'photoJpeg', 'photoQuality', 'signaturePng'];

/** What was made for one IIN: the checked IIN itself, its number, its application and payment, its identification. */
const FROM_PHONE: readonly SessionKey[] = ['iin', 'phone', 'phoneToken', 'application', 'payment', ...IDENTITY];

/** Paid, or shown a QR that may have been paid with the link gone: the application stays as it is. */
const paidOrMaybePaid = (s: SessionData) => s.payment?.status === 'paid' || s.payment?.status === 'deferred';

export const BACK: Record<StepId, BackRule | null> = {
  language: null,
  // The first screen is between citizens: Back to it ends the session (only the language was chosen).
  service: { to: 'language', drops: [] },
  // The registry's answer depends on the reason: the number stays typed and is checked again.
  iin: { to: 'service', drops: ['citizen', ...FROM_PHONE] },
  // The IIN may be corrected, and the number, the application and its payment belong to that IIN.
  phone: { to: 'iin', drops: ['citizen', ...FROM_PHONE] },
  // The number stays on its screen; a new SMS code proves it again.
  identify: { to: 'phone', drops: ['phoneToken', ...IDENTITY] },
  // Whoever stands in front of the camera next is identified again against the IIN's photo: the
  // first person's match cannot carry a second person on.
  photo: { to: 'identify', drops: IDENTITY },
  // The photo step checks its portrait against the face matched, so the match is kept.
  signature: { to: 'photo', drops: ['photoJpeg', 'photoQuality', 'signaturePng'] },
  // The application id is kept: back on the payment step the back office finds the same payment.
  payment: { to: 'signature', drops: ['signaturePng', 'payment'], closedWhen: paidOrMaybePaid },
  receipt: null,
  done: null,
};

export interface BackMove {
  to: StepId;
  patch: Partial<SessionData>;
}

/** What Back from `step` does to the session, or null where there is no way back. */
export function backFrom(step: StepId, data: SessionData): BackMove | null {
  const rule = BACK[step];
  if (!rule || rule.closedWhen?.(data)) return null;
  const empty = emptySession();
  const patch = Object.fromEntries(rule.drops.map((key) => [key, empty[key]])) as Partial<SessionData>;
  // A dropped IIN stays on its screen as typed, for the citizen to correct and check again.
  if (rule.drops.includes('iin') && data.iin !== null) patch.prefill = { iin: data.iin };
  // The steps from the target on run again, and online if the link is back.
  const target = STEP_IDS.indexOf(rule.to);
  patch.offlineSteps = data.offlineSteps.filter((s) => STEP_IDS.indexOf(s) < target);
  return { to: rule.to, patch };
}
