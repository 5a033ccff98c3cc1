import { DEFERRED_CHECKS, type DeferredCheck } from '../protocol/packets';
import type { StepId } from './steps';

/*
 * What each step does when the back office cannot be reached: the design's table
 * (../shared/ARCHITECTURE.md, "The journey and its data") as data, so a reader and a test see the
 * whole policy in one place and the steps, the receipt and the back office speak of the same checks.
 */


export interface StepPolicy {
  online: string;
  offline: string;
  /** The check this step leaves to the back office when it runs offline. */
  defers: DeferredCheck | null;
}

export const OFFLINE_POLICY: Readonly<Record<StepId, StepPolicy>> = {
  language: { online: 'kk / ru / en', offline: 'the same', defers: null },
  service: {
    online: 'reasons and documents the local rules allow; eligibility from the registry with the IIN',
    offline: 'the same local rules; eligibility re-checked by the back office',
    defers: null,
  },
  iin: {
    online: 'checksum, date and century here; the person found in the registry and eligible',
    offline: 'checksum, date and century here; registry and eligibility at the back office',
    defers: 'registry',
  },
  phone: {
    online: 'the number the БМГ holds for the IIN, then a one-time SMS code',
    offline: 'the number is kept; no code can be sent; the back office checks it with the БМГ and tells the citizen by SMS',
    defers: 'phone',
  },
  identify: {
    online: 'liveness here; the back office matches the face with the registry photo',
    offline: 'liveness here; the face match at the back office',
    defers: 'face_match',
  },
  photo: { online: 'ICAO checks here', offline: 'the same', defers: null },
  signature: { online: 'here', offline: 'the same', defers: null },
  payment: {
    online: 'the QR, and the paid status polled from the gateway',
    offline: 'the QR (the citizen pays on their own phone\'s network); the back office reconciles it by the application number',
    defers: 'payment',
  },
  receipt: {
    online: 'saved, then printed: final',
    offline: 'sealed into the outbox, then printed: provisional, naming the checks still to come',
    defers: null,
  },
  done: { online: 'take your receipt', offline: 'the same', defers: null },
};

/** The checks still to be made for a journey in which these steps ran offline, in the journey's order. */
export function pendingChecks(offlineSteps: ReadonlySet<StepId>): DeferredCheck[] {
  const pending = new Set<DeferredCheck>();
  for (const [step, policy] of Object.entries(OFFLINE_POLICY) as Array<[StepId, StepPolicy]>) {
    if (policy.defers && offlineSteps.has(step)) pending.add(policy.defers);
  }
  return DEFERRED_CHECKS.filter((check) => pending.has(check));
}
