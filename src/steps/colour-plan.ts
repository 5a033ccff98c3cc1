import { COLOUR_THRESHOLDS, type ColourPlan } from '../biometrics/colour-challenge';
import { cryptoRandomInt, pickColourSequence } from '../biometrics/colour-palette';

/** The screen asked for less motion: fewer colour changes, each held longer. */
export function calmAsked(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A sequence the kiosk draws itself (offline, or when the back office gave none): checked again at sync. */
export function colourPlan(calm = calmAsked()): ColourPlan {
  const steps = calm ? COLOUR_THRESHOLDS.calmSteps : COLOUR_THRESHOLDS.steps;
  const stepMs = calm ? COLOUR_THRESHOLDS.calmStepMs : COLOUR_THRESHOLDS.stepMs;
  return { sequence: pickColourSequence(cryptoRandomInt, steps), stepMs, nonce: null, source: 'kiosk' };
}

/** The back office's challenge as the plan the identify step shows. */
export function backOfficePlan(challenge: { nonce: string; sequence: ColourPlan['sequence']; stepMs: number }): ColourPlan {
  return { sequence: challenge.sequence, stepMs: challenge.stepMs, nonce: challenge.nonce, source: 'back_office' };
}
