import type { FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import {
  NONCE_PATTERN,
  REQUEST_MAX_SKEW_S,
  requestSignedBytes,
  TERMINAL_REQUEST_HEADERS as H,
  TIME_PATTERN,
  type TerminalRequestError,
} from '../../src/protocol/terminal-request';
import { TerminalId } from '../../src/protocol/packets';
import { bodyDigest } from '../../src/sync/request-signature';
import { verifyTerminalSignature } from '../../src/sync/seal';
import { terminalKey } from '../sync/terminal-key';

declare module 'fastify' {
  interface FastifyRequest {
    /** The enrolled terminal that signed this request; set on the routes behind requireTerminal. */
    terminal: { terminalId: string; centreId: string } | null;
  }
}

const TERMINAL_ID = new RegExp(TerminalId.pattern ?? '^$');

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

type Verdict = { ok: true; terminalId: string; centreId: string } | { ok: false; status: 401 | 403; code: TerminalRequestError };
const refused = (status: 401 | 403, code: TerminalRequestError): Verdict => ({ ok: false, status, code });

/** Whether this request was signed by an enrolled, unrevoked terminal, now, once (src/protocol/terminal-request.ts). */
export async function checkTerminalRequest(request: FastifyRequest): Promise<Verdict> {
  const { server: app } = request;
  const terminalId = header(request, H.terminalId);
  const time = header(request, H.time);
  const nonce = header(request, H.nonce);
  const signature = header(request, H.signature);
  if (terminalId === null || !TERMINAL_ID.test(terminalId) || time === null || !TIME_PATTERN.test(time) || nonce === null || !NONCE_PATTERN.test(nonce) || signature === null) {
    return refused(401, 'unsigned_request');
  }
  const signedAt = Date.parse(time);
  const now = app.clock();
  if (!Number.isFinite(signedAt) || Math.abs(now.getTime() - signedAt) > REQUEST_MAX_SKEW_S * 1000) return refused(401, 'stale_request');

  const terminal = await terminalKey(app.terminals, terminalId);
  if (!terminal.ok) return refused(403, terminal.code);
  const bytes = requestSignedBytes({
    method: request.method,
    path: request.url,
    bodyDigest: await bodyDigest(request.rawBody === null ? null : new Uint8Array(request.rawBody)),
    terminalId,
    time,
    nonce,
  });
  if (!(await verifyTerminalSignature(terminal.key, signature, bytes))) return refused(401, 'bad_signature');
  // Remembered past the moment the time alone would refuse it: a replay is stale or known.
  const forgetAt = new Date(Math.max(signedAt, now.getTime()) + 2 * REQUEST_MAX_SKEW_S * 1000);
  if (!(await app.requestNonces.remember(terminalId, nonce, forgetAt, now))) return refused(401, 'replayed_request');
  return { ok: true, terminalId, centreId: terminal.centreId };
}

/**
 * The hook of every route a kiosk calls on a citizen's behalf. preValidation: after the body is
 * read (its bytes are signed) and before it is validated, so a stranger learns nothing, not even
 * which bodies would pass.
 */
export const requireTerminal: preValidationAsyncHookHandler = async (request: FastifyRequest, reply: FastifyReply) => {
  const verdict = await checkTerminalRequest(request);
  if (!verdict.ok) {
    if (verdict.status === 401) void reply.header('www-authenticate', 'Terminal-Signature');
    // The kiosk sets its clock for signing by this: the back office's own, whatever the host's says.
    if (verdict.code === 'stale_request') void reply.header('date', request.server.clock().toUTCString());
    return reply.code(verdict.status).send({ code: verdict.code });
  }
  request.terminal = { terminalId: verdict.terminalId, centreId: verdict.centreId };
};
