import type { FastifyReply } from 'fastify';

/**
 * Every limit's code; the kiosk says each in the citizen's language (src/steps/limit-message.ts),
 * the staff console its own: sign_in_locked (server/staff/lockout.ts).
 */
export type TooManyCode = 'too_many_wrong_codes' | 'too_many_codes' | 'resend_too_early' | 'too_many_requests' | 'sign_in_locked';

/** 429 with the limit's stable code and Retry-After in seconds (RFC 9110 §10.2.3), which the kiosk reads. */
export function sendTooMany(reply: FastifyReply, code: TooManyCode, retryAfterS: number): FastifyReply {
  return reply.code(429).header('retry-after', String(retryAfterS)).send({ code });
}
