// The back office's sandbox API (server/routes/sandbox.ts), which stands in for the state systems
// in tests: the SMS gateway's outbox and the payment gateway's controls. Pass Playwright's
// `request` fixture: its baseURL is the back office.
import { expect, type APIRequestContext } from '@playwright/test';
import type { TerminalHealth } from '../../src/protocol/heartbeat';

const SANDBOX = '/api/v1/sandbox';

export interface SandboxSms {
  id: number;
  phone: string;
  text: string;
  /** The 6-digit code in the text; null when the message carries none. */
  code: string | null;
  sentAt: string;
}

export interface SandboxPayment {
  id: string;
  reference: string;
  amountTiyn: number;
  qrPayload: string;
  status: string;
  createdAt: string;
  expiresAt: string;
}

async function call<T>(request: APIRequestContext, method: 'GET' | 'POST', url: string): Promise<T> {
  const response = method === 'GET' ? await request.get(url) : await request.post(url);
  expect(response.ok(), `${method} ${url} → ${response.status()}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Every SMS the sandbox kept for this phone (+77XXXXXXXXX), newest first. */
export async function smsTo(request: APIRequestContext, phone: string): Promise<SandboxSms[]> {
  const { messages } = await call<{ messages: SandboxSms[] }>(
    request,
    'GET',
    `${SANDBOX}/sms?phone=${encodeURIComponent(phone)}`,
  );
  return messages;
}

/** The one-time code of the newest SMS sent to this phone. */
export async function latestSmsCode(request: APIRequestContext, phone: string): Promise<string> {
  // Ids grow with every message, so the highest id is the newest whatever the order or the clock.
  const newest = (await smsTo(request, phone)).reduce<SandboxSms | undefined>(
    (best, sms) => (best === undefined || sms.id > best.id ? sms : best),
    undefined,
  );
  if (newest === undefined) throw new Error(`sandbox SMS: no message sent to ${phone}`);
  const code = newest.code ?? /\b(\d{6})\b/.exec(newest.text)?.[1];
  if (code === undefined) throw new Error(`sandbox SMS: no 6-digit code in ${JSON.stringify(newest)}`);
  return code;
}

/** The sandbox gateway's payments, as its API answers: `{ payments }`. */
export async function listPayments(
  request: APIRequestContext,
  status?: 'pending' | 'paid' | 'declined' | 'expired',
): Promise<{ payments: SandboxPayment[] }> {
  const query = status === undefined ? '' : `?status=${status}`;
  return call(request, 'GET', `${SANDBOX}/payments${query}`);
}

/** The citizen pays the pending payment on their phone. */
export async function payPending(request: APIRequestContext, paymentId: string): Promise<SandboxPayment> {
  return call(request, 'POST', `${SANDBOX}/payments/${encodeURIComponent(paymentId)}/pay`);
}

export async function declinePayment(request: APIRequestContext, paymentId: string): Promise<SandboxPayment> {
  return call(request, 'POST', `${SANDBOX}/payments/${encodeURIComponent(paymentId)}/decline`);
}

export async function expirePayment(request: APIRequestContext, paymentId: string): Promise<SandboxPayment> {
  return call(request, 'POST', `${SANDBOX}/payments/${encodeURIComponent(paymentId)}/expire`);
}

/** The e2e back office's admin token (playwright.config.ts sets ADMIN_TOKEN to it). */
export const E2E_ADMIN_TOKEN = 'e2e-admin-token-not-a-secret';
const asAdmin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

export async function revokeTerminal(request: APIRequestContext, terminalId: string): Promise<void> {
  const response = await request.post(`/api/v1/admin/terminals/${encodeURIComponent(terminalId)}/revoke`, { headers: asAdmin });
  expect(response.status(), await response.text()).toBe(200);
}

export interface ApplicationReview {
  number: string;
  status: string;
  test: boolean;
  checks: Array<{ check: string; outcome: string; code: string | null }>;
}

/** What the back office's staff see of an application: status and each deferred check; null when it has none with that number. */
export async function reviewApplication(request: APIRequestContext, number: string): Promise<ApplicationReview | null> {
  const response = await request.get(`/api/v1/admin/applications/${number}`, { headers: asAdmin });
  if (response.status() === 404) return null;
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ApplicationReview;
}

/** How many packets the back office took from this terminal (its highest seq). */
export async function lastSeqOf(request: APIRequestContext, terminalId: string): Promise<number> {
  const response = await request.get('/api/v1/admin/terminals', { headers: asAdmin });
  expect(response.status()).toBe(200);
  const { terminals } = (await response.json()) as { terminals: Array<{ terminalId: string; lastSeq: number }> };
  const terminal = terminals.find((t) => t.terminalId === terminalId);
  if (!terminal) throw new Error(`the back office does not know terminal ${terminalId}`);
  return terminal.lastSeq;
}

/** The terminal's health as the back office keeps it from its heartbeats (src/protocol/heartbeat.ts TerminalHealth). */
export async function terminalHealthOf(request: APIRequestContext, terminalId: string): Promise<TerminalHealth> {
  const response = await request.get('/api/v1/admin/terminals', { headers: asAdmin });
  expect(response.status()).toBe(200);
  const { terminals } = (await response.json()) as { terminals: Array<{ terminalId: string; health: TerminalHealth }> };
  const terminal = terminals.find((t) => t.terminalId === terminalId);
  if (!terminal) throw new Error(`the back office does not know terminal ${terminalId}`);
  return terminal.health;
}

/** The citizen pays, on their own phone, the QR the kiosk made while offline. */
export async function payQr(request: APIRequestContext, qrPayload: string): Promise<void> {
  const response = await request.post(`${SANDBOX}/qr/pay`, { data: { qrPayload } });
  expect(response.status(), await response.text()).toBe(200);
}
