import { describe, expect, it } from 'vitest';
import { PASSED_LIVENESS } from '../sync/packet-fixture';
import type { LivenessEvidence } from '../protocol/liveness';
import { livenessFlags } from './liveness-review';

const evidence = (change: (e: LivenessEvidence) => void): LivenessEvidence => {
  const e = structuredClone(PASSED_LIVENESS);
  change(e);
  return e;
};

describe('livenessFlags', () => {
  it('flags nothing in a sequence that passed with room to spare', () => {
    expect(livenessFlags(PASSED_LIVENESS)).toEqual([]);
  });

  it('names each narrow pass, in a stable order', () => {
    // A slow terminal is not a sign of a replay: the e2e camera was analysed at 4 fps on CI.
    expect(livenessFlags(evidence((e) => (e.fps = 4)))).toEqual([]);
    expect(livenessFlags(evidence((e) => (e.passive.longestFrozenMs = 600)))).toEqual(['frozen_stream']);
    expect(livenessFlags(evidence((e) => (e.passive.repeatedFrames = 1)))).toEqual(['repeated_frames']);
    expect(livenessFlags(evidence((e) => (e.passive.maxIdentityDistance = 0.35)))).toEqual(['identity_drift']);
    expect(livenessFlags(evidence((e) => (e.challenges[1]!.parallax = 0.027)))).toEqual(['flat_turn']);
    expect(livenessFlags(evidence((e) => (e.passive.maxFaces = 2)))).toEqual(['second_face']);
    expect(livenessFlags(evidence((e) => delete e.colour))).toEqual(['colour_unchecked']);
    expect(
      livenessFlags(
        evidence((e) => {
          e.passive.maxFaces = 2;
          e.passive.repeatedFrames = 1;
        }),
      ),
    ).toEqual(['repeated_frames', 'second_face']);
  });

  it('does not hold a blink or a smile to a turn\'s parallax, nor a failed turn that another challenge replaced', () => {
    expect(livenessFlags(evidence((e) => (e.challenges = [{ kind: 'blink', outcome: 'passed', startMs: 0, endMs: 900, peak: 0.7, parallax: null }, e.challenges[1]!])))).toEqual([]);
    expect(livenessFlags(evidence((e) => (e.challenges[0] = { ...e.challenges[0]!, outcome: 'not_reached', parallax: 0 })))).toEqual([]);
  });
});
