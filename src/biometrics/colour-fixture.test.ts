import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { ColourEvidence } from '../protocol/liveness';
import { COLOUR_THRESHOLDS, rejudgeColour } from './colour-challenge';
import { RECORDED_COLOUR } from './colour-fixture';

/** What each kind of session must come to, judged again from its recorded measurements. */
const EXPECTED: Record<string, string[]> = {
  genuine: ['passed'],
  too_bright: ['too_bright'],
  phone_replay: ['no_colour_response', 'glass_reflection'],
  recorded_session: ['colour_mismatch'],
  late_follower: ['colour_mismatch'],
  print_flat: ['flat_reflection'],
  print_bent: ['flat_reflection'],
};

describe('the decision on recorded responses (bench:liveness, the kiosk’s worker on simulated sessions)', () => {
  it('covers a genuine face and every attack kind, each with its own reason', () => {
    expect(new Set(RECORDED_COLOUR.map((r) => r.kind))).toEqual(new Set(Object.keys(EXPECTED)));
  });

  for (const recorded of RECORDED_COLOUR) {
    it(`${recorded.kind} (${recorded.faceId}, seed ${recorded.seed}): ${recorded.evidence.reason ?? 'passed'}`, () => {
      expect(Value.Check(ColourEvidence, recorded.evidence)).toBe(true);
      expect(recorded.evidence.thresholdsVersion).toBe(COLOUR_THRESHOLDS.version);
      const judged = rejudgeColour(recorded.evidence);
      expect(EXPECTED[recorded.kind]).toContain(judged.reason ?? 'passed');
      // The same figures as the kiosk's, from the measurements alone.
      expect(judged).toMatchObject({
        status: recorded.evidence.status,
        reason: recorded.evidence.reason,
        correlation: recorded.evidence.correlation,
        glassLikeness: recorded.evidence.glassLikeness,
        referenceShare: recorded.evidence.referenceShare,
      });
    });
  }
});
