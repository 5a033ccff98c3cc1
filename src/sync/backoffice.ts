import { Value } from '@sinclair/typebox/value';
import type { Static, TSchema } from '@sinclair/typebox';
import {
  API_PREFIX,
  ApiError,
  ApplicationAccepted,
  Enrolled,
  CitizenCheckResponse,
  IdentifyResponse,
  Payment,
  PhoneConfirmResponse,
  PhoneResendResponse,
  PhoneStartResponse,
  type ApplicationSubmission,
  type CitizenCheckRequest,
  type EnrolRequest,
  type IdentifyRequest,
  type PaymentCreateRequest,
  type PhoneConfirmRequest,
  type PhoneStartRequest,
} from '../protocol';

/**
 * Why a call to the back office did not give an answer. `network` and `server` are worth retrying;
 * `bad_response` means the two sides disagree on the contract; any other code is the back office's own.
 */
export class BackOfficeError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
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
    throw new BackOfficeError('network', null);
  }
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
  throw new BackOfficeError(Value.Check(ApiError, json) ? json.code : 'bad_response', response.status);
}

export const backOffice = {
  checkCitizen: (body: CitizenCheckRequest) => call('POST', '/citizens/check', CitizenCheckResponse, body),
  startPhone: (body: PhoneStartRequest) => call('POST', '/phone/start', PhoneStartResponse, body),
  confirmPhone: (body: PhoneConfirmRequest) => call('POST', '/phone/confirm', PhoneConfirmResponse, body),
  resendCode: (verificationId: string) => call('POST', '/phone/resend', PhoneResendResponse, { verificationId }),
  identify: (body: IdentifyRequest) => call('POST', '/identify', IdentifyResponse, body),
  createPayment: (body: PaymentCreateRequest) => call('POST', '/payments', Payment, body),
  payment: (paymentId: string) => call('GET', `/payments/${encodeURIComponent(paymentId)}`, Payment),
  submitApplication: (body: ApplicationSubmission) => call('POST', '/applications', ApplicationAccepted, body),
  enrolTerminal: (body: EnrolRequest) => call('POST', '/terminals/enrol', Enrolled, body),
};
export type BackOffice = typeof backOffice;
