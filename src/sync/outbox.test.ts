import { Value } from '@sinclair/typebox/value';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SealedPacket } from '../protocol/packets';
import { KioskDb, TERMINAL_ROW } from './kiosk-db';
import { recordLastSync } from './last-sync';
import { listOutbox, makePendingDue, OutboxError, putPacket, releaseQuarantined, reserveSeq, sealIntoOutbox } from './outbox';

const jwk = { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) } as const;

/** Shaped as on the wire; nothing in the outbox opens or checks the crypto. */
function fakePacket(seq: number, signature = 's'.repeat(86)): SealedPacket {
  return {
    v: 1,
    terminalId: 'KIOSK-1',
    applicationId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq,
    sealedAt: '2025-01-01T10:00:00Z',
    epk: jwk,
    iv: 'i'.repeat(16),
    ciphertext: `c${seq}`,
    signature,
  };
}

let db: KioskDb;
beforeEach(() => {
  db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

async function enrol(nextSeq = 1): Promise<void> {
  const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  await db.terminal.put({
    id: TERMINAL_ROW,
    terminalId: 'KIOSK-1',
    centreId: 'ALA-01',
    signingKey: privateKey,
    publicKeyJwk: jwk,
    backOfficeKey: jwk,
    enrolledAt: '2025-01-01T00:00:00Z',
    nextSeq,
  });
}

describe('reserveSeq', () => {
  it('refuses before the terminal is enrolled', async () => {
    await expect(reserveSeq(db)).rejects.toMatchObject({ code: 'not_enrolled' });
  });

  it('hands out each seq once, even to reservations made at the same moment', async () => {
    await enrol(7);
    const seqs = await Promise.all([reserveSeq(db), reserveSeq(db), reserveSeq(db), reserveSeq(db)]);
    expect([...seqs].sort((a, b) => a - b)).toEqual([7, 8, 9, 10]);
    expect(await reserveSeq(db)).toBe(11);
  });
});

describe('putPacket', () => {
  it('keeps the packet pending and due at once', async () => {
    const packet = fakePacket(1);
    expect(Value.Check(SealedPacket, packet)).toBe(true);
    await putPacket(db, packet, 5_000);
    expect(await db.outbox.get(packet.applicationId)).toEqual({
      applicationId: packet.applicationId,
      packet,
      seq: 1,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: 5_000,
      lastError: null,
      createdAt: 5_000,
    });
  });

  it('takes the very same packet again as a no-op, leaving its sending history alone', async () => {
    const packet = fakePacket(1);
    await putPacket(db, packet, 5_000);
    await db.outbox.update(packet.applicationId, { attempts: 3, nextAttemptAt: 9_000 });
    await putPacket(db, packet, 6_000);
    expect(await db.outbox.get(packet.applicationId)).toMatchObject({ attempts: 3, nextAttemptAt: 9_000, createdAt: 5_000 });
  });

  it('refuses another packet under an application id already in the outbox', async () => {
    await putPacket(db, fakePacket(1), 5_000);
    const other = fakePacket(1, 't'.repeat(86));
    const error = await putPacket(db, other, 6_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboxError);
    expect(error).toMatchObject({ code: 'packet_conflict' });
    expect((await db.outbox.get(other.applicationId))?.packet.signature).toBe('s'.repeat(86));
  });
});

describe('sealIntoOutbox', () => {
  it('seals with a reserved seq and puts the packet', async () => {
    await enrol(3);
    const packet = await sealIntoOutbox(db, (seq) => Promise.resolve(fakePacket(seq)), () => 1_000);
    expect(packet.seq).toBe(3);
    expect((await db.outbox.get(packet.applicationId))?.seq).toBe(3);
  });

  it('skips a seq when sealing fails after the reservation: seqs increase, with gaps', async () => {
    await enrol(1);
    await expect(sealIntoOutbox(db, () => Promise.reject(new Error('power cut')), () => 1_000)).rejects.toThrow('power cut');
    const packet = await sealIntoOutbox(db, (seq) => Promise.resolve(fakePacket(seq)), () => 2_000);
    expect(packet.seq).toBe(2);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('listOutbox and releaseQuarantined', () => {
  beforeEach(async () => {
    await putPacket(db, fakePacket(1), 1_000);
    await putPacket(db, fakePacket(2), 2_000);
    await putPacket(db, fakePacket(3), 3_000);
    await db.outbox.update(fakePacket(1).applicationId, {
      state: 'quarantined',
      quarantine: { code: 'bad_signature', status: 400, at: 4_000 },
    });
  });

  it('counts pending and quarantined packets and tells the age of the oldest pending one', async () => {
    expect(await listOutbox(db, 10_000)).toEqual({
      pending: 2,
      quarantined: 1,
      oldestPendingAgeMs: 8_000,
      quarantinedPackets: [
        { applicationId: fakePacket(1).applicationId, seq: 1, createdAt: 1_000, quarantine: { code: 'bad_signature', status: 400, at: 4_000 } },
      ],
      lastSync: null,
    });
  });

  it('tells the last sync a drain recorded, and none for a value it cannot read', async () => {
    await recordLastSync(db, { at: 5_000, delivered: 2 });
    expect((await listOutbox(db, 10_000)).lastSync).toEqual({ at: 5_000, delivered: 2 });
    await db.settings.put({ key: 'lastSync', value: { at: '5000', delivered: 2 } });
    expect((await listOutbox(db, 10_000)).lastSync).toBeNull();
  });

  it('has no age for an outbox with nothing pending', async () => {
    await db.outbox.clear();
    expect(await listOutbox(db, 10_000)).toEqual({ pending: 0, quarantined: 0, oldestPendingAgeMs: null, quarantinedPackets: [], lastSync: null });
  });

  it('puts a released packet back in line, due at once, with a fresh count of attempts', async () => {
    const id = fakePacket(1).applicationId;
    await db.outbox.update(id, { attempts: 4 });
    expect(await releaseQuarantined(db, id, 20_000)).toBe(true);
    const entry = await db.outbox.get(id);
    expect(entry).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: 20_000 });
    expect(entry).not.toHaveProperty('quarantine');
    expect((await listOutbox(db, 20_000)).pending).toBe(3);
  });

  it('releases nothing that is not in quarantine', async () => {
    expect(await releaseQuarantined(db, fakePacket(2).applicationId, 20_000)).toBe(false);
    expect(await releaseQuarantined(db, fakePacket(9).applicationId, 20_000)).toBe(false);
    expect(await db.outbox.get(fakePacket(2).applicationId)).toMatchObject({ state: 'pending', nextAttemptAt: 2_000 });
  });
});

describe('makePendingDue', () => {
  const id = (seq: number) => fakePacket(seq).applicationId;

  beforeEach(async () => {
    for (const seq of [1, 2, 3, 4, 5]) await putPacket(db, fakePacket(seq), 1_000);
    // Backed off while the link was down: due later than the moment it came back.
    await db.outbox.update(id(1), { attempts: 3, nextAttemptAt: 60_000 });
    await db.outbox.update(id(2), { attempts: 5, nextAttemptAt: 600_000 });
    // Already due: before the moment, and at it.
    await db.outbox.update(id(3), { attempts: 1, nextAttemptAt: 5_000 });
    await db.outbox.update(id(4), { attempts: 1, nextAttemptAt: 10_000 });
    // Refused for good, with a backoff it no longer follows.
    await db.outbox.update(id(5), { state: 'quarantined', nextAttemptAt: 900_000, quarantine: { code: 'replay', status: 409, at: 2_000 } });
  });

  it('brings every backed-off pending packet forward to now, and says how many it moved', async () => {
    expect(await makePendingDue(db, 10_000)).toBe(2);
    expect(await db.outbox.get(id(1))).toMatchObject({ state: 'pending', nextAttemptAt: 10_000, attempts: 3 });
    expect(await db.outbox.get(id(2))).toMatchObject({ state: 'pending', nextAttemptAt: 10_000, attempts: 5 });
  });

  it('leaves packets already due where they are, and quarantined ones alone', async () => {
    await makePendingDue(db, 10_000);
    expect((await db.outbox.get(id(3)))?.nextAttemptAt).toBe(5_000);
    expect((await db.outbox.get(id(4)))?.nextAttemptAt).toBe(10_000);
    expect(await db.outbox.get(id(5))).toMatchObject({ state: 'quarantined', nextAttemptAt: 900_000, quarantine: { code: 'replay' } });
  });

  it('changes nothing a second time', async () => {
    await makePendingDue(db, 10_000);
    expect(await makePendingDue(db, 10_000)).toBe(0);
  });
});
