import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackOfficeError, backOffice } from './backoffice';

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
});
