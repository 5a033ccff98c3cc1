import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charsetOf } from './json-body';
import { createTestApp, type TestApp } from '../test-support';

// The API takes JSON in UTF-8 and nothing else, with a code the caller can act on; nothing else is guessed at.

describe('request bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close(), 60_000);

  const enrol = (payload: string | Buffer, contentType?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/terminals/enrol', payload, headers: contentType === undefined ? {} : { 'content-type': contentType } });
  const body = JSON.stringify({ code: 'AAAA-BBBB', publicKey: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'B'.repeat(43) } });

  it('takes application/json with or without charset=utf-8 (the route then answers on its own terms)', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'Application/JSON; charset="utf-8"']) {
      const response = await enrol(body, type);
      // Read and handed to the route, which finds the made-up key is no P-256 point.
      expect(response.statusCode, type).toBe(400);
      expect(response.json(), type).toEqual({ code: 'invalid_request', detail: 'publicKey is not a P-256 public key' });
    }
  });

  it('answers 415 unsupported_media_type to any other type or charset', async () => {
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'multipart/form-data; boundary=x']) {
      const response = await enrol(body, type);
      expect(response.statusCode, type).toBe(415);
      expect((response.json() as { code: string }).code, type).toBe('unsupported_media_type');
    }
    const untyped = await t.app.inject({ method: 'POST', url: '/api/v1/terminals/enrol', payload: Buffer.from(body) });
    expect([400, 415]).toContain(untyped.statusCode);
  });

  it('answers 400 to a byte-order mark, UTF-16, stray bytes, an empty body and bad JSON instead of guessing', async () => {
    const utf16 = Buffer.from(`\ufeff${body}`, 'utf16le');
    for (const payload of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]), utf16, Buffer.from(body, 'utf16le'), Buffer.from([0x7b, 0xff, 0x7d]), Buffer.alloc(0), Buffer.from('{"code":')]) {
      const response = await enrol(payload, 'application/json');
      expect(response.statusCode, payload.toString('hex').slice(0, 16)).toBe(400);
      expect((response.json() as { code: string }).code).toBe('invalid_request');
    }
  });

  it('refuses prototype poisoning', async () => {
    const response = await enrol('{"__proto__":{"x":1},"code":"AAAA-BBBB"}', 'application/json');
    expect(response.statusCode).toBe(400);
  });

  it('reads the charset parameter', () => {
    expect(charsetOf('application/json')).toBeNull();
    expect(charsetOf('application/json; charset=UTF-8')).toBe('utf-8');
    expect(charsetOf('application/json; foo=bar; charset="utf-16"')).toBe('utf-16');
  });
});
