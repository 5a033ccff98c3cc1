import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { API_PREFIX } from '../../src/protocol/common';
import { isTrackingUrl, sendTrackingNotFound } from '../tracking/tracking-reply';

/**
 * The policy the kiosk runs under, found by running it (the e2e specs fail on any violation,
 * e2e/support/csp.ts). Why each source is there: docs/security.md, "Headers".
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // tfjs compiles its .wasm backend in the face worker: WebAssembly compilation, not JS eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  // The face worker and the service worker are files of the build. tfjs makes a blob: worker only
  // for its threaded backend, which needs cross-origin isolation the kiosk does not ask for.
  "worker-src 'self'",
  "connect-src 'self'",
  // data: for the photo step's review of the JPEG it took (Photo.svelte).
  "img-src 'self' data:",
  // Svelte's style: directives set element.style (CSSOM), which CSP does not govern; no inline <style>
  // or style="" attribute anywhere.
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The kiosk's own origin may use the camera, the receipt printer (USB) and the scanner and pen (HID); nothing else is used. */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'usb=(self)',
  'hid=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'serial=()',
  'display-capture=()',
  'midi=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'xr-spatial-tracking=()',
  'publickey-credentials-get=()',
].join(', ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'permissions-policy': PERMISSIONS_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // For browsers older than frame-ancestors; the staff will use any browser.
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Whether an answer is the API's, which may carry personal data and must never be stored by a cache. */
export function isApiUrl(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
}

/**
 * Fastify's `frameworkErrors`: a URL it cannot decode (or a parameter too long) is refused before
 * any route or hook, so the headers the onSend hook would add are put on here.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // Always the client's fault here (a URL that does not decode): a 4xx, never a 5xx.
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  // A citizen's phone is shown a page, whatever the QR or a hand typed after /track.
  if (isTrackingUrl(request.url)) return void sendTrackingNotFound(request, reply.headers(SECURITY_HEADERS));
  void reply.headers(SECURITY_HEADERS).header('cache-control', 'no-store').code(status).send({ code: 'invalid_request', detail: error.message });
}

/**
 * Puts the security headers on every answer: pages, assets, the service worker, the sandbox's pages,
 * the API, errors and refusals alike, since onSend runs for each of them (registered first, at the root).
 */
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      reply.headers(SECURITY_HEADERS);
      // An error must not be cached in place of the file or answer a retry would get.
      if (isApiUrl(request.url) || reply.statusCode >= 400) reply.header('cache-control', 'no-store');
      return payload;
    });
  },
  { name: 'security-headers' },
);
