// Signing reference data (the back office) and verifying it (the kiosk), with WebCrypto only, so both
// sides lay out the signed bytes in exactly one way (src/protocol/reference-data.ts).
import type { PublicKeyJwk } from '../protocol/packets';
import { referenceDataSignedBytes, type ReferenceData, type SignedReferenceData } from '../protocol/reference-data';
import { decodeBase64url, encodeBase64url } from './base64url';

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

/**
 * The back office's public key, as the kiosk got it at enrolment, for checking signatures. It is the
 * one P-256 point packets are sealed to: the back office signs with the same private scalar
 * (server/sync/back-office-keys.ts), so a kiosk already enrolled needs nothing new (docs/reference-data.md).
 */
export function importBackOfficeVerifyKey(jwk: PublicKeyJwk): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, ECDSA_P256, false, ['verify']);
}

export async function signReferenceData(document: ReferenceData, signingKey: CryptoKey): Promise<string> {
  return encodeBase64url(new Uint8Array(await crypto.subtle.sign(SIGNATURE, signingKey, referenceDataSignedBytes(document))));
}

/** Whether the back office signed exactly this document. Never rejects: a malformed signature is simply not one. */
export async function verifyReferenceData(signed: SignedReferenceData, verifyKey: CryptoKey): Promise<boolean> {
  const signature = decodeBase64url(signed.signature);
  if (signature === null) return false;
  try {
    return await crypto.subtle.verify(SIGNATURE, verifyKey, signature, referenceDataSignedBytes(signed.document));
  } catch {
    return false;
  }
}
