import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { Limiter } from './limiter';
import { ADDRESS_LIMITS, TERMINAL_LOOKUPS, type AddressLimit, type TerminalLookup } from './rules';
import { sendTooMany } from './too-many';
import type { LimitRule, Verdict } from './verdict';

type BackOffice = Pick<FastifyInstance, 'db' | 'clock'>;

/** Counts one lookup of this terminal; the verdict for the caller to act on. */
export function countTerminalLookup(app: BackOffice, lookup: TerminalLookup, terminalId: string): Promise<Verdict> {
  return new Limiter(app.db).hit([{ rule: TERMINAL_LOOKUPS[lookup], subject: `terminal:${terminalId}` }], app.clock());
}

/** The terminal a verified request signature names: `request.terminal.terminalId`, once the signature check sets it. */
export const signedTerminalId = (request: FastifyRequest): string | undefined => request.terminal?.terminalId;

/**
 * The per-terminal limit as a preHandler, to run after the terminal's signature is checked:
 *   { preHandler: limitTerminalLookups('citizens_check'), … }
 * A request without a terminal (the signature check not wired, or skipped) is counted under the same
 * rule by its address instead, so that no route of this kind is ever unlimited.
 */
export function limitTerminalLookups(
  lookup: TerminalLookup,
  terminalIdOf: (request: FastifyRequest) => string | undefined = signedTerminalId,
): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const terminalId = terminalIdOf(request);
    const verdict = terminalId
      ? await countTerminalLookup(request.server, lookup, terminalId)
      : await countRuleByAddress(request, TERMINAL_LOOKUPS[lookup]);
    return refuse(reply, verdict);
  };
}

/** A limit per client address (request.ip: behind a load balancer, see docs/security.md on trustProxy). */
export function limitByAddress(name: AddressLimit): preHandlerAsyncHookHandler {
  return async (request, reply) => refuse(reply, await countByAddress(request, name));
}

/** Counts one request of this client address under the named limit. */
export function countByAddress(request: FastifyRequest, name: AddressLimit): Promise<Verdict> {
  return countRuleByAddress(request, ADDRESS_LIMITS[name]);
}

function countRuleByAddress(request: FastifyRequest, rule: LimitRule): Promise<Verdict> {
  return new Limiter(request.server.db).hit([{ rule, subject: `ip:${request.ip}` }], request.server.clock());
}

function refuse(reply: FastifyReply, verdict: Verdict): FastifyReply | undefined {
  if (verdict.allowed) return undefined;
  return sendTooMany(reply, 'too_many_requests', verdict.retryAfterS);
}
