import { Value } from '@sinclair/typebox/value';
import type { Static, TSchema } from '@sinclair/typebox';
import {
  API_PREFIX,
  ApiError,
  Enrolled,
  HealthResponse,
  CitizenCheckResponse,
  ColourChallengeResponse,
  IdentifyResponse,
  Payment,
  PhoneConfirmResponse,
  PhoneResendResponse,
  PhoneStartResponse,
  type CitizenCheckRequest,
  type EnrolRequest,
  type ColourChallengeRequest,
  type IdentifyRequest,
  type PaymentCreateRequest,
  type PhoneConfirmRequest,
  type PhoneStartRequest,
  type PublicKeyJwk,
  TechnicianLogReceived,
  type TechnicianLogUpload,
  TerminalProfile,
  type Heartbeat,
  HeartbeatReceived,
  ReferenceDataForKiosk,
} from '../protocol';
import { TelemetryReceived, type TelemetryBatch } from '../protocol/telemetry';
import { TERMINAL_REFUSALS } from './outbox';
import { signRequest } from './request-signature';
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

/** What a call may add: the caller's own abort (a step that went away), and the time a held answer may take. */
interface CallOptions {
  signal?: AbortSignal;
  /** Beyond TIMEOUT_MS: a long poll's answer comes after its wait. */
  waitMs?: number;
}

/** Told after every call whether the back office answered (any answer below 500) or not. */
let reachability: (reached: boolean) => void = () => {};

/** Lets the kiosk's connection status follow the steps' own calls, at no cost of its own. */
export function observeReachability(observer: (reached: boolean) => void): void {
  reachability = observer;
}

/** The terminal that signs the calls made on a citizen's behalf; undefined until it is enrolled. */
export type RequestSigner = () => Promise<SigningTerminal | undefined>;
type SigningTerminal = { terminalId: string; signingKey: CryptoKey };
let signer: RequestSigner = () => Promise.resolve(undefined);

/** Told when the back office refuses the terminal that signed a request (revoked, unknown), with its code. */
let terminalRefusal: (terminalId: string, code: string) => void = () => {};

/** Lets the kiosk go out of order as soon as any signed call finds its terminal refused, not only a packet. */
export function observeTerminalRefusal(observer: (terminalId: string, code: string) => void): void {
  terminalRefusal = observer;
}

/** Calls on a citizen's behalf go signed by this terminal (src/protocol/terminal-request.ts). */
export function signRequestsAs(terminal: RequestSigner): void {
  signer = terminal;
}

/**
 * The back office's clock minus this kiosk's, learnt when a request was refused as stale: a kiosk
 * whose clock has drifted goes on serving citizens instead of being refused until a technician comes.
 */
let clockOffsetMs = 0;

type Signing = 'signed' | 'unsigned';

async function send(method: 'GET' | 'POST', url: string, bytes: Uint8Array<ArrayBuffer> | null, terminal: SigningTerminal | undefined, options: CallOptions): Promise<Response> {
  const headers: Record<string, string> = bytes === null ? {} : { 'content-type': 'application/json' };
  if (terminal) Object.assign(headers, await signRequest(terminal, { method, path: url, body: bytes }, new Date(Date.now() + clockOffsetMs)));
  const timeout = AbortSignal.timeout(TIMEOUT_MS + (options.waitMs ?? 0));
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  return fetch(url, { method, headers, body: bytes ?? undefined, signal });
}

/** Whether this answer refuses a request as signed at the wrong time, and if so learns the back office's time from it. */
async function learntClock(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const serverTime = Date.parse(response.headers.get('date') ?? '');
  const body: unknown = await response.clone().json().catch(() => null);
  if (!Number.isFinite(serverTime) || !Value.Check(ApiError, body) || body.code !== 'stale_request') return false;
  clockOffsetMs = serverTime - Date.now();
  return true;
}

