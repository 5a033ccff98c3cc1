// Test helpers for staff routes: sign in as a sandbox account and send requests as the console does.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { StaffRole, StaffSession } from '../../src/protocol/staff';
import { SANDBOX_STAFF_PASSWORD } from './seed-staff';
import { CSRF_HEADER, SESSION_COOKIE } from './session-token';

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  session: StaffSession;
}

export function signInRequest(body: Record<string, unknown>, headers: Record<string, string> = {}): InjectOptions {
  return { method: 'POST', url: '/api/v1/staff/session', payload: body, headers };
}

/** The session cookie's value a response set, or null. */
export function sessionCookieOf(response: LightMyRequestResponse): string | null {
  return response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? null;
}

/** Signs in (a sandbox account by default, named after its role); throws unless it worked. */
export async function signIn(app: FastifyInstance, username: StaffRole | string, password = SANDBOX_STAFF_PASSWORD): Promise<SignedIn> {
  const response = await app.inject(signInRequest({ username, password }));
  const cookie = sessionCookieOf(response);
  if (response.statusCode !== 200 || !cookie) throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const session = response.json() as StaffSession;
  return { cookie, csrfToken: session.csrfToken, session };
}

/** A request as the console sends it: the session cookie, and on a change the CSRF header, from the same site. */
export function asStaff(app: FastifyInstance, who: SignedIn | null, request: { method: InjectOptions['method']; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' };
  if (who) {
    headers.cookie = `${SESSION_COOKIE}=${who.cookie}`;
    headers[CSRF_HEADER] = who.csrfToken;
  }
  const options: InjectOptions = { method: request.method, url: request.url, headers: { ...headers, ...request.headers } };
  if (request.payload !== undefined) options.payload = request.payload as InjectOptions['payload'];
  return app.inject(options);
}
