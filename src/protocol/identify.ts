import { Type, type Static } from '@sinclair/typebox';
import { Text } from './common';
import { LivenessEvidence, ScreenColourName } from './liveness';

export const DESCRIPTOR_LENGTH = 128;

/**
 * POST /api/v1/identify — the kiosk sends the live face descriptor; the back office compares it
 * with the registry's reference. The reference never leaves the back office.
 */
export const IdentifyRequest = Type.Object(
  {
    phoneToken: Text({ maxLength: 64 }),
    descriptor: Type.Array(Type.Number(), { minItems: DESCRIPTOR_LENGTH, maxItems: DESCRIPTOR_LENGTH }),
    liveness: LivenessEvidence,
  },
  { additionalProperties: false },
);
export type IdentifyRequest = Static<typeof IdentifyRequest>;

export const IdentifyResponse = Type.Union([
  Type.Object({ matched: Type.Literal(true), identityToken: Type.String() }),
  Type.Object({
    matched: Type.Literal(false),
    code: Type.Union([Type.Literal('face_mismatch'), Type.Literal('too_many_attempts'), Type.Literal('no_reference')]),
    attemptsLeft: Type.Integer(),
  }),
]);
export type IdentifyResponse = Static<typeof IdentifyResponse>;

/**
 * POST /api/v1/identify/colour — the back office chooses the colour challenge's sequence for this
 * phone's next identification (src/biometrics/colour-challenge.ts); the identification must then carry
 * its nonce and these colours. Offline, the kiosk chooses them itself and the back office judges them at sync.
 */
export const ColourChallengeRequest = Type.Object({ phoneToken: Text({ maxLength: 64 }), calm: Type.Boolean() }, { additionalProperties: false });
export type ColourChallengeRequest = Static<typeof ColourChallengeRequest>;

export const ColourChallengeResponse = Type.Object({
  nonce: Type.String(),
  sequence: Type.Array(ScreenColourName),
  stepMs: Type.Integer(),
});
export type ColourChallengeResponse = Static<typeof ColourChallengeResponse>;
