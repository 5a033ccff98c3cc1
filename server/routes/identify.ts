import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { IdentifyRequest, IdentifyResponse } from '../../src/protocol/identify';
import { FACE_MATCH_THRESHOLD, faceDistance } from '../../src/biometrics/face-match';
import { newToken, tokenHash } from '../tokens';
import { limitTerminalLookups } from '../limits/guards';

const identifyRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: IdentifyRequest; Reply: IdentifyResponse | ApiError }>(
    '/identify',
    { preHandler: limitTerminalLookups('identify'), schema: { body: IdentifyRequest, response: { 200: IdentifyResponse, 400: ApiError, 403: ApiError, 422: ApiError } } },
    async (request, reply) => {
      const { phoneToken, descriptor, liveness } = request.body;
      const verification = await app.phoneVerifications.findConfirmedByToken(tokenHash(phoneToken));
      if (!verification) return reply.code(403).send({ code: 'unverified_phone' });
      if (liveness.status !== 'passed') return reply.code(422).send({ code: 'liveness_failed' });
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