async function call<S extends TSchema>(
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  body?: unknown,
  signing: Signing = 'unsigned',
  options: CallOptions = {},
): Promise<Static<S>> {
  const url = `${API_PREFIX}${path}`;
  const bytes = body === undefined ? null : new TextEncoder().encode(JSON.stringify(body));
  let response: Response;
  let terminal: SigningTerminal | undefined;
  try {
    terminal = signing === 'signed' ? await signer() : undefined;
    response = await send(method, url, bytes, terminal, options);
    if (terminal && (await learntClock(response))) response = await send(method, url, bytes, terminal, options);
  } catch {
    // Called off by the kiosk itself: says nothing of the link.
    if (options.signal?.aborted) throw new BackOfficeError('aborted', null);
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
  if (terminal && response.status === 403 && Value.Check(ApiError, json) && TERMINAL_REFUSALS.has(json.code)) terminalRefusal(terminal.terminalId, json.code);
  const retryAfterS = retryAfterSeconds(response.headers.get('retry-after'));
  throw new BackOfficeError(Value.Check(ApiError, json) ? json.code : 'bad_response', response.status, retryAfterS);
}

export const backOffice = {
  health: () => call('GET', '/health', HealthResponse),
  // On a citizen's behalf: signed by the terminal.
  checkCitizen: (body: CitizenCheckRequest) => call('POST', '/citizens/check', CitizenCheckResponse, body, 'signed'),
  startPhone: (body: PhoneStartRequest) => call('POST', '/phone/start', PhoneStartResponse, body, 'signed'),
  confirmPhone: (body: PhoneConfirmRequest) => call('POST', '/phone/confirm', PhoneConfirmResponse, body, 'signed'),
  resendCode: (verificationId: string) => call('POST', '/phone/resend', PhoneResendResponse, { verificationId }, 'signed'),
  colourChallenge: (body: ColourChallengeRequest) => call('POST', '/identify/colour', ColourChallengeResponse, body, 'signed'),
  identify: (body: IdentifyRequest) => call('POST', '/identify', IdentifyResponse, body, 'signed'),
  createPayment: (body: PaymentCreateRequest) => call('POST', '/payments', Payment, body, 'signed'),
  /**
   * The payment as it stands; with `waitS`, a long poll: the back office answers as soon as it is
   * no longer pending, or after that many seconds. `signal` calls it off (the step went away).
   */
  payment: (paymentId: string, wait: { waitS: number; signal: AbortSignal } | null = null) =>
    call(
      'GET',
      `/payments/${encodeURIComponent(paymentId)}${wait ? `?waitS=${wait.waitS}` : ''}`,
      Payment,
      undefined,
      'signed',
      wait ? { signal: wait.signal, waitMs: wait.waitS * 1000 } : {},
    ),
  enrolTerminal: (body: EnrolRequest) => call('POST', '/terminals/enrol', Enrolled, body),
  /** What the back office says of this terminal now: its public address for the receipt's QR (src/sync/public-url.ts). */
  terminalProfile: () => call('GET', '/terminals/me', TerminalProfile, undefined, 'signed'),
  /** The sandbox back office enrols a kiosk of the test or emulated profile by itself, under a new SBX- id. */
  enrolSandboxTerminal: (publicKey: PublicKeyJwk) => call('POST', '/sandbox/terminals', Enrolled, { publicKey }),
  /** The technician log, signed by the terminal (src/sync/log-upload.ts). */
  uploadTechnicianLog: (terminalId: string, body: TechnicianLogUpload) =>
    call('POST', `/terminals/${encodeURIComponent(terminalId)}/log`, TechnicianLogReceived, body),
  /** The terminal's health, once a minute (src/sync/heartbeat.ts); signed, so the back office knows whose. */
  heartbeat: (body: Heartbeat) => call('POST', '/terminals/heartbeat', HeartbeatReceived, body, 'signed'),
  /** The journeys' telemetry, sent after each drain (src/telemetry/telemetry-send.ts); signed, so the back office knows whose. */
  telemetry: (body: TelemetryBatch) => call('POST', '/terminals/telemetry', TelemetryReceived, body, 'signed'),
  /** The signed reference data this kiosk keeps for offline days (src/sync/reference-data.ts). */
  referenceData: () => call('GET', '/terminals/reference-data', ReferenceDataForKiosk, undefined, 'signed'),
};
export type BackOffice = typeof backOffice;
