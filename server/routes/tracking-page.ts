import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { ApplicationNumber } from '../../src/protocol/common';
import { countByAddress } from '../limits/guards';
import { trackedApplication } from '../tracking/tracked-application';
import { applicationPage, methodPage, notFoundPage, tooManyPage, TRACKING_CSS } from '../tracking/tracking-page';
import { trackingLang } from '../tracking/tracking-lang';
import { sendTrackingNotFound, sendTrackingPage, visitorLang } from '../tracking/tracking-reply';

/*
 * The citizen's tracking page, registered under /track: what the receipt's QR opens on a phone
 * (src/steps/receipt-job.ts puts PUBLIC_URL/track/<number> in it). Public: anyone holding the
 * number may read it, so it shows nothing personal but the masked name, and every lookup counts
 * against the address's tracking limit, the JSON route's (routes/applications.ts). Every answer is
 * an HTML page a person can read, whatever was asked: a bad number, a path under /track that is
 * no page, a POST, a limit reached. Who may call what: docs/api.md.
 */

const Params = Type.Object({ number: ApplicationNumber });

/** Only reading: the other methods get a page saying so, with the methods there are. */
const OTHER_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const trackingPages: FastifyPluginAsync = async (app) => {
  app.setNotFoundHandler(sendTrackingNotFound);
  // A number that is not one fails the params schema: for the citizen that is a number not found.
  // Anything else a client gets wrong here (a body sent with a POST, refused before the route
  // says 405) keeps its 4xx, with the page that says this one is only read.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return sendTrackingNotFound(request, reply);
    const status = error.statusCode ?? 500;
    if (status < 500) return sendTrackingPage(reply, status, methodPage(visitorLang(request)));
    request.log.error({ err: error }, 'tracking page failed');
    return sendTrackingPage(reply, 500, notFoundPage(visitorLang(request)));
  });

  app.get('/page.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(TRACKING_CSS));

  app.get<{ Params: { number: string } }>(
    '/:number',
    {
      schema: { params: Params },
      // Counted before the lookup, as the JSON route counts: a well-formed guess is a lookup too.
      preHandler: async (request, reply) => {
        const verdict = await countByAddress(request, 'tracking');
        if (verdict.allowed) return undefined;
        return sendTrackingPage(reply.header('retry-after', String(verdict.retryAfterS)), 429, tooManyPage(visitorLang(request), verdict.retryAfterS));
      },
    },
    async (request, reply) => {
      const found = await trackedApplication(app, request.params.number);
      if (!found) return sendTrackingNotFound(request, reply);
      const lang = trackingLang(request.query, found.lang, request.headers['accept-language']);
      return sendTrackingPage(reply, 200, applicationPage(found.application, lang));
    },
  );
  // /track, /track/ and deeper paths: no application there. Routes rather than the 404 handler
  // alone, or the kiosk's own pages (plugins/static-files.ts) would answer them.
  app.get('/', sendTrackingNotFound);
  app.get('/*', sendTrackingNotFound);
  for (const url of ['/', '/*']) {
    app.route({
      method: [...OTHER_METHODS],
      url,
      handler: async (request, reply) => sendTrackingPage(reply.header('allow', 'GET, HEAD'), 405, methodPage(visitorLang(request))),
    });
  }
};

export default trackingPages;
