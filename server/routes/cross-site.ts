// The sandbox's routes that change its state (pay any payment or QR, enrol a kiosk) answer only
// its own pages and clients that are no browser: never another site's page in a tester's browser.
import type { FastifyReply, FastifyRequest } from 'fastify';

/** An onRequest hook: a request that would change the sandbox, sent by another site's page, is refused with 403 cross_site_request. */
export async function refuseCrossSiteChanges(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const refusal = crossSiteRefusal(request.headers);
  // Returned, as Fastify asks of an async hook that has answered.
  return refusal ? reply.code(403).send({ code: 'cross_site_request', detail: refusal }) : undefined;
}

/**
 * Why a state-changing request comes from another site's page, or null when it does not. Browsers
 * say where a request comes from in Sec-Fetch-Site (behind a proxy that rewrites Host too); older
 * ones only in Origin. A client that sends neither is no browser, so no tester's browser is being
 * made to act.
 */
export function crossSiteRefusal(headers: Readonly<Record<string, string | string[] | undefined>>): string | null {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') {
    return site === 'same-origin' || site === 'none' ? null : `a ${site} request may not change the sandbox`;
  }
  const origin = headers.origin;
  if (typeof origin !== 'string') return null;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    // 'null' (an opaque origin) or garbage: not this site
  }
  return host !== null && host === headers.host ? null : `a request from ${origin} may not change the sandbox`;
}
