import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { parseIin } from '../../src/domain/iin';
import { ApiError } from '../../src/protocol/common';
import {
  PhoneConfirmRequest,
  PhoneConfirmResponse,
  PhoneResendRequest,
  PhoneResendResponse,
  PhoneStartRequest,
  PhoneStartResponse,
} from '../../src/protocol/phone';
import {
  CODE_ATTEMPTS,
  CODE_LIFETIME_S,
  IDENTIFY_ATTEMPTS,
  LOCK_AFTER_WRONG_CODES_S,
  RESEND_AFTER_S,
  VERIFICATION_LIFETIME_S,
} from '../phone/policy';
import { hashSmsCode, newSmsCode, smsCodeMatches, smsCodeText } from '../phone/sms-code';
import { newToken, tokenHash } from '../tokens';

const errors = { 400: ApiError, 404: ApiError, 409: ApiError, 503: ApiError };
const seconds = (s: number) => s * 1000;

const phoneRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: PhoneStartRequest; Reply: PhoneStartResponse | ApiError }>(
    '/phone/start',
    { schema: { body: PhoneStartRequest, response: { 200: PhoneStartResponse, ...errors } } },
    async (request, reply) => {
      const { iin, phone } = request.body;
      if (!parseIin(iin).ok) return reply.code(400).send({ code: 'invalid_iin' });
      const now = app.clock();
      const lockedForS = await lockedFor(app, iin, now);
      if (lockedForS > 0) return { ok: false, code: 'locked', lockedForS };
      const registered = await app.bmg.phoneFor(iin);
      if (registered === null) return { ok: false, code: 'not_in_bmg' };
      if (registered !== phone) return { ok: false, code: 'phone_mismatch' };

      // Starting over must not buy fresh attempts: wrong codes of an unfinished verification carry over.
      const carried = await app.phoneVerifications.attemptsLeftSince(iin, new Date(now.getTime() - seconds(LOCK_AFTER_WRONG_CODES_S)));
      const attemptsLeft = carried !== null && carried > 0 ? carried : CODE_ATTEMPTS;
      const code = newSmsCode();
      const id = randomUUID();
      await app.phoneVerifications.create({
        id,
        iin,
        phone,
        code: hashSmsCode(app.codeSecret, code),
        attemptsLeft,
        identifyAttemptsLeft: IDENTIFY_ATTEMPTS,
        createdAt: now,
        expiresAt: new Date(now.getTime() + seconds(CODE_LIFETIME_S)),
      });
      if (!(await sendCode(app, phone, code))) return reply.code(503).send({ code: 'sms_unavailable' });
      return { ok: true, verificationId: id, attemptsLeft, resendInS: RESEND_AFTER_S, expiresInS: CODE_LIFETIME_S };
    },
  );

  app.post<{ Body: PhoneConfirmRequest; Reply: PhoneConfirmResponse | ApiError }>(
    '/phone/confirm',
    { schema: { body: PhoneConfirmRequest, response: { 200: PhoneConfirmResponse, ...errors } } },
    async (request, reply) => {
      const verification = await app.phoneVerifications.findById(request.body.verificationId);
      if (!verification) return reply.code(404).send({ code: 'not_found' });
      const now = app.clock();
      const lockedForS = await lockedFor(app, verification.iin, now);
      if (lockedForS > 0) return { ok: false, code: 'locked', attemptsLeft: 0, lockedForS };
      if (verification.confirmedAt) return reply.code(409).send({ code: 'already_confirmed' });
      if (now >= verification.expiresAt) return { ok: false, code: 'expired', attemptsLeft: verification.attemptsLeft };

      if (!smsCodeMatches(app.codeSecret, request.body.code, verification.code)) {
        const attemptsLeft = await app.phoneVerifications.spendCodeAttempt(verification.id);
        if (attemptsLeft > 0) return { ok: false, code: 'wrong_code', attemptsLeft };
        await app.phoneVerifications.lock(verification.iin, new Date(now.getTime() + seconds(LOCK_AFTER_WRONG_CODES_S)));
        return { ok: false, code: 'locked', attemptsLeft: 0, lockedForS: LOCK_AFTER_WRONG_CODES_S };
      }
      const phoneToken = newToken();
      if (!(await app.phoneVerifications.confirm(verification.id, tokenHash(phoneToken), now))) {
        return reply.code(409).send({ code: 'already_confirmed' });
      }
      return { ok: true, phoneToken };
    },
  );

  app.post<{ Body: PhoneResendRequest; Reply: PhoneResendResponse | ApiError }>(
    '/phone/resend',
    { schema: { body: PhoneResendRequest, response: { 200: PhoneResendResponse, ...errors } } },
    async (request, reply) => {
      const verification = await app.phoneVerifications.findById(request.body.verificationId);
      if (!verification) return reply.code(404).send({ code: 'not_found' });
      const now = app.clock();
      if ((await lockedFor(app, verification.iin, now)) > 0) return { ok: false, code: 'locked' };
      if (verification.confirmedAt) return reply.code(409).send({ code: 'already_confirmed' });
      if (now.getTime() - verification.createdAt.getTime() >= seconds(VERIFICATION_LIFETIME_S)) {
        return { ok: false, code: 'expired' };
      }
      const waitMs = verification.sentAt.getTime() + seconds(RESEND_AFTER_S) - now.getTime();
      if (waitMs > 0) return { ok: false, code: 'too_early', resendInS: Math.ceil(waitMs / 1000) };

      // The new code replaces the old one; the wrong-code count stays, so resending buys no guesses.
      const code = newSmsCode();
      await app.phoneVerifications.replaceCode(
        verification.id,
        hashSmsCode(app.codeSecret, code),
        now,
        new Date(now.getTime() + seconds(CODE_LIFETIME_S)),
      );
      if (!(await sendCode(app, verification.phone, code))) return reply.code(503).send({ code: 'sms_unavailable' });
      return { ok: true, resendInS: RESEND_AFTER_S, expiresInS: CODE_LIFETIME_S };
    },
  );
};

async function lockedFor(app: FastifyInstance, iin: string, now: Date): Promise<number> {
  const until = await app.phoneVerifications.lockedUntil(iin);
  return until && until > now ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0;
}

async function sendCode(app: FastifyInstance, phone: string, code: string): Promise<boolean> {
  try {
    await app.sms.send({ phone, text: smsCodeText(code) });
    return true;
  } catch (error) {
    app.log.error({ err: error }, 'SMS gateway failed');
    return false;
  }
}

export default phoneRoutes;
