import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { SignInRequest, StaffSession } from '../../src/protocol/staff';
import { sendTooMany } from '../limits/too-many';
import { crossSiteRefusal } from '../routes/cross-site';
import { COOKIE_OPTIONS, currentSession, refuseSession, requireStaff, sessionEnd, signedInStaff } from './require-staff';
import { csrfTokenFor, IDLE_TIMEOUT_S, newSessionToken, SESSION_COOKIE, tokenHash } from './session-token';
import { StaffSessionsRepository } from './sessions-repository';
import { checkSignIn } from './sign-in';
import { staffMember } from './staff-repository';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 429: ApiError };

/** POST, GET and DELETE /staff/session: signing in, who is signed in, signing out. */
const sessionRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: SignInRequest; Reply: StaffSession | ApiError }>(
    '/session',
    { schema: { body: SignInRequest, response: { 200: StaffSession, ...errors } } },
    async (request, reply) => {
      // No CSRF token before a session exists; another site's page signing a browser in (login CSRF) is refused by origin instead.
      if (crossSiteRefusal(request.headers)) return reply.code(403).send({ code: 'cross_site_request' });
      const result = await checkSignIn(app, request.body, request.ip);
      if (!result.ok) {
        if (result.status === 429) return sendTooMany(reply, result.code, result.retryAfterS);
        return reply.code(401).send({ code: result.code });
      }
      const now = app.clock();
      const token = newSessionToken();
      const csrfToken = csrfTokenFor(token);
      const expiresAt = sessionEnd(now);
      await app.staffSessions.prune(now, IDLE_TIMEOUT_S);
      await app.db.transaction(async (tx) => {
        await new StaffSessionsRepository(tx).create({ tokenHash: tokenHash(token), csrfHash: tokenHash(csrfToken), staffId: result.staff.id, now, expiresAt });
        await app.auditLog.record({ staffId: result.staff.id, action: 'sign_in', details: { ip: request.ip } }, tx);
      });
      reply.setCookie(SESSION_COOKIE, token, COOKIE_OPTIONS);
      return { staff: staffMember(result.staff), csrfToken, idleTimeoutS: IDLE_TIMEOUT_S, expiresAt: expiresAt.toISOString() };
    },
  );

  /** Who is signed in, and the session's CSRF token again (a reload of the console, a new tab). */
  app.get<{ Reply: StaffSession | ApiError }>('/session', { schema: { response: { 200: StaffSession, 401: ApiError } } }, async (request, reply) => {
    const found = await currentSession(request);
    if (!found.ok) return refuseSession(reply, found.code);
    await app.staffSessions.touch(found.session.tokenHash, app.clock());
    const { staff } = found.session;
    return {
      staff: { id: staff.id, username: staff.username, role: staff.role, branchId: staff.branchId, centreId: staff.centreId, totp: staff.totp },
      csrfToken: csrfTokenFor(found.token),
      idleTimeoutS: IDLE_TIMEOUT_S,
      expiresAt: found.session.expiresAt.toISOString(),
    };
  });

  app.delete('/session', { preHandler: requireStaff(), schema: { response: { 204: { type: 'null' }, ...errors } } }, async (request, reply) => {
    const staff = signedInStaff(request);
    const token = request.cookies[SESSION_COOKIE] ?? '';
    await app.db.transaction(async (tx) => {
      await new StaffSessionsRepository(tx).delete(tokenHash(token));
      await app.auditLog.record({ staffId: staff.id, action: 'sign_out' }, tx);
    });
    reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
    return reply.code(204).send();
  });
};

export default sessionRoutes;
