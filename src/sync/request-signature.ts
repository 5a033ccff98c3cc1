// Signing a request to the back office as this terminal (src/protocol/terminal-request.ts). Only
// WebCrypto, so the kiosk signs in the browser and the tests sign in Node with the same code.
import { requestSignedBytes, TERMINAL_REQUEST_HEADERS as H } from '../protocol/terminal-request';
import { encodeBase64url } from './base64url';
import { signAsTerminal } from './seal';

const NO_BYTES = new Uint8Array(0);

/** SHA-256 of the body's bytes, base64url: what the signature covers of the body. */
export async function bodyDigest(body: Uint8Array<ArrayBuffer> | null): Promise<string> {
  return encodeBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', body ?? NO_BYTES)));
}

export interface RequestToSign {
  method: string;
  /** As it goes on the request line, query included. */
  path: string;
  /** The exact bytes sent; null for no body. */
  body: Uint8Array<ArrayBuffer> | null;
}

/** The headers that make `request` this terminal's, signed at `now`. */
export async function signRequest(
  terminal: { terminalId: string; signingKey: CryptoKey },
  request: RequestToSign,
  now: Date,
): Promise<Record<string, string>> {
  const nonce = encodeBase64url(crypto.getRandomValues(new Uint8Array(16)));
  const time = now.toISOString();
  const bytes = requestSignedBytes({
    method: request.method,
    path: request.path,
    bodyDigest: await bodyDigest(request.body),
    terminalId: terminal.terminalId,
    time,
    nonce,
  });
  return {
    [H.terminalId]: terminal.terminalId,
    [H.time]: time,
    [H.nonce]: nonce,
    [H.signature]: await signAsTerminal(terminal.signingKey, bytes),
  };
}
