import { Value } from '@sinclair/typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApplicationPayload, PublicKeyJwk, SealedPacket } from '../protocol/packets';
import { decodeBase64url, encodeBase64url } from './base64url';
import { makeApplicationPayload } from './packet-fixture';
import {
  exportPublicJwk,
  importBackOfficePublicKey,
  importTerminalPublicKey,
  makeBackOfficeKeys,
  makeTerminalKeys,
  openPacket,
  PacketError,
  sealPacket,
  verifyPacket,
} from './seal';

const TERMINAL_ID = 'KSK-ALA-0001';
const SEALED_AT = '2026-03-02T05:16:02.481Z';

let terminal: CryptoKeyPair;
/** The terminal's public key as the back office has it: exported at enrolment, imported again. */
let terminalPublic: CryptoKey;
let backOffice: CryptoKeyPair;
/** The back office's public key as the kiosk has it: from the enrolment answer. */
let backOfficePublic: CryptoKey;

beforeAll(async () => {
  terminal = await makeTerminalKeys();
  terminalPublic = await importTerminalPublicKey(await exportPublicJwk(terminal.publicKey));
  backOffice = await makeBackOfficeKeys();
  backOfficePublic = await importBackOfficePublicKey(await exportPublicJwk(backOffice.publicKey));
});

function seal(payload = makeApplicationPayload(), seq = 1, to = backOfficePublic): Promise<SealedPacket> {
  return sealPacket(payload, { terminalId: TERMINAL_ID, seq, sealedAt: SEALED_AT, backOfficeKey: to, signingKey: terminal.privateKey });
}

/** The same base64url text with one bit of its `index`-th byte flipped. */
function flipByte(text: string, index: number): string {
  const bytes = decodeBase64url(text);
  if (bytes === null || index >= bytes.length) throw new Error(`cannot flip byte ${index} of ${text}`);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return encodeBase64url(bytes);
}

/** 64 bytes leave 4 unused bits in the last of 86 characters: A, Q, g or w; the next letter sets one. */
function setUnusedBits(signature: string): string {
  const last = { A: 'B', Q: 'R', g: 'h', w: 'x' }[signature.slice(-1)];
  if (last === undefined) throw new Error(`not canonical: ${signature}`);
  return `${signature.slice(0, -1)}${last}`;
}

