import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { KIOSK_DB_NAME, KioskDb, TERMINAL_ROW } from './kiosk-db';

const opened: KioskDb[] = [];
function openDb(indexedDB: IDBFactory): KioskDb {
  const db = new KioskDb({ indexedDB, IDBKeyRange });
  opened.push(db);
  return db;
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const jwk = { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) } as const;

describe('KioskDb', () => {
  it('is the database named kiosk', () => {
    expect(openDb(new IDBFactory()).name).toBe(KIOSK_DB_NAME);
  });

  it('keeps the non-extractable signing key across a restart, still able to sign and still not exportable', async () => {
    const idb = new IDBFactory();
    const keys = await crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify']);
    await openDb(idb).terminal.put({
      id: TERMINAL_ROW,
      terminalId: 'KIOSK-1',
      centreId: 'ALA-01',
      signingKey: keys.privateKey,
      publicKeyJwk: jwk,
      backOfficeKey: jwk,
      enrolledAt: '2025-01-01T00:00:00Z',
      nextSeq: 1,
    });

    const row = await openDb(idb).terminal.get(TERMINAL_ROW);
    if (!row) throw new Error('terminal row lost');
    expect(row.signingKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', row.signingKey)).rejects.toThrow();
    const data = new TextEncoder().encode('packet bytes');
    const signature = await crypto.subtle.sign(SIGN, row.signingKey, data);
    expect(await crypto.subtle.verify(SIGN, keys.publicKey, signature, data)).toBe(true);
    expect(row).toMatchObject({ terminalId: 'KIOSK-1', centreId: 'ALA-01', backOfficeKey: jwk, nextSeq: 1 });
  });
});
