import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublicKeyJwk } from '../../src/protocol/packets';
import { makeBackOfficeKeys } from '../../src/sync/seal';

/**
 * The back office's P-256 key: kiosks seal packets to its public half (ECDH); only this side can open
 * them. The same scalar signs the reference data kiosks fetch (ECDSA), so the public half each kiosk
 * got at enrolment is all it needs to check them (docs/reference-data.md, "Signatures").
 */
export interface BackOfficeKeys {
  privateKey: CryptoKey;
  /** ECDSA P-256, usages ['sign']: src/sync/reference-data-signature.ts. */
  signingKey: CryptoKey;
  /** Handed to each terminal at enrolment. */
  publicJwk: PublicKeyJwk;
}

const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
const FILE_NAME = 'back-office-key.jwk';

export async function newBackOfficeKeys(): Promise<BackOfficeKeys> {
  const pair = await makeBackOfficeKeys();
  return backOfficeKeysFromJwk(await crypto.subtle.exportKey('jwk', pair.privateKey));
}

/** From a private JWK (kty EC, crv P-256, x, y, d). */
export async function backOfficeKeysFromJwk(jwk: JsonWebKey): Promise<BackOfficeKeys> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y || !jwk.d) {
    throw new Error('the back-office key must be a private P-256 JWK (kty EC, crv P-256, x, y, d)');
  }
  // Not extractable once loaded: nothing in the process needs the private half as bytes again.
  const privateJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d };
  const privateKey = await crypto.subtle.importKey('jwk', privateJwk, ECDH_P256, false, ['deriveBits']);
  const signingKey = await crypto.subtle.importKey('jwk', privateJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  return { privateKey, signingKey, publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } };
}

/**
 * BACK_OFFICE_KEY (a private JWK as JSON) when set — the same on every process behind a load
 * balancer — else the key in DATA_DIR/back-office-key.jwk, made on first start (mode 0600).
 * Losing it makes every packet sealed to it and not yet received unreadable: back the file up.
 */
export async function loadBackOfficeKeys(options: { env: string | undefined; dataDir: string }): Promise<{ keys: BackOfficeKeys; created: boolean }> {
  if (options.env) return { keys: await backOfficeKeysFromJwk(JSON.parse(options.env) as JsonWebKey), created: false };
  const file = join(options.dataDir, FILE_NAME);
  let text: string | null = null;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== null) return { keys: await backOfficeKeysFromJwk(JSON.parse(text) as JsonWebKey), created: false };

  const pair = await makeBackOfficeKeys();
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  // `wx`: two processes starting at once on one folder must not overwrite each other's key.
  await writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
  return { keys: await backOfficeKeysFromJwk(jwk), created: true };
}