async function openError(packet: SealedPacket, key = backOffice.privateKey): Promise<unknown> {
  return openPacket(packet, key).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('the fixture', () => {
  it('is a valid application payload', () => {
    expect([...Value.Errors(ApplicationPayload, makeApplicationPayload())]).toEqual([]);
  });
});

describe('keys', () => {
  it("keeps the terminal's private key inside WebCrypto", async () => {
    expect(terminal.privateKey.extractable).toBe(false);
    expect(terminal.privateKey.usages).toEqual(['sign']);
    await expect(crypto.subtle.exportKey('jwk', terminal.privateKey)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('pkcs8', terminal.privateKey)).rejects.toThrow();
    expect(terminal.publicKey.extractable).toBe(true);
    expect(terminal.publicKey.usages).toEqual(['verify']);
  });

  it("lets the back office store its private key as a JWK and open packets with it again", async () => {
    expect(backOffice.privateKey.usages).toEqual(['deriveBits']);
    const stored = await crypto.subtle.exportKey('jwk', backOffice.privateKey);
    const restored = await crypto.subtle.importKey('jwk', stored, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    const payload = makeApplicationPayload();
    expect(await openPacket(await seal(payload), restored)).toEqual(payload);
  });

  it('exports a public key as x and y only, valid per PublicKeyJwk', async () => {
    for (const key of [terminal.publicKey, backOffice.publicKey]) {
      const jwk = await exportPublicJwk(key);
      expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
      expect(Value.Check(PublicKeyJwk, jwk)).toBe(true);
    }
  });

  it('refuses to export a private key as a public one', async () => {
    await expect(exportPublicJwk(backOffice.privateKey)).rejects.toThrow(TypeError);
  });

  it('refuses a public key that is not a point of the curve', async () => {
    const jwk = await exportPublicJwk(terminal.publicKey);
    await expect(importTerminalPublicKey({ ...jwk, y: flipByte(jwk.y, 31) })).rejects.toThrow();
  });
});

describe('sealPacket, verifyPacket, openPacket', () => {
  it('seal → verify → open gives the payload back', async () => {
    const payload = makeApplicationPayload();
    const packet = await seal(payload, 7);

    expect([...Value.Errors(SealedPacket, packet)]).toEqual([]);
    expect(packet).toMatchObject({ v: 1, terminalId: TERMINAL_ID, applicationId: payload.application.id, seq: 7, sealedAt: SEALED_AT });
    expect(decodeBase64url(packet.iv)).toHaveLength(12);
    expect(decodeBase64url(packet.signature)).toHaveLength(64);
    expect(await verifyPacket(packet, terminalPublic)).toBe(true);
    expect(await openPacket(packet, backOffice.privateKey)).toEqual(payload);
  });

  it('gives the payload back across JSON, as it travels', async () => {
    const payload = makeApplicationPayload();
    const received = JSON.parse(JSON.stringify(await seal(payload))) as SealedPacket;
    expect(await verifyPacket(received, terminalPublic)).toBe(true);
    expect(await openPacket(received, backOffice.privateKey)).toEqual(payload);
  });

  it('seals the same payload differently every time: a fresh ephemeral key and IV', async () => {
    const payload = makeApplicationPayload();
    const [a, b] = await Promise.all([seal(payload), seal(payload)]);
    expect(a.epk).not.toEqual(b.epk);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(await openPacket(a, backOffice.privateKey)).toEqual(payload);
    expect(await openPacket(b, backOffice.privateKey)).toEqual(payload);
  });

  it("is not verified by another terminal's key", async () => {
    const other = await makeTerminalKeys();
    expect(await verifyPacket(await seal(), other.publicKey)).toBe(false);
  });

  // `opens`: whether openPacket, which does not verify, still decrypts the altered packet.
  it.each<[string, (p: SealedPacket) => SealedPacket, boolean]>([
    ['one byte of the ciphertext', (p) => ({ ...p, ciphertext: flipByte(p.ciphertext, 100) }), false],
    ['one byte of the GCM tag', (p) => ({ ...p, ciphertext: flipByte(p.ciphertext, (decodeBase64url(p.ciphertext)?.length ?? 0) - 1) }), false],
    ['one byte of the IV', (p) => ({ ...p, iv: flipByte(p.iv, 0) }), false],
    ['the seq', (p) => ({ ...p, seq: p.seq + 1 }), false],
    ['the terminal id', (p) => ({ ...p, terminalId: 'KSK-ALA-0002' }), false],
    ['the time of sealing', (p) => ({ ...p, sealedAt: '2026-03-02T05:16:03.481Z' }), false],
    ['the application id', (p) => ({ ...p, applicationId: '0f4c1b7e-2d3a-4b6c-9e8f-1a2b3c4d5e70' }), false],
    ['one byte of the ephemeral key', (p) => ({ ...p, epk: { ...p.epk, x: flipByte(p.epk.x, 5) } }), false],
    ['one byte of the signature', (p) => ({ ...p, signature: flipByte(p.signature, 10) }), true],
    ['the last character of the signature, in its unused bits', (p) => ({ ...p, signature: setUnusedBits(p.signature) }), true],
    ['a truncated signature', (p) => ({ ...p, signature: p.signature.slice(0, 43) }), true],
  ])('fails to verify when %s is altered', async (_what, alter, opens) => {
    const packet = alter(await seal(makeApplicationPayload(), 3));
    expect(await verifyPacket(packet, terminalPublic)).toBe(false);
    if (opens) {
      expect(await openPacket(packet, backOffice.privateKey)).toEqual(makeApplicationPayload());
    } else {
      expect(await openError(packet)).toMatchObject({ code: 'undecryptable' });
    }
  });

  it('does not open a genuinely signed packet sealed to another back office', async () => {
    const elsewhere = await makeBackOfficeKeys();
    const packet = await seal(makeApplicationPayload(), 1, elsewhere.publicKey);
    expect(await verifyPacket(packet, terminalPublic)).toBe(true);
    const error = await openError(packet);
    expect(error).toBeInstanceOf(PacketError);
    expect(error).toMatchObject({ code: 'undecryptable' });
  });

  it("fails both ways with one packet's header on another's ciphertext", async () => {
    const first = await seal(makeApplicationPayload(), 1);
    const second = await seal(makeApplicationPayload({ id: 'a3e1c2d4-5b6f-4a7e-8c9d-0e1f2a3b4c5d' }), 2);
    const header = { terminalId: second.terminalId, applicationId: second.applicationId, seq: second.seq, sealedAt: second.sealedAt };
    for (const signature of [first.signature, second.signature]) {
      const swapped = { ...first, ...header, signature };
      expect(await verifyPacket(swapped, terminalPublic)).toBe(false);
      expect(await openError(swapped)).toMatchObject({ code: 'undecryptable' });
    }
  });

  it("tells a misconfigured back office key apart from a packet that does not open", async () => {
    const packet = await seal();
    await expect(openPacket(packet, backOffice.publicKey)).rejects.toThrow(TypeError);
    await expect(openPacket(packet, terminal.privateKey)).rejects.toThrow(TypeError);
  });
});
