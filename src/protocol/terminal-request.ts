// Requests a kiosk makes on a citizen's behalf (citizens/check, phone/*, identify, payments) are
// the terminal's: signed with its non-extractable ECDSA key, so nothing a stranger can call tells
// anything about a citizen. Packets and technician logs carry their signature in the body instead.

/** The four headers of a signed request, lower-case as Node hands them over. */
export const TERMINAL_REQUEST_HEADERS = {
  terminalId: 'x-terminal-id',
  /** The instant of signing, ISO 8601 with milliseconds and Z (Date.toISOString()). */
  time: 'x-terminal-time',
  /** 16 random bytes, base64url: each signed request is accepted once. */
  nonce: 'x-terminal-nonce',
  /** ECDSA P-256 / SHA-256, P1363 (r‖s), base64url, over requestSignedBytes. */
  signature: 'x-terminal-signature',
} as const;

/**
 * How far a request's time may be from the back office's clock. The nonce is kept twice as long,
 * so a replay is either stale or remembered. A kiosk whose clock has drifted further learns the
 * back office's time from the refusal's Date header and signs again (src/sync/backoffice.ts).
 */
export const REQUEST_MAX_SKEW_S = 300;

export const NONCE_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** What is signed: the method, the path with its query, the body's SHA-256, who, when, and the nonce. */
export interface SignedRequestParts {
  method: string;
  /** As sent on the request line: `/api/v1/payments/…?…`. */
  path: string;
  /** SHA-256 of the body's bytes, base64url; of no bytes when there is no body. */
  bodyDigest: string;
  terminalId: string;
  time: string;
  nonce: string;
}

/** A tag of its own, so a request's signature can never pass for a packet's or a log's. */
export function requestSignedBytes(r: SignedRequestParts): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(['kiosk-request-v1', r.method.toUpperCase(), r.path, r.bodyDigest, r.terminalId, r.time, r.nonce]));
}

/**
 * Refusals of a request that is not the terminal's (401, or 403 for a terminal that may not call):
 * - unsigned_request: a header missing or malformed
 * - stale_request: the time is more than REQUEST_MAX_SKEW_S from the back office's
 * - bad_signature: not signed by this terminal's key over exactly this request
 * - replayed_request: this nonce was used before
 * - unknown_terminal, revoked_terminal (403)
 */
export type TerminalRequestError = 'unsigned_request' | 'stale_request' | 'bad_signature' | 'replayed_request' | 'unknown_terminal' | 'revoked_terminal';
