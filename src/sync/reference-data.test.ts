import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { recentActions } from '../admin/audit-log';
import { BUILT_IN_REFERENCE_DATA } from '../domain/reference-data';
import type { PublicKeyJwk } from '../protocol/packets';
import type { ReferenceData, SignedReferenceData } from '../protocol/reference-data';
import { offlinePayment } from '../steps/offline-payment';
import { kioskDbOpener } from './kiosk-db-fixture';
import { TERMINAL_ROW, type KioskDb } from './kiosk-db';
import { keepReferenceData, loadKeptReferenceData, referenceDataInUse, REFERENCE_DATA_SETTING, startReferenceDataSync, useReferenceData } from './reference-data';
import { signReferenceData } from './reference-data-signature';
import { exportPublicJwk, makeBackOfficeKeys } from './seal';

const openDb = kioskDbOpener();
afterEach(() => useReferenceData([]));

/** A back office's key as server/sync/back-office-keys.ts holds it: one P-256 scalar, for ECDH and for signing. */
async function backOfficeKey(): Promise<{ publicJwk: PublicKeyJwk; signingKey: CryptoKey }> {
  const pair = await makeBackOfficeKeys();
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const signingKey = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  return { publicJwk: await exportPublicJwk(pair.publicKey), signingKey };
}

async function enrolWith(db: KioskDb, backOffice: PublicKeyJwk): Promise<void> {
  const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  await db.terminal.put({
    id: TERMINAL_ROW,
    terminalId: 'KIOSK-1',
    centreId: 'AST-ESIL',
    signingKey: privateKey,
    publicKeyJwk: backOffice,
    backOfficeKey: backOffice,
    enrolledAt: '2026-03-01T00:00:00Z',
    nextSeq: 1,
  });
}

/** Entered for 2027: its MRP, in force from 1 December 2026. */
const V2: ReferenceData = {
  ...BUILT_IN_REFERENCE_DATA,
  version: 2,
  effectiveFrom: '2026-12-01',
  mrpByYear: [...BUILT_IN_REFERENCE_DATA.mrpByYear, { year: 2027, mrpKzt: 4500 }],
};
const V1: ReferenceData = { ...BUILT_IN_REFERENCE_DATA, version: 1 };

const sign = async (document: ReferenceData, key: CryptoKey): Promise<SignedReferenceData> => ({ document, signature: await signReferenceData(document, key) });

const passportIn2027 = (versions?: readonly ReferenceData[]) =>
  offlinePayment({ service: '16', document: 'passport', lostIdCardsThisYear: 0, createdAt: '2027-01-04T04:00:00Z', number: 'AAAA-BBBB-CCCC' }, versions);

describe('the kiosk\'s reference data', () => {
  it('defers a fee of a year it knows no MRP of, before any version: the built-in figures', async () => {
    const db = openDb();
    expect(await loadKeptReferenceData(db)).toEqual([]);
    expect(passportIn2027()).toEqual({ amountTiyn: null, qrPayload: '' });
  });

  it('keeps versions the back office signed, uses them offline for the fee, and still has them after a restart', async () => {
    const idb = new IDBFactory();
    const key = await backOfficeKey();
    const db = openDb(idb);
    await enrolWith(db, key.publicJwk);
    expect(await keepReferenceData(db, { versions: [await sign(V1, key.signingKey), await sign(V2, key.signingKey)] })).toBe('kept');
    // 8 MRP of 4,500 ₸, with the 2027 figure the back office signed.
    expect(passportIn2027().amountTiyn).toBe(3_600_000);
    expect(await recentActions(db)).toEqual([]);

    // The page reloaded, no link: what was kept is verified again and used.
    useReferenceData([]);
    db.close();
    const reopened = openDb(idb);
    expect((await loadKeptReferenceData(reopened)).map((v) => v.version)).toEqual([1, 2]);
    expect(passportIn2027().amountTiyn).toBe(3_600_000);
    // The same answer again changes nothing.
    expect(await keepReferenceData(reopened, { versions: [await sign(V1, key.signingKey), await sign(V2, key.signingKey)] })).toBe('unchanged');
  });

  it('never uses a version whose signature fails, and logs it for the technician', async () => {
    const key = await backOfficeKey();
    const stranger = await backOfficeKey();
    const db = openDb();
    await enrolWith(db, key.publicJwk);
    // Signed by another key, or by the right one over other figures.
    const forged = await sign(V2, stranger.signingKey);
    const tampered = { ...(await sign(V1, key.signingKey)), document: { ...V1, mrpByYear: [{ year: 2027, mrpKzt: 1 }] } };
    expect(await keepReferenceData(db, { versions: [tampered, forged] })).toBe('rejected');
    expect(referenceDataInUse()).toEqual([]);
    expect(passportIn2027()).toEqual({ amountTiyn: null, qrPayload: '' });
    expect(await db.settings.get(REFERENCE_DATA_SETTING)).toBeUndefined();
    expect((await recentActions(db)).map((a) => [a.action, a.details])).toEqual([
      ['reference_data_rejected', { version: 2, code: 'bad_signature' }],
      ['reference_data_rejected', { version: 1, code: 'bad_signature' }],
    ]);
  });

  it('drops what it kept when re-enrolled with another back office, and never goes back to an older version', async () => {
    const key = await backOfficeKey();
    const db = openDb();
    await enrolWith(db, key.publicJwk);
    await keepReferenceData(db, { versions: [await sign(V2, key.signingKey)] });
    expect(await keepReferenceData(db, { versions: [await sign(V1, key.signingKey)] })).toBe('rejected');
    expect(referenceDataInUse().map((v) => v.version)).toEqual([2]);

    const other = await backOfficeKey();
    await enrolWith(db, other.publicJwk);
    expect(await loadKeptReferenceData(db)).toEqual([]);
    expect((await recentActions(db))[0]).toMatchObject({ action: 'reference_data_rejected', details: { version: 2, code: 'bad_signature' } });
  });

  it('asks only with a link, and keeps what it has when the answer does not come', async () => {
    const key = await backOfficeKey();
    const db = openDb();
    await enrolWith(db, key.publicJwk);
    let link = false;
    let answer: () => Promise<{ versions: SignedReferenceData[] }> = async () => ({ versions: [await sign(V2, key.signingKey)] });
    const sync = startReferenceDataSync({ db, linkUp: () => link, fetch: () => answer() }, 3_600_000, 3_600_000);
    try {
      expect(await sync.refresh()).toBe('offline');
      link = true;
      expect(await sync.refresh()).toBe('kept');
      answer = () => Promise.reject(new Error('network'));
      expect(await sync.refresh()).toBe('failed');
      expect(referenceDataInUse().map((v) => v.version)).toEqual([2]);
    } finally {
      sync.stop();
    }
  });
});
