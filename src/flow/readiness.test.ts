import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Enrolled, PublicKeyJwk } from '../protocol/packets';
import { BackOfficeError } from '../sync/backoffice';
import { KioskDb } from '../sync/kiosk-db';
import { putPacket } from '../sync/outbox';
import { fakePacket } from '../sync/packet-fixture';
import { exportPublicJwk, makeBackOfficeKeys } from '../sync/seal';
import { enrolWith, markTerminalRefused, terminalOf } from '../sync/terminal';
import { Readiness } from './readiness.svelte';

let db: KioskDb;
beforeEach(() => {
  db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

async function enrolled(terminalId: string): Promise<Enrolled> {
  const { publicKey } = await makeBackOfficeKeys();
  return { terminalId, centreId: 'AST-ESIL', backOfficeKey: await exportPublicJwk(publicKey), enrolledAt: '2026-03-02T05:00:00.000Z', publicUrl: 'https://track.example.kz' };
}

describe('Readiness', () => {
  it('knows nothing until IndexedDB has been read: not yet out of order', () => {
    const readiness = new Readiness();
    expect(readiness.terminal).toBeUndefined();
    expect(readiness.outOfOrder).toBeNull();
  });

  it('takes an enrolled terminal from its row, without enrolling again', async () => {
    const answer = await enrolled('KSK-AST-0001');
    await enrolWith(db, () => Promise.resolve(answer));
    const selfEnrol = vi.fn<(publicKey: PublicKeyJwk) => Promise<Enrolled>>();
    const readiness = new Readiness();
    await readiness.ensureTerminal(db, selfEnrol);
    expect(readiness.terminal).toEqual({ terminalId: 'KSK-AST-0001', centreId: 'AST-ESIL', publicUrl: 'https://track.example.kz' });
    expect(readiness.outOfOrder).toBeNull();
    expect(selfEnrol).not.toHaveBeenCalled();
  });

  it('enrols a kiosk without a row by itself when it may, and keeps the row', async () => {
    const answer = await enrolled('SBX-ABCD2345');
    const selfEnrol = vi.fn((_publicKey: PublicKeyJwk) => Promise.resolve(answer));
    const readiness = new Readiness();
    await readiness.ensureTerminal(db, selfEnrol);
    expect(readiness.terminal).toEqual({ terminalId: 'SBX-ABCD2345', centreId: 'AST-ESIL', publicUrl: 'https://track.example.kz' });
    expect(readiness.outOfOrder).toBeNull();
    expect(selfEnrol).toHaveBeenCalledOnce();
    const row = await terminalOf(db);
    expect(row).toMatchObject({ terminalId: 'SBX-ABCD2345', centreId: 'AST-ESIL', backOfficeKey: answer.backOfficeKey, nextSeq: 1 });
    // The public half it sent is the one it keeps beside its signing key.
    expect(selfEnrol.mock.calls[0]?.[0]).toEqual(row?.publicKeyJwk);
  });

  it('is out of order, not enrolled, when the self-enrolment fails — and tries again on the next call', async () => {
    const readiness = new Readiness();
    await readiness.ensureTerminal(db, () => Promise.reject(new Error('back office unreachable')));
    expect(readiness.terminal).toBeNull();
    expect(readiness.outOfOrder).toBe('not_enrolled');
    expect(await terminalOf(db)).toBeUndefined();

    const answer = await enrolled('SBX-ABCD2345');
    await readiness.ensureTerminal(db, () => Promise.resolve(answer));
    expect(readiness.terminal).toEqual({ terminalId: 'SBX-ABCD2345', centreId: 'AST-ESIL', publicUrl: 'https://track.example.kz' });
    expect(readiness.outOfOrder).toBeNull();
  });

  it('says no connection, not a fault of the terminal, when the self-enrolment found no back office — until it enrols', async () => {
    const readiness = new Readiness();
    await readiness.ensureTerminal(db, () => Promise.reject(new BackOfficeError('network', null)));
    expect(readiness.outOfOrder).toBe('no_connection');
    // A back office that answers but cannot work (a proxy's 502) is as far away for the kiosk.
    await readiness.ensureTerminal(db, () => Promise.reject(new BackOfficeError('server', 502)));
    expect(readiness.outOfOrder).toBe('no_connection');
    // It answered, and refused: the link is fine, the terminal is what is not set up.
    await readiness.ensureTerminal(db, () => Promise.reject(new BackOfficeError('invalid_key', 400)));
    expect(readiness.outOfOrder).toBe('not_enrolled');

    await readiness.ensureTerminal(db, () => Promise.reject(new BackOfficeError('network', null)));
    await readiness.ensureTerminal(db, async () => enrolled('SBX-ABCD2345'));
    expect(readiness.outOfOrder).toBeNull();
    expect(readiness.enrolUnreachable).toBe(false);
  });

  it('is out of order, not enrolled, when it may not enrol by itself', async () => {
    const readiness = new Readiness();
    await readiness.ensureTerminal(db, null);
    expect(readiness.terminal).toBeNull();
    expect(readiness.outOfOrder).toBe('not_enrolled');
  });

  it('is out of order with full storage once enrolled, and back in service when room is made', async () => {
    const answer = await enrolled('KSK-AST-0001');
    await enrolWith(db, () => Promise.resolve(answer));
    const readiness = new Readiness();
    await readiness.ensureTerminal(db, null);
    readiness.storageFull = true;
    expect(readiness.outOfOrder).toBe('storage_full');
    readiness.storageFull = false;
    expect(readiness.outOfOrder).toBeNull();
  });

  it('says not enrolled before storage full: an unenrolled kiosk could not seal anything anyway', async () => {
    const readiness = new Readiness();
    await readiness.ensureTerminal(db, null);
    readiness.storageFull = true;
    expect(readiness.outOfOrder).toBe('not_enrolled');
  });

  it('is out of order once the back office has refused this terminal, not for what an earlier identity sealed', async () => {
    const refuse = async (terminalId: string, seq: number, code: string) => {
      const packet = { ...fakePacket(seq), terminalId };
      await putPacket(db, packet, 0);
      await db.outbox.update(packet.applicationId, { state: 'quarantined', quarantine: { code, status: 403, at: 0 } });
    };
    await enrolWith(db, async () => enrolled('KSK-AST-0001'));
    const readiness = new Readiness();
    await refuse('KSK-OLD-0001', 1, 'revoked_terminal');
    await refuse('KSK-AST-0001', 2, 'bad_signature');
    await readiness.ensureTerminal(db, null);
    expect(readiness.outOfOrder).toBeNull();
    await refuse('KSK-AST-0001', 3, 'revoked_terminal');
    await readiness.ensureTerminal(db, null);
    expect(readiness.outOfOrder).toBe('terminal_refused');
  });

  it('is out of order once a signed request found this terminal revoked, also after a reload, until it is enrolled again', async () => {
    await enrolWith(db, async () => enrolled('KSK-AST-0001'));
    // A refusal of an identity the kiosk has since replaced changes nothing.
    await markTerminalRefused(db, 'KSK-OLD-0001', 'revoked_terminal', new Date('2026-06-15T04:00:00Z'));
    const readiness = new Readiness();
    await readiness.ensureTerminal(db, null);
    expect(readiness.outOfOrder).toBeNull();

    await markTerminalRefused(db, 'KSK-AST-0001', 'revoked_terminal', new Date('2026-06-15T04:00:00Z'));
    const afterReload = new Readiness();
    await afterReload.ensureTerminal(db, null);
    expect(afterReload.outOfOrder).toBe('terminal_refused');
    expect((await terminalOf(db))?.refused).toEqual({ code: 'revoked_terminal', at: '2026-06-15T04:00:00.000Z' });

    await enrolWith(db, async () => enrolled('KSK-AST-0002'));
    await afterReload.ensureTerminal(db, null);
    expect(afterReload.outOfOrder).toBeNull();
  });
});
