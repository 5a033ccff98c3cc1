import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { ColourChallengeRequest, ColourChallengeResponse, IdentifyRequest, IdentifyResponse } from '../../src/protocol/identify';
import type { ColourEvidence } from '../../src/protocol/liveness';
import type { PhoneVerificationsRepository } from '../repositories/phone-verifications';
import { randomInt } from 'node:crypto';
import { COLOUR_THRESHOLDS, rejudgeColour } from '../../src/biometrics/colour-challenge';
import { pickColourSequence } from '../../src/biometrics/colour-palette';
import { FACE_MATCH_THRESHOLD, faceDistance } from '../../src/biometrics/face-match';
import { newToken, tokenHash } from '../tokens';
import { limitTerminalLookups } from '../limits/guards';

/** A challenge is for the identification that follows it at once: two minutes is generous. */
const COLOUR_CHALLENGE_TTL_MS = 120_000;

/**
 * Whether the colour evidence answers the challenge the back office set: a kiosk-chosen sequence (the
 * kiosk could not get one) is judged on its measurements alone, as at sync; one of ours must carry
 * its nonce, once, in time, with exactly the colours and pace we chose.
 */
async function answersChallenge(colour: ColourEvidence, verificationId: string, verifications: PhoneVerificationsRepository, now: Date): Promise<boolean> {
  if (colour.source === 'kiosk') return colour.nonce === null;
  if (!colour.nonce) return false;
  const issued = await verifications.spendColourChallenge(verificationId, colour.nonce);
  if (!issued || now.getTime() - Date.parse(issued.issuedAt) > COLOUR_CHALLENGE_TTL_MS) return false;
  return issued.stepMs === colour.stepMs && issued.sequence.join() === colour.sequence.join();
}

const identifyRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: ColourChallengeRequest; Reply: ColourChallengeResponse | ApiError }>(
    '/identify/colour',
    { preHandler: limitTerminalLookups('identify'), schema: { body: ColourChallengeRequest, response: { 200: ColourChallengeResponse, 400: ApiError, 403: ApiError } } },
    async (request, reply) => {
      const verification = await app.phoneVerifications.findConfirmedByToken(tokenHash(request.body.phoneToken));
      if (!verification) return reply.code(403).send({ code: 'unverified_phone' });
      const calm = request.body.calm;
      const challenge = {
        nonce: newToken(),
        sequence: pickColourSequence(randomInt, calm ? COLOUR_THRESHOLDS.calmSteps : COLOUR_THRESHOLDS.steps),
        stepMs: calm ? COLOUR_THRESHOLDS.calmStepMs : COLOUR_THRESHOLDS.stepMs,
      };
      await app.phoneVerifications.issueColourChallenge(verification.id, { ...challenge, issuedAt: app.clock().toISOString() });
      return challenge;
    },
  );


  app.post<{ Body: IdentifyRequest; Reply: IdentifyResponse | ApiError }>(
    '/identify',
    { preHandler: limitTerminalLookups('identify'), schema: { body: IdentifyRequest, response: { 200: IdentifyResponse, 400: ApiError, 403: ApiError, 422: ApiError } } },
    async (request, reply) => {
      const { phoneToken, descriptor, liveness } = request.body;
      const verification = await app.phoneVerifications.findConfirmedByToken(tokenHash(phoneToken));
      if (!verification) return reply.code(403).send({ code: 'unverified_phone' });
      if (liveness.status !== 'passed') return reply.code(422).send({ code: 'liveness_failed' });
      // The colour challenge is judged again here from its per-step measurements, not taken on the kiosk's word.
      const { colour } = liveness;
      if (!colour || rejudgeColour(colour).status !== 'passed') return reply.code(422).send({ code: 'liveness_failed' });
      if (!(await answersChallenge(colour, verification.id, app.phoneVerifications, app.clock()))) return reply.code(422).send({ code: 'liveness_failed' });
      if (verification.identifyAttemptsLeft <= 0) return { matched: false, code: 'too_many_attempts', attemptsLeft: 0 };

      const reference = await app.registry.referenceDescriptor(verification.iin);
      if (!reference) return { matched: false, code: 'no_reference', attemptsLeft: verification.identifyAttemptsLeft };
      const attemptsLeft = await app.phoneVerifications.spendIdentifyAttempt(verification.id);
      if (attemptsLeft === null) return { matched: false, code: 'too_many_attempts', attemptsLeft: 0 };
      // The citizen is here and may try again: the threshold decides; a match near it is reviewed after the intake.
      const distance = faceDistance(descriptor, reference);
      if (distance >= FACE_MATCH_THRESHOLD) {
        return { matched: false, code: 'face_mismatch', attemptsLeft };
      }
      const identityToken = newToken();
      await app.identifications.create(tokenHash(identityToken), {
        iin: verification.iin,
        verificationId: verification.id,
        createdAt: app.clock(),
        liveness,
        distance,
      });
      return { matched: true, identityToken };
    },
  );
};

export default identifyRoutes;
