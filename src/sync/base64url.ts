// Base64url without padding (RFC 4648 §5), as JWKs and sealed packets write bytes. Hand-written
// rather than btoa/atob: those work on "binary strings", which for a packet of megabytes means
// building a string char by char, and atob accepts sloppy input that a signed format must refuse.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
/** Char code → 6-bit value, 255 for a char outside the alphabet. */
const VALUES = new Uint8Array(128).fill(255);
for (let i = 0; i < CODES.length; i++) VALUES[CODES[i] ?? 0] = i;

export function encodeBase64url(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  let o = 0;
  const put = (sextet: number) => {
    out[o++] = CODES[sextet & 63] ?? 0;
  };
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const triple = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    put(triple >> 18);
    put(triple >> 12);
    put(triple >> 6);
    put(triple);
  }
  const left = bytes.length - i;
  if (left > 0) {
    const tail = ((bytes[i] ?? 0) << 16) | (left === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    put(tail >> 18);
    put(tail >> 12);
    if (left === 2) put(tail >> 6);
  }
  return new TextDecoder().decode(out);
}

/**
 * The bytes of canonical unpadded base64url, or null for anything else: padding, the standard
 * alphabet's + and /, whitespace, an impossible length, or unused trailing bits that are not zero
 * (so that one byte string has exactly one text, and an altered character never decodes the same).
 */
export function decodeBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (VALUES[code] ?? 255) : 255;
    if (value === 255) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  // What is left over are the last character's unused low bits: 2 or 4 of them, or none.
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
