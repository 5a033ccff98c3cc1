import { Type, type Static } from '@sinclair/typebox';
import { MAX_INT32, Text } from './common';

/*
 * The liveness evidence the kiosk puts into an application (src/biometrics/liveness.ts
 * livenessEvidence), so the back office can audit how a face was accepted or refused. Times are ms
 * from the sequence's start; ratios are plain numbers with the units noted.
 */

export const LivenessChallengeKind = Type.Union([Type.Literal('turn_left'), Type.Literal('turn_right'), Type.Literal('blink'), Type.Literal('smile')]);

export const LivenessFailureCode = Type.Union([
  Type.Literal('timeout'),
  Type.Literal('face_lost'),
  Type.Literal('several_faces'),
  Type.Literal('wrong_direction'),
  Type.Literal('no_micro_motion'),
  Type.Literal('planar_motion'),
  Type.Literal('replay'),
  Type.Literal('identity_changed'),
]);

const Ms = Type.Integer({ minimum: 0, maximum: MAX_INT32 });
const Count = Type.Integer({ minimum: 0, maximum: MAX_INT32 });
const Range = Type.Tuple([Type.Number(), Type.Number()]);

export const LivenessChallengeEvidence = Type.Object(
  {
    kind: LivenessChallengeKind,
    outcome: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('pending'), Type.Literal('not_reached')]),
    startMs: Type.Union([Ms, Type.Null()]),
    endMs: Type.Union([Ms, Type.Null()]),
    /** Furthest movement in the asked direction: degrees of yaw (turns), eye closure 0–1 (blink), mouth widening (smile, 0.2 = 20%). */
    peak: Type.Number(),
    /** Turns: median homography residual of the turned frames over the eye distance; null otherwise. */
    parallax: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  },
  { additionalProperties: false },
);

export const LivenessEvidence = Type.Object(
  {
    thresholdsVersion: Text({ minLength: 1, maxLength: 64 }),
    status: Type.Union([Type.Literal('running'), Type.Literal('passed'), Type.Literal('failed')]),
    reason: Type.Union([LivenessFailureCode, Type.Null()]),
    durationMs: Ms,
    frameCount: Count,
    fps: Type.Number({ minimum: 0 }),
    challenges: Type.Array(LivenessChallengeEvidence, { minItems: 2, maxItems: 3 }),
    passive: Type.Object(
      {
        /** Longest run of bit-identical landmarks. */
        longestFrozenMs: Ms,
        /** Share of consecutive face frames with identical landmarks (the same camera frame analysed twice, or a frozen stream). */
        identicalShare: Type.Number({ minimum: 0, maximum: 1 }),
        /** Median small frame-to-frame landmark movement over the eye distance. */
        medianJitter: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
        /** Frames repeating an earlier, not directly preceding frame exactly. */
        repeatedFrames: Count,
        descriptorsCompared: Count,
        maxIdentityDistance: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
        maxFaces: Count,
        longestFaceGapMs: Ms,
      },
      { additionalProperties: false },
    ),
    /** Ranges over the sequence, degrees (coarse estimates from the 68 landmarks). */
    pose: Type.Union([Type.Object({ yaw: Range, pitch: Range, roll: Range }, { additionalProperties: false }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type LivenessEvidence = Static<typeof LivenessEvidence>;
