/** JPEG qualities tried in turn, best first: 0.9 keeps skin and hair detail; 0.5 still prints cleanly at 35×45 mm. */
export const JPEG_QUALITIES = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4] as const;

/**
 * The best-quality encoding whose bytes fit `maxBytes`; the lowest quality's when none does (a
 * 413×531 face at 0.4 is a fraction of any sensible bound, so that is a fault the caller reports).
 * `encode` gives base64 without a data: prefix.
 */
export function jpegWithin(encode: (quality: number) => string, maxBytes: number): { base64: string; bytes: number; quality: number; fits: boolean } {
  let last = { base64: '', bytes: 0, quality: 0, fits: false };
  for (const quality of JPEG_QUALITIES) {
    const base64 = encode(quality);
    const bytes = base64Bytes(base64);
    last = { base64, bytes, quality, fits: bytes <= maxBytes };
    if (last.fits) return last;
  }
  return last;
}

export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}
