import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplicationPayload } from '../../src/sync/packet-fixture';
import { importBackOfficePublicKey, makeTerminalKeys, openPacket, sealPacket } from '../../src/sync/seal';
import { BUILT_IN_REFERENCE_DATA } from '../../src/domain/reference-data';
import { importBackOfficeVerifyKey, signReferenceData, verifyReferenceData } from '../../src/sync/reference-data-signature';
import { loadBackOfficeKeys, newBackOfficeKeys, type BackOfficeKeys } from './back-office-keys';

/** Whether a packet sealed to `sealTo`'s public half opens with `openWith`'s private one. */
async function opens(sealTo: BackOfficeKeys, openWith: BackOfficeKeys): Promise<boolean> {
  const payload = makeApplicationPayload();
  const packet = await sealPacket(payload, {
    terminalId: payload.application.terminalId,
    seq: 1,
    sealedAt: '2026-03-02T05:00:00Z',
    backOfficeKey: await importBackOfficePublicKey(sealTo.publicJwk),
    signingKey: (await makeTerminalKeys()).privateKey,
  });
  return openPacket(packet, openWith.privateKey).then(
    (opened) => JSON.stringify(opened) === JSON.stringify(payload),
    () => false,
  );
}

describe('the back-office key', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'back-office-key-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is made once in DATA_DIR/back-office-key.jwk, readable by the owner only, then read back', async () => {
    const first = await loadBackOfficeKeys({ env: undefined, dataDir: dir });
    expect(first.created).toBe(true);
    const file = join(dir, 'back-office-key.jwk');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ kty: 'EC', crv: 'P-256', d: expect.any(String) });
    expect(Object.keys(first.keys.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);

    const again = await loadBackOfficeKeys({ env: undefined, dataDir: dir });
    expect(again.created).toBe(false);
    expect(again.keys.publicJwk).toEqual(first.keys.publicJwk);
    // The key read back opens what was sealed to the one made.
    expect(await opens(first.keys, again.keys)).toBe(true);
  });

  it('is BACK_OFFICE_KEY when that is set, and refuses a key that is not a private P-256 JWK', async () => {
    const jwk = await readFile(join(dir, 'back-office-key.jwk'), 'utf8');
    const fromEnv = await loadBackOfficeKeys({ env: jwk, dataDir: '/nonexistent' });
    expect(fromEnv.created).toBe(false);
    const { d: _d, ...publicOnly } = JSON.parse(jwk) as JsonWebKey;
    await expect(loadBackOfficeKeys({ env: JSON.stringify(publicOnly), dataDir: '/nonexistent' })).rejects.toThrow(/private P-256 JWK/);
  });

  it('signs reference data that kiosks verify with the public half they got at enrolment, the key read back included', async () => {
    const made = await loadBackOfficeKeys({ env: undefined, dataDir: dir });
    const fromEnv = await loadBackOfficeKeys({ env: await readFile(join(dir, 'back-office-key.jwk'), 'utf8'), dataDir: '/nonexistent' });
    const document = { ...BUILT_IN_REFERENCE_DATA, version: 7 };
    const signature = await signReferenceData(document, fromEnv.keys.signingKey);
    expect(await verifyReferenceData({ document, signature }, await importBackOfficeVerifyKey(made.keys.publicJwk))).toBe(true);
    const stranger = await newBackOfficeKeys();
    expect(await verifyReferenceData({ document, signature }, await importBackOfficeVerifyKey(stranger.publicJwk))).toBe(false);
  });

  it('does not open what was sealed to another back office', async () => {
    const ours = await loadBackOfficeKeys({ env: undefined, dataDir: dir });
    const other = await mkdtemp(join(tmpdir(), 'back-office-key-'));
    try {
      const theirs = await loadBackOfficeKeys({ env: undefined, dataDir: other });
      expect(await opens(theirs.keys, ours.keys)).toBe(false);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
