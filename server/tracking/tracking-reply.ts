import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../src/protocol/common';
import { notFoundPage } from './tracking-page';
import { trackingLang } from './tracking-lang';

/** Every tracking answer is a page a person reads: no cache keeps it, as the status changes and it names a person. */
export function sendTrackingPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** Without an application to take the language from: the page's `?lang=`, else the phone's. */
export function visitorLang(request: FastifyRequest): Lang {
  return trackingLang(request.query, null, request.headers['accept-language']);
}

/** A path that is no application, or a number that is none, whether the tracking routes or the app's own refusals of a URL find it. */
export function sendTrackingNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendTrackingPage(reply, 404, notFoundPage(visitorLang(request)));
}

/** Whether a URL is the tracking page's, whose refusals are pages rather than the API's JSON. */
export function isTrackingUrl(url: string): boolean {
  return url === '/track' || url.startsWith('/track/') || url.startsWith('/track?');
}
