// Sealing an application into a packet (src/protocol/packets.ts), and verifying and opening it.
// Only WebCrypto: the kiosk seals in the browser, the back office verifies and opens with this
// same module in Node, so both sides derive keys and lay out bytes in exactly one way.
import {
  PACKET_VERSION,
  packetHeaderBytes,
  packetKeyInfo,
  packetSignedBytes,
  type ApplicationPayload,
  type PacketErrorCode,
  type PublicKeyJwk,
  type SealedPacket,
} from '../protocol/packets';
import { decodeBase64url, encodeBase64url } from './base64url';

/** A packet the back office cannot take: the wire's code of POST /api/v1/packets. */
export class PacketError extends Error {
  constructor(
    readonly code: Extract<PacketErrorCode, 'bad_signature' | 'undecryptable'>,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PacketError';
  }
}

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;
const IV_BYTES = 12;
/** P1363 r‖s of P-256. */
const SIGNATURE_BYTES = 64;

/** ECDSA P-256: private key non-extractable (usages ['sign']), public extractable (['verify']). */
export function makeTerminalKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
}

/** ECDH P-256, extractable: the back office stores its private half as a JWK. usages ['deriveBits'] */
export function makeBackOfficeKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDH_P256, true, ['deriveBits']);
}

/** x/y only (kty 'EC', crv 'P-256'), as PublicKeyJwk. */
export async function exportPublicJwk(key: CryptoKey): Promise<PublicKeyJwk> {
  // A private key would export its public point too, but handing one here is a mix-up worth hearing about.
  if (key.type !== 'public') throw new TypeError(`exportPublicJwk needs a public key, got a ${key.type} one`);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', key);
  if (kty !== 'EC' || crv !== 'P-256' || x === undefined || y === undefined) {
    throw new TypeError(`exportPublicJwk needs a P-256 key, got ${kty ?? '?'} ${crv ?? ''}`);
  }
  return { kty, crv, x, y };
}

/** Only the members PublicKeyJwk allows: whatever else a caller's object carries never reaches importKey. */
function importPublic(jwk: PublicKeyJwk, algorithm: EcKeyImportParams, usages: KeyUsage[]): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, algorithm, true, usages);
}

export function importTerminalPublicKey(jwk: PublicKeyJwk): Promise<CryptoKey> {
  return importPublic(jwk, ECDSA_P256, ['verify']);
}

export function importBackOfficePublicKey(jwk: PublicKeyJwk): Promise<CryptoKey> {
  return importPublic(jwk, ECDH_P256, []);
}

/** The packet's AES-256-GCM key: HKDF-SHA-256 of the ECDH secret, bound to the application by HKDF's info. */
async function packetKey(privateKey: CryptoKey, publicKey: CryptoKey, applicationId: string, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const ikm = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: packetKeyInfo(applicationId) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/**
 * Encrypts the payload to the back office's key with a fresh ephemeral key pair, then signs the
 * packet with the terminal's key. The ephemeral private key goes out of scope here: once sealed,
 * nothing on the kiosk can open the packet again.
 */
export async function sealPacket(
  payload: ApplicationPayload,
  o: { terminalId: string; seq: number; sealedAt: string; backOfficeKey: CryptoKey; signingKey: CryptoKey },
): Promise<SealedPacket> {
  const header: Pick<SealedPacket, 'v' | 'terminalId' | 'applicationId' | 'seq' | 'sealedAt'> = {
    v: PACKET_VERSION,
    terminalId: o.terminalId,
    applicationId: payload.application.id,
    seq: o.seq,
    sealedAt: o.sealedAt,
  };
  const ephemeral = await crypto.subtle.generateKey(ECDH_P256, false, ['deriveBits']);
  const key = await packetKey(ephemeral.privateKey, o.backOfficeKey, header.applicationId, 'encrypt');
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: packetHeaderBytes(header) },
    key,
    new TextEncoder().encode(JSON.stringify(payload)),
  );
  const unsigned = {
    ...header,
    epk: await exportPublicJwk(ephemeral.publicKey),
    iv: encodeBase64url(iv),
    ciphertext: encodeBase64url(new Uint8Array(ciphertext)),
  };
  return { ...unsigned, signature: await signAsTerminal(o.signingKey, packetSignedBytes(unsigned)) };
}

/** Whether the terminal with this public key signed exactly these header, key and ciphertext. */
export function verifyPacket(packet: SealedPacket, terminalKey: CryptoKey): Promise<boolean> {
  return verifyTerminalSignature(terminalKey, packet.signature, packetSignedBytes(packet));
}

/** The terminal's ECDSA P-256 / SHA-256 signature of `bytes`, P1363 (r‖s), base64url: what packets and log uploads carry. */
export async function signAsTerminal(signingKey: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return encodeBase64url(new Uint8Array(await crypto.subtle.sign(SIGNATURE, signingKey, bytes)));
}

/** Whether `signature` (base64url, as signAsTerminal makes it) is the terminal's over exactly `bytes`. */
export async function verifyTerminalSignature(terminalKey: CryptoKey, signature: string, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const decoded = decodeBase64url(signature);
  if (decoded === null || decoded.length !== SIGNATURE_BYTES) return false;
  return crypto.subtle.verify(SIGNATURE, terminalKey, decoded, bytes);
}

/** Decrypts (does NOT verify: call verifyPacket first) and JSON.parses; throws PacketError('undecryptable'). */
export async function openPacket(packet: SealedPacket, backOfficePrivateKey: CryptoKey): Promise<unknown> {
  // The wrong key in the back office's configuration is its own fault, not the packet's: a
  // TypeError (a 5xx, retried) rather than 'undecryptable', which would quarantine good packets.
  const { type, algorithm, usages } = backOfficePrivateKey;
  if (type !== 'private' || algorithm.name !== 'ECDH' || !usages.includes('deriveBits')) {
    throw new TypeError(`openPacket needs the back office's private ECDH key with usage deriveBits, got a ${type} ${algorithm.name} key`);
  }
  let plaintext: ArrayBuffer;
  try {
    const iv = decodeBase64url(packet.iv);
    const ciphertext = decodeBase64url(packet.ciphertext);
    if (iv === null || iv.length !== IV_BYTES || ciphertext === null) throw new Error('iv or ciphertext is not base64url of the right length');
    const epk = await importBackOfficePublicKey(packet.epk);
    const key = await packetKey(backOfficePrivateKey, epk, packet.applicationId, 'decrypt');
    plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: packetHeaderBytes(packet) }, key, ciphertext);
  } catch (error) {
    throw new PacketError('undecryptable', `packet ${packet.applicationId} does not open with this back office's key`, { cause: error });
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch (error) {
    // Authentic ciphertext of something that is not JSON: the terminal sealed garbage.
    throw new PacketError('undecryptable', `packet ${packet.applicationId} holds no JSON`, { cause: error });
  }
}
