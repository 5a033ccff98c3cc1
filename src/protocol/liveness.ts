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

/** The colour challenge's own failures (src/biometrics/colour-challenge.ts judgeColour). */
export const ColourFailureCode = Type.Union([
  /** Too few steps had a camera frame in them to judge. */
  Type.Literal('colour_unmeasured'),
  /** The face did not take on the screen's colours: a phone's own light, a photo lit as its background is. */
  Type.Literal('no_colour_response'),
  /** It changed colour, but not in the order and sense asked: late, or to another sequence. */
  Type.Literal('colour_mismatch'),
  /** The colours came back as off glass (added light, not reflected by skin): a screen held up to the camera. */
  Type.Literal('glass_reflection'),
  /** The room behind took the colours as much as the face: a picture with its background on it, at one distance. */
  Type.Literal('flat_reflection'),
  /** So much light on the face that the screen's cannot be measured: an operator decides. */
  Type.Literal('too_bright'),
]);
export type ColourFailure = Static<typeof ColourFailureCode>;

export const ScreenColourName = Type.Union([
  Type.Literal('blue'),
  Type.Literal('green'),
  Type.Literal('magenta'),
  Type.Literal('amber'),
  Type.Literal('cyan'),
  Type.Literal('orange'),
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

const Level = Type.Number({ minimum: 0, maximum: 255 });
const MeanRgb = Type.Tuple([Level, Level, Level]);

/** The colour challenge: what the screen showed, what the face did in each step, and the decision. */
export const ColourEvidence = Type.Object(
  {
    thresholdsVersion: Text({ minLength: 1, maxLength: 64 }),
    /** Who chose the sequence: the back office (online, `nonce` is its challenge) or the kiosk (offline). */
    source: Type.Union([Type.Literal('back_office'), Type.Literal('kiosk')]),
    nonce: Type.Union([Text({ minLength: 1, maxLength: 64 }), Type.Null()]),
    stepMs: Type.Integer({ minimum: 100, maximum: 2000 }),
    sequence: Type.Array(ScreenColourName, { minItems: 3, maxItems: 8 }),
    steps: Type.Array(
      Type.Object(
        {
          startMs: Ms,
          /** Camera frames measured in the step's window (after its settling time). */
          samples: Count,
          /** Mean sRGB of the face regions over the window; null without a frame. */
          face: Type.Union([MeanRgb, Type.Null()]),
          /** The same of the reference (the frame's top corners); null without a frame or where they are too dark to read. */
          reference: Type.Union([MeanRgb, Type.Null()]),
        },
        { additionalProperties: false },
      ),
      { minItems: 3, maxItems: 8 },
    ),
    /** Mean luma of the face regions (0–255) and share of their pixels clipped: the "too bright" test. */
    faceLuma: Type.Integer({ minimum: 0, maximum: 255 }),
    clipped: Type.Number({ minimum: 0, maximum: 1 }),
    /** Of the face's chromaticity with the screen's, over the steps: order and sense. */
    correlation: Type.Union([Type.Number({ minimum: -1, maximum: 1 }), Type.Null()]),
    /** How far the face's chromaticity moved per unit of the screen's (RMS over RMS). */
    amplitude: Type.Union([Type.Number({ minimum: 0, maximum: 1000 }), Type.Null()]),
    /** The reference's own gain on the screen's colours over the face's: near 0 for a face before a far wall, near 1 for a picture. */
    referenceShare: Type.Union([Type.Number({ minimum: -1000, maximum: 1000 }), Type.Null()]),
    /** log10 of how much better light added on top (glass) explains the face's colours than light reflected by skin: above 0, glass. */
    glassLikeness: Type.Union([Type.Number({ minimum: -100, maximum: 100 }), Type.Null()]),
    /** The screen's light on the face relative to the room's, as the skin model fits it. */
    screenLight: Type.Union([Type.Number({ minimum: 0, maximum: 1000 }), Type.Null()]),
    status: Type.Union([Type.Literal('passed'), Type.Literal('failed')]),
    reason: Type.Union([ColourFailureCode, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ColourEvidence = Static<typeof ColourEvidence>;

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
    /**
     * The colour challenge run before the movements. Optional only for applications sealed by a kiosk
     * from before it (an outbox is never lost to an upgrade); the back office refuses an identification
     * without it and sends such an application to review.
     */
    colour: Type.Optional(ColourEvidence),
    /** Ranges over the sequence, degrees (coarse estimates from the 68 landmarks). */
    pose: Type.Union([Type.Object({ yaw: Range, pitch: Range, roll: Range }, { additionalProperties: false }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type LivenessEvidence = Static<typeof LivenessEvidence>;
