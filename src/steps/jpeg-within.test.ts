import { describe, expect, it } from 'vitest';
import { base64Bytes, jpegWithin } from './jpeg-within';

/** A stand-in encoder whose output shrinks with quality, as a JPEG's does: `perQuality` bytes per 0.1. */
function encoder(perQuality: number) {
  const asked: number[] = [];
  const encode = (quality: number) => {
    asked.push(quality);
    return Buffer.alloc(Math.round(quality * 10 * perQuality)).toString('base64');
  };
  return { encode, asked };
}

describe('jpegWithin', () => {
  it('keeps the best quality when it fits, encoding once', () => {
    const { encode, asked } = encoder(5_000);
    expect(jpegWithin(encode, 90_000)).toMatchObject({ bytes: 45_000, quality: 0.9, fits: true });
    expect(asked).toEqual([0.9]);
  });

  it('steps the quality down until the portrait fits', () => {
    const { encode, asked } = encoder(12_000);
    expect(jpegWithin(encode, 90_000)).toMatchObject({ bytes: 84_000, quality: 0.7, fits: true });
    expect(asked).toEqual([0.9, 0.8, 0.7]);
  });

  it('says so when even the lowest quality does not fit', () => {
    const { encode } = encoder(100_000);
    expect(jpegWithin(encode, 90_000)).toMatchObject({ quality: 0.4, fits: false });
  });
});

describe('base64Bytes', () => {
  it.each([0, 1, 2, 3, 4, 5, 90_000])('counts the bytes of %i encoded', (n) => {
    expect(base64Bytes(Buffer.alloc(n).toString('base64'))).toBe(n);
  });
});
