import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../../src/domain/domain-error';
import { isTrackingUrl, sendTrackingNotFound } from '../tracking/tracking-reply';

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** A NUL, raw or percent-encoded: no path or query of ours has one, and PostgreSQL cannot even look one up. */
function hasNul(url: string): boolean {
  return /%00/i.test(url) || url.includes('\u0000');
}

/** Every error leaves as JSON `{ code, detail? }`: the kiosk maps the code to a message in the citizen's language. */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (!hasNul(request.url)) return;
      // The tracking page's URLs are a citizen's: a page, not the API's JSON (routes/tracking-page.ts).
      if (isTrackingUrl(request.url)) return sendTrackingNotFound(request, reply);
      return reply.code(400).send({ code: 'invalid_request', detail: 'a NUL in the URL' });
    });
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.validation) {
        return reply.code(400).send({ code: 'invalid_request', detail: error.message });
      }
      const status = error.statusCode ?? 500;
      if (status < 500) {
        return reply.code(status).send({ code: CODE_BY_STATUS[status] ?? 'bad_request', detail: error.message });
      }
      // A DomainError here is a rule the server itself cannot apply (no tariff for a year): an operator's problem.
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send({ code: error instanceof DomainError ? error.code : 'internal' });
    });
  },
  { name: 'errors' },
);
