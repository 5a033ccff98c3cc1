import { describe, expect, it } from 'vitest';
import { errorKey } from './error-key';

describe('errorKey', () => {
  it('explains a code the step knows', () => {
    expect(errorKey('invalid_iin', 'iin')).toBe('iin.error.invalid_iin');
  });
  it('tells network trouble apart from everything else', () => {
    expect(errorKey('network', 'phone')).toBe('error.network');
    expect(errorKey('bad_response', 'phone')).toBe('error.server');
    expect(errorKey('invalid_iin', 'phone')).toBe('error.server');
  });
  it('sends the citizen to the staff when the back office refuses the terminal itself, instead of asking them to retry', () => {
    for (const code of ['revoked_terminal', 'unknown_terminal', 'unsigned_request', 'bad_signature', 'stale_request', 'replayed_request']) {
      expect(errorKey(code, 'iin'), code).toBe('error.terminal');
    }
  });
  it('asks to wait a minute when the terminal made too many requests', () => {
    expect(errorKey('too_many_requests', 'identify')).toBe('error.too_many_requests');
  });
});
