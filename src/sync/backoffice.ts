import { Value } from '@sinclair/typebox/value';
import type { Static, TSchema } from '@sinclair/typebox';
import {
  API_PREFIX,
  ApiError,
  Enrolled,
  HealthResponse,
  CitizenCheckResponse,
  IdentifyResponse,
  Payment,
  PhoneConfirmResponse,
  PhoneResendResponse,
  PhoneStartResponse,
  type CitizenCheckRequest,
  type EnrolRequest,
  type IdentifyRequest,
  type PaymentCreateRequest,
  type PhoneConfirmRequest,
  type PhoneStartRequest,
  type PublicKeyJwk,
  TechnicianLogReceived,
  type TechnicianLogUpload,
} from '../protocol';
import { retryAfterSeconds } from './retry-after';

/**
 * Why a call to the back office did not give an answer. `network` and `server` are worth retrying;
 * `bad_response` means the two sides disagree on the contract; any other code is the back office's own.
 */
export class BackOfficeError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
    /** How long the back office asked to wait before trying again (a 429's Retry-After), in seconds. */
    readonly retryAfterS: number | null = null,
  ) {
    super(`back office: ${code}${status === null ? '' : ` (${status})`}`);
  }
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'server';
  }
}

/** The code of a failed call, for the step to explain: the back office's own, or `server` for anything unforeseen. */
export function failureCode(error: unknown): string {
  return error instanceof BackOfficeError ? error.code : 'server';
}

const TIMEOUT_MS = 15_000;

/** Told after every call whether the back office answered (any answer below 500) or not. */
let reachability: (reached: boolean) => void = () => {};

/** Lets the kiosk's connection status follow the steps' own calls, at no cost of its own. */
export function observeReachability(observer: (reached: boolean) => void): void {
  reachability = observer;
}

async function call<S extends TSchema>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown): Promise<Static<S>> {
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    reachability(false);
    throw new BackOfficeError('network', null);
  }
  // A 502/503/504 is a proxy or a back office that cannot work: for the citizen, the same as no link.
  reachability(response.status < 500);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new BackOfficeError(response.ok ? 'bad_response' : 'server', response.status);
  }
  if (response.ok) {
    if (!Value.Check(schema, json)) throw new BackOfficeError('bad_response', response.status);
    return json;
  }
  if (response.status >= 500) throw new BackOfficeError('server', response.status);
  const retryAfterS = retryAfterSeconds(response.headers.get('retry-after'));
  throw new BackOfficeError(Value.Check(ApiError, json) ? json.code : 'bad_response', response.status, retryAfterS);
}

export const backOffice = {
  health: () => call('GET', '/health', HealthResponse),
  checkCitizen: (body: CitizenCheckRequest) => call('POST', '/citizens/check', CitizenCheckResponse, body),
  startPhone: (body: PhoneStartRequest) => call('POST', '/phone/start', PhoneStartResponse, body),
  confirmPhone: (body: PhoneConfirmRequest) => call('POST', '/phone/confirm', PhoneConfirmResponse, body),
  resendCode: (verificationId: string) => call('POST', '/phone/resend', PhoneResendResponse, { verificationId }),
  identify: (body: IdentifyRequest) => call('POST', '/identify', IdentifyResponse, body),
  createPayment: (body: PaymentCreateRequest) => call('POST', '/payments', Payment, body),
  payment: (paymentId: string) => call('GET', `/payments/${encodeURIComponent(paymentId)}`, Payment),
  enrolTerminal: (body: EnrolRequest) => call('POST', '/terminals/enrol', Enrolled, body),
  /** The sandbox back office enrols a kiosk of the test or emulated profile by itself, under a new SBX- id. */
  enrolSandboxTerminal: (publicKey: PublicKeyJwk) => call('POST', '/sandbox/terminals', Enrolled, { publicKey }),
  /** The technician log, signed by the terminal (src/sync/log-upload.ts). */
  uploadTechnicianLog: (terminalId: string, body: TechnicianLogUpload) =>
    call('POST', `/terminals/${encodeURIComponent(terminalId)}/log`, TechnicianLogReceived, body),
};
export type BackOffice = typeof backOffice;
