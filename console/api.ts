// The console's calls to the back office's staff API (/api/v1/staff/). The session is an httpOnly
// cookie the browser sends by itself; every call that changes something also carries the CSRF token
// the back office gave at sign-in (docs/security.md), which lives only in this page's memory.
import { Value } from '@sinclair/typebox/value';
import type { Static, TSchema } from '@sinclair/typebox';
import { ApiError } from '../src/protocol/common';

export const STAFF_API = '/api/v1/staff';

/** Why a call gave no answer: the back office's own code, or network/server/bad_response. */
export class ConsoleError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
    /** A 429's Retry-After, in seconds. */
    readonly retryAfterS: number | null = null,
    /** The refusal's whole body, for a page whose route says more than a code (each mistake of a form). */
    readonly body: unknown = undefined,
  ) {
    super(`staff api: ${code}${status === null ? '' : ` (${status})`}`);
  }
}

let csrfToken: string | null = null;

/** Told when a call finds the session gone (idle expiry, signed out elsewhere, account disabled). */
let sessionLost: (error: ConsoleError) => void = () => {};

export function onSessionLost(observer: (error: ConsoleError) => void): void {
  sessionLost = observer;
}

/** Kept from the sign-in or session answer; forgotten at sign-out. */
export function useCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function call<S extends TSchema>(method: Method, path: string, schema: S, body?: unknown): Promise<Static<S>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${STAFF_API}${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ConsoleError('network', null);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    if (method === 'DELETE' && response.status === 204) return undefined as Static<S>;
    if (!Value.Check(schema, json)) throw new ConsoleError('bad_response', response.status);
    return json;
  }
  if (response.status >= 500) throw new ConsoleError('server', response.status);
  const retryAfter = Number(response.headers.get('retry-after'));
  const error = new ConsoleError(Value.Check(ApiError, json) ? json.code : 'bad_response', response.status, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null, json);
  // Any page's call may find the session over: the console goes back to sign-in and says why.
  if (response.status === 401 && path !== '/session') sessionLost(error);
  throw error;
}
