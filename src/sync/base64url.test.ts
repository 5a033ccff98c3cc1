import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** The platform's base64, turned into unpadded base64url: an independent reference. */
function reference(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

describe('encodeBase64url', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('writes RFC 4648 vector %j as %j, without padding', (text, encoded) => {
    expect(encodeBase64url(bytesOf(text))).toBe(encoded);
  });

  it('uses - and _ where base64 has + and /', () => {
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(encodeBase64url(new Uint8Array([0xfb, 0xef, 0xbe]))).toBe('----');
    expect(encodeBase64url(new Uint8Array([0xff, 0xff, 0xff]))).toBe('____');
  });

  it('agrees with btoa on every byte value and every tail length', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let length = 250; length <= 256; length++) {
      const bytes = all.subarray(256 - length);
      expect(encodeBase64url(bytes)).toBe(reference(bytes));
    }
  });

  it('reads only its view of a larger buffer', () => {
    const buffer = bytesOf('xxfooxx');
    expect(encodeBase64url(buffer.subarray(2, 5))).toBe('Zm9v');
  });
});

describe('decodeBase64url', () => {
  it('round-trips random bytes of every tail length', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      expect(decodeBase64url(encodeBase64url(bytes))).toEqual(bytes);
    }
  });

  it('reads the url alphabet', () => {
    expect(decodeBase64url('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(decodeBase64url('Zm9vYmFy')).toEqual(bytesOf('foobar'));
  });

  it.each([
    ['padding', 'Zg=='],
    ['the standard alphabet', '+/8'],
    ['whitespace', 'Zm9v Yg'],
    ['a newline', 'Zm9v\nYg'],
    ['an impossible length', 'Zm9vY'],
    ['a non-ASCII character', 'Zm9vÿg'],
    ['unused bits set after one byte', 'Zh'],
    ['unused bits set after two bytes', 'Zm9'],
  ])('refuses %s', (_what, text) => {
    expect(decodeBase64url(text)).toBeNull();
  });
});
