import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
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
import { Limiter } from '../limits/limiter';
import { sendTooMany } from '../limits/too-many';
import {
  CODE_LIFETIME_S,
  IDENTIFY_ATTEMPTS,
  RESEND_AFTER_S,
  smsChecks,
  smsGapCheck,
  smsRefusalCode,
  VERIFICATION_LIFETIME_S,
  wrongCodeChecks,
} from '../phone/policy';
import { hashSmsCode, newSmsCode, smsCodeMatches, smsCodeText } from '../phone/sms-code';
import { newToken, tokenHash } from '../tokens';
import { limitTerminalLookups } from '../limits/guards';

const errors = { 400: ApiError, 404: ApiError, 409: ApiError, 429: ApiError, 503: ApiError };
const seconds = (s: number) => s * 1000;

/*
 * Every limit here is counted in the database (server/limits/limiter.ts), so it holds across
 * processes: wrong codes per IIN over all its verifications, SMS per phone and per IIN, one SMS a
 * minute. Each refusal is 429 with its code and Retry-After.
 */
const phoneRoutes: FastifyPluginAsync = async (app) => {
  const limiter = new Limiter(app.db);

  app.post<{ Body: PhoneStartRequest; Reply: PhoneStartResponse | ApiError }>(
    '/phone/start',
    { preHandler: limitTerminalLookups('phone_start'), schema: { body: PhoneStartRequest, response: { 200: PhoneStartResponse, ...errors } } },
    async (request, reply) => {
      const { iin, phone } = request.body;
      if (!parseIin(iin).ok) return reply.code(400).send({ code: 'invalid_iin' });
      const now = app.clock();
      // Starting over buys no guesses: the wrong codes are the IIN's, whichever verification had them.
      const wrongCodes = await limiter.peek(wrongCodeChecks(iin), now);
      if (!wrongCodes.allowed) return sendTooMany(reply, 'too_many_wrong_codes', wrongCodes.retryAfterS);
      const registered = await app.bmg.phoneFor(iin);
      if (registered === null) return { ok: false, code: 'not_in_bmg' };
      if (registered !== phone) return { ok: false, code: 'phone_mismatch' };

      const sms = await limiter.hit(smsChecks(iin, phone), now);
      if (!sms.allowed) return sendTooMany(reply, smsRefusalCode(sms.rule), sms.retryAfterS);
      const code = newSmsCode();
      const id = randomUUID();
      await app.phoneVerifications.create({
        id,
        iin,
        phone,
        code: hashSmsCode(app.codeSecret, code),
        identifyAttemptsLeft: IDENTIFY_ATTEMPTS,
        createdAt: now,
        expiresAt: new Date(now.getTime() + seconds(CODE_LIFETIME_S)),
      });
      if (!(await sendCode(app, phone, code))) return reply.code(503).send({ code: 'sms_unavailable' });
      return { ok: true, verificationId: id, attemptsLeft: wrongCodes.remaining, resendInS: RESEND_AFTER_S, expiresInS: CODE_LIFETIME_S };
    },
  );

  app.post<{ Body: PhoneConfirmRequest; Reply: PhoneConfirmResponse | ApiError }>(
    '/phone/confirm',
    { schema: { body: PhoneConfirmRequest, response: { 200: PhoneConfirmResponse, ...errors } } },
    async (request, reply) => {
      const verification = await app.phoneVerifications.findById(request.body.verificationId);
      if (!verification) return reply.code(404).send({ code: 'not_found' });
      if (verification.confirmedAt) return reply.code(409).send({ code: 'already_confirmed' });
      const now = app.clock();
      const checks = wrongCodeChecks(verification.iin);
      if (now >= verification.expiresAt) {
        const left = await limiter.peek(checks, now);
        if (!left.allowed) return sendTooMany(reply, 'too_many_wrong_codes', left.retryAfterS);
        return { ok: false, code: 'expired', attemptsLeft: left.remaining };
      }

      // The attempt is spent before the code is compared, in one statement: of a burst of parallel
      // guesses only as many as the limit allows are ever compared, and none once it is reached.
      const attempt = await limiter.hit(checks, now);
      if (!attempt.allowed) return sendTooMany(reply, 'too_many_wrong_codes', attempt.retryAfterS);
      if (!smsCodeMatches(app.codeSecret, request.body.code, verification.code)) {
        if (attempt.remaining > 0) return { ok: false, code: 'wrong_code', attemptsLeft: attempt.remaining };
        return tooManyWrongCodes(reply, limiter, verification.iin, now);
      }
      // A right code was no guess: its attempt is given back, so that mistakes alone are counted. And
      // the code has arrived, so the minute between SMS (kept while one is on its way) is over too.
      await limiter.refund([...checks, smsGapCheck(verification.phone)], now);
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
      if (verification.confirmedAt) return reply.code(409).send({ code: 'already_confirmed' });
      const now = app.clock();
      const wrongCodes = await limiter.peek(wrongCodeChecks(verification.iin), now);
      if (!wrongCodes.allowed) return sendTooMany(reply, 'too_many_wrong_codes', wrongCodes.retryAfterS);
      if (now.getTime() - verification.createdAt.getTime() >= seconds(VERIFICATION_LIFETIME_S)) {
        return { ok: false, code: 'expired' };
      }
      const sms = await limiter.hit(smsChecks(verification.iin, verification.phone), now);
      if (!sms.allowed) return sendTooMany(reply, smsRefusalCode(sms.rule), sms.retryAfterS);

      // The new code replaces the old one; the wrong codes stay counted, so resending buys no guesses.
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

/** The last allowed wrong code: 429 at once, with the wait the fullest window sets. */
async function tooManyWrongCodes(reply: FastifyReply, limiter: Limiter, iin: string, now: Date): Promise<FastifyReply> {
  const after = await limiter.peek(wrongCodeChecks(iin), now);
  return sendTooMany(reply, 'too_many_wrong_codes', after.allowed ? 1 : after.retryAfterS);
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
