import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { StaffRole } from '../../src/protocol/staff';
import { crossSiteRefusal } from '../routes/cross-site';
import type { StaffPrincipal } from './scope';
import type { SessionRecord } from './sessions-repository';
import { ABSOLUTE_TIMEOUT_S, csrfMatches, CSRF_HEADER, IDLE_TIMEOUT_S, SESSION_COOKIE, tokenHash } from './session-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, set by requireStaff; null on every other route. */
    staff: StaffPrincipal | null;
  }
}

export type SessionLookup = { ok: true; token: string; session: SessionRecord } | { ok: false; code: 'no_session' | 'session_expired' };

/** Methods that change nothing: every other one needs the session's CSRF token. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session the request's cookie names, if it is still live. A session past either timeout, or
 * of an account disabled since, is deleted here and answered as ended (an account disabled by an
 * admin had its sessions deleted already: this is the second lock on that door).
 */
export async function currentSession(request: FastifyRequest): Promise<SessionLookup> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return { ok: false, code: 'no_session' };
  const { staffSessions, clock } = request.server;
  const hash = tokenHash(token);
  const session = await staffSessions.find(hash);
  if (!session) return { ok: false, code: 'no_session' };
  if (session.staff.disabled) {
    await staffSessions.delete(hash);
    return { ok: false, code: 'no_session' };
  }
  if (sessionEnded(session, clock())) {
    await staffSessions.delete(hash);
    return { ok: false, code: 'session_expired' };
  }
  return { ok: true, token, session };
}

/** Past its absolute end, or idle for the whole idle timeout. */
export function sessionEnded(session: Pick<SessionRecord, 'expiresAt' | 'lastSeenAt'>, now: Date): boolean {
  return now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_S * 1000;
}

export const sessionEnd = (now: Date): Date => new Date(now.getTime() + ABSOLUTE_TIMEOUT_S * 1000);

export function principalOf(session: SessionRecord): StaffPrincipal {
  const { id, username, role, branchId, centreId } = session.staff;
  return { id, username, role, branchId, centreId };
}

/**
 * The preHandler of every staff route: `{ preHandler: requireStaff('operator', 'supervisor') }`.
 * In order: 401 `no_session` / `session_expired`; for a state-changing method, 403
 * `cross_site_request` (another site's page) and 403 `csrf` (no or a wrong x-csrf-token); 403
 * `forbidden_role` when the role is not listed (no roles listed: any signed-in staff member). Then
 * it slides the idle timeout and sets `request.staff`.
 */
export function requireStaff(...roles: StaffRole[]): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const found = await currentSession(request);
    if (!found.ok) return refuseSession(reply, found.code);
    if (!SAFE_METHODS.has(request.method)) {
      if (crossSiteRefusal(request.headers)) return reply.code(403).send({ code: 'cross_site_request' });
      const sent = request.headers[CSRF_HEADER];
      if (!csrfMatches(typeof sent === 'string' ? sent : undefined, found.session.csrfHash)) return reply.code(403).send({ code: 'csrf' });
    }
    if (roles.length > 0 && !roles.includes(found.session.staff.role)) return reply.code(403).send({ code: 'forbidden_role' });
    await request.server.staffSessions.touch(found.session.tokenHash, request.server.clock());
    request.staff = principalOf(found.session);
    return undefined;
  };
}

/** The signed-in staff member of a route behind requireStaff; a route without it is a wiring mistake. */
export function signedInStaff(request: FastifyRequest): StaffPrincipal {
  if (!request.staff) throw new Error(`${request.method} ${request.routeOptions.url ?? ''} is not behind requireStaff`);
  return request.staff;
}

/** 401 with the code, and the dead cookie cleared so the browser stops sending it. */
export function refuseSession(reply: FastifyReply, code: 'no_session' | 'session_expired'): FastifyReply {
  if (code === 'session_expired') reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
  return reply.code(401).send({ code });
}

/** httpOnly (no script reads it), Secure, SameSite=Strict (no other site's page sends it), the whole site; a browser-session cookie. */
export const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: 'strict', path: '/' } as const;
