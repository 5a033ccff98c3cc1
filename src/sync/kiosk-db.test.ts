import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { KIOSK_DB_NAME, TERMINAL_ROW } from './kiosk-db';
import { kioskDbOpener } from './kiosk-db-fixture';

const openDb = kioskDbOpener();

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

describe('KioskDb upgrades', () => {
  /** The kiosk's database as version 1 of the app made it. */
  class KioskDbV1 extends Dexie {
    constructor(indexedDB: IDBFactory) {
      super(KIOSK_DB_NAME, { indexedDB, IDBKeyRange });
      this.version(1).stores({
        outbox: 'applicationId, [state+nextAttemptAt+seq], [state+createdAt]',
        terminal: 'id',
      });
    }
  }

  it('opens a version-1 database with its outbox and terminal rows kept, and adds settings and the technician log', async () => {
    const idb = new IDBFactory();
    const old = new KioskDbV1(idb);
    const entry = { applicationId: 'app-1', seq: 1, state: 'pending', nextAttemptAt: 5, createdAt: 5, attempts: 0, lastError: null };
    await old.table('outbox').put(entry);
    await old.table('terminal').put({ id: TERMINAL_ROW, terminalId: 'KIOSK-1' });
    old.close();

    const db = openDb(idb);
    expect(await db.outbox.get('app-1')).toEqual(entry);
    expect(await db.outbox.where('[state+createdAt]').between(['pending', 0], ['pending', 10]).primaryKeys()).toEqual(['app-1']);
    expect(await db.terminal.get(TERMINAL_ROW)).toEqual({ id: TERMINAL_ROW, terminalId: 'KIOSK-1' });
    await db.settings.put({ key: 'deviceProfile', value: { preset: 'kiosk' } });
    expect(await db.settings.get('deviceProfile')).toEqual({ key: 'deviceProfile', value: { preset: 'kiosk' } });
    const first = await db.technicianLog.add({ at: 1, action: 'pin_accepted', details: {} });
    const second = await db.technicianLog.add({ at: 2, action: 'mode_closed', details: { reason: 'exit' } });
    expect(second).toBeGreaterThan(first);
    expect(db.verno).toBe(3);
  });

  it('opens a version-2 database with its rows kept, and adds the journey telemetry and its folds', async () => {
    const idb = new IDBFactory();
    const old = new KioskDbV1(idb);
    old.version(2).stores({ settings: 'key', technicianLog: '++seq' });
    const entry = { applicationId: 'app-2', seq: 1, state: 'pending', nextAttemptAt: 5, createdAt: 5, attempts: 0, lastError: null };
    await old.table('outbox').put(entry);
    await old.table('settings').put({ key: 'pin', value: 'hash' });
    old.close();

    const db = openDb(idb);
    expect(await db.outbox.get('app-2')).toEqual(entry);
    expect(await db.settings.get('pin')).toEqual({ key: 'pin', value: 'hash' });
    expect(await db.telemetry.count()).toBe(0);
    expect(await db.telemetryFolds.count()).toBe(0);
    expect(db.verno).toBe(3);
  });
});
