import { describe, expect, it } from 'vitest';
import { COLOUR_THRESHOLDS } from '../biometrics/colour-challenge';
import { colourPlan } from './colour-plan';

describe('the kiosk’s own colour plan', () => {
  it('is five colours of 300 ms, drawn by the kiosk, with no nonce', () => {
    const plan = colourPlan(false);
    expect(plan).toMatchObject({ stepMs: COLOUR_THRESHOLDS.stepMs, nonce: null, source: 'kiosk' });
    expect(plan.sequence).toHaveLength(COLOUR_THRESHOLDS.steps);
    expect(plan.sequence.length * plan.stepMs).toBeLessThanOrEqual(2000);
  });

  it('with reduced motion asked for: fewer changes, each held longer, still within two seconds', () => {
    const calm = colourPlan(true);
    expect(calm.sequence).toHaveLength(COLOUR_THRESHOLDS.calmSteps);
    expect(calm.stepMs).toBe(COLOUR_THRESHOLDS.calmStepMs);
    expect(1000 / calm.stepMs).toBeLessThan(1000 / COLOUR_THRESHOLDS.stepMs);
    expect(calm.sequence.length * calm.stepMs).toBeLessThanOrEqual(2000);
  });
});
