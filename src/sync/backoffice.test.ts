import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackOfficeError, backOffice, observeReachability, observeTerminalRefusal, signRequestsAs } from './backoffice';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }));

describe('the back-office client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives a limit refusal its code and the Retry-After it came with, not to be retried at once', async () => {
    vi.stubGlobal('fetch', answer(429, { code: 'too_many_wrong_codes' }, { 'retry-after': '1200' }));
    const error = await backOffice.confirmPhone({ verificationId: 'v', code: '123456' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackOfficeError);
    expect(error).toMatchObject({ code: 'too_many_wrong_codes', status: 429, retryAfterS: 1200, retryable: false });
  });

  it('has no Retry-After for a refusal without one', async () => {
    vi.stubGlobal('fetch', answer(404, { code: 'not_found' }));
    await expect(backOffice.resendCode('v')).rejects.toMatchObject({ code: 'not_found', status: 404, retryAfterS: null });
  });

  describe("the payment's long poll", () => {
    afterEach(() => observeReachability(() => {}));

    it('asks the back office to hold its answer for the wait', async () => {
      const fetch = answer(200, { paymentId: 'p', amountTiyn: 86_500, qrPayload: 'QR', status: 'paid', expiresAt: '2026-03-02T05:15:00.000Z', expiresInS: 0 });
      vi.stubGlobal('fetch', fetch);
      await expect(backOffice.payment('p', { waitS: 25, signal: new AbortController().signal })).resolves.toMatchObject({ status: 'paid' });
      expect(fetch).toHaveBeenCalledWith('/api/v1/payments/p?waitS=25', expect.anything());
    });

    it('called off by the step: an "aborted" that is not a lost link', async () => {
      const seen: boolean[] = [];
      observeReachability((reached) => seen.push(reached));
      // A fetch that never answers until it is aborted, as a held request does.
      const aborted = () => new DOMException('aborted', 'AbortError');
      vi.stubGlobal('fetch', (_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) => {
          if (init.signal?.aborted) reject(aborted());
          init.signal?.addEventListener('abort', () => reject(aborted()));
        }),
      );
      const controller = new AbortController();
      const asked = backOffice.payment('p', { waitS: 25, signal: controller.signal }).catch((e: unknown) => e);
      controller.abort();
      const error = await asked;
      expect(error).toBeInstanceOf(BackOfficeError);
      expect(error).toMatchObject({ code: 'aborted', retryable: false });
      expect(seen).toEqual([]);
    });

    it('refuses an answer without the seconds the QR has left, as the two sides disagree', async () => {
      vi.stubGlobal('fetch', answer(200, { paymentId: 'p', amountTiyn: 86_500, qrPayload: 'QR', status: 'pending', expiresAt: '2026-03-02T05:15:00.000Z' }));
      await expect(backOffice.payment('p')).rejects.toMatchObject({ code: 'bad_response' });
    });
  });

  describe('a signed call that finds its terminal refused', () => {
    afterEach(() => {
      signRequestsAs(() => Promise.resolve(undefined));
      observeTerminalRefusal(() => {});
    });

    it('tells the kiosk which terminal was refused and why, and the step gets the code', async () => {
      const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
      signRequestsAs(() => Promise.resolve({ terminalId: 'KSK-AST-0001', signingKey: privateKey }));
      const refusals: string[] = [];
      observeTerminalRefusal((terminalId, code) => refusals.push(`${terminalId} ${code}`));

      vi.stubGlobal('fetch', answer(403, { code: 'revoked_terminal' }));
      await expect(backOffice.checkCitizen({ iin: '900101300017', service: '13', document: 'passport' })).rejects.toMatchObject({ code: 'revoked_terminal', status: 403 });
      expect(refusals).toEqual(['KSK-AST-0001 revoked_terminal']);

      // Refusals of the request, not of the terminal, and unsigned calls, leave it in service.
      vi.stubGlobal('fetch', answer(403, { code: 'unverified_identity' }));
      await expect(backOffice.createPayment({ applicationId: crypto.randomUUID(), identityToken: 't', service: '13', document: 'passport' })).rejects.toMatchObject({ code: 'unverified_identity' });
      vi.stubGlobal('fetch', answer(403, { code: 'revoked_terminal' }));
      await expect(backOffice.enrolTerminal({ code: '123456', publicKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } })).rejects.toMatchObject({ code: 'revoked_terminal' });
      expect(refusals).toHaveLength(1);
    });
  });
});
