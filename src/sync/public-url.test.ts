import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Readiness } from '../flow/readiness.svelte';
import { readinessCheck } from '../flow/readiness-check';
import type { Enrolled, TerminalProfile } from '../protocol/packets';
import { KioskDb } from './kiosk-db';
import { publicUrlLearner } from './public-url';
import { exportPublicJwk, makeBackOfficeKeys } from './seal';
import { enrolWith, markTerminalRefused, terminalOf } from './terminal';

// How the back office's public address reaches the receipt's QR on a kiosk enrolled before the
// enrolment answer carried it, and follows a back office whose address moved.

let db: KioskDb;
beforeEach(() => {
  db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const OLD = 'https://old.example.kz';
const NEW = 'https://track.example.kz';

/** A kiosk enrolled as one was before `publicUrl` was in the answer: its row has none. */
async function enrolledBefore(terminalId = 'KSK-AST-0001'): Promise<void> {
  const { publicKey } = await makeBackOfficeKeys();
  const answer = { terminalId, centreId: 'AST-ESIL', backOfficeKey: await exportPublicJwk(publicKey), enrolledAt: '2026-03-02T05:00:00.000Z' };
  await enrolWith(db, () => Promise.resolve(answer as Enrolled));
  expect((await terminalOf(db))?.publicUrl).toBeUndefined();
}

const profile = (publicUrl: string, terminalId = 'KSK-AST-0001'): TerminalProfile => ({ terminalId, centreId: 'AST-ESIL', publicUrl });

describe('publicUrlLearner', () => {
  it('asks a kiosk enrolled before for the address, keeps it in the terminal row, and the next receipt carries it', async () => {
    await enrolledBefore();
    const readiness = new Readiness();
    const ask = vi.fn(() => Promise.resolve(profile(NEW)));
    const check = readinessCheck({
      readiness,
      db,
      health: () => Promise.resolve({}),
      selfEnrol: null,
      storage: () => Promise.resolve(null),
      devices: () => Promise.resolve(null),
      publicUrl: publicUrlLearner(db, ask),
    });
    await check();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(readiness.terminal).toEqual({ terminalId: 'KSK-AST-0001', centreId: 'AST-ESIL', publicUrl: NEW });
    expect((await terminalOf(db))?.publicUrl).toBe(NEW);
    // Known now: not asked again this start.
    await check();
    expect(ask).toHaveBeenCalledTimes(1);
    // After a reload the row has it, offline too.
    const afterReload = new Readiness();
    await afterReload.ensureTerminal(db, null);
    expect(afterReload.terminal?.publicUrl).toBe(NEW);
  });

  it('without a link keeps asking at each check, and a check is not held up by it', async () => {
    await enrolledBefore();
    const ask = vi.fn(() => Promise.reject(new Error('network')));
    const readiness = new Readiness();
    const check = readinessCheck({
      readiness,
      db,
      health: () => Promise.reject(new Error('network')),
      selfEnrol: null,
      storage: () => Promise.resolve(null),
      devices: () => Promise.resolve(null),
      publicUrl: publicUrlLearner(db, ask),
    });
    await check();
    await check();
    expect(ask).toHaveBeenCalledTimes(2);
    expect(readiness.terminal).toEqual({ terminalId: 'KSK-AST-0001', centreId: 'AST-ESIL' });
    expect(readiness.outOfOrder).toBeNull();
  });

  it('asks once a start even when it has one, and follows a back office whose address moved', async () => {
    await enrolledBefore();
    await publicUrlLearner(db, () => Promise.resolve(profile(OLD)))();
    expect((await terminalOf(db))?.publicUrl).toBe(OLD);
    // The next start: the back office now answers with its new address.
    const learn = publicUrlLearner(db, () => Promise.resolve(profile(NEW)));
    expect(await learn()).toEqual({ terminalId: 'KSK-AST-0001', publicUrl: NEW });
    expect((await terminalOf(db))?.publicUrl).toBe(NEW);
    expect(await learn()).toBeNull();
  });

  it("takes no answer about another terminal (enrolled again meanwhile), and does not ask for a refused or unenrolled one", async () => {
    const ask = vi.fn(() => Promise.resolve(profile(NEW, 'KSK-OTHER-0002')));
    expect(await publicUrlLearner(db, ask)()).toBeNull();
    expect(ask).not.toHaveBeenCalled();
    await enrolledBefore();
    expect(await publicUrlLearner(db, ask)()).toBeNull();
    expect((await terminalOf(db))?.publicUrl).toBeUndefined();
    await markTerminalRefused(db, 'KSK-AST-0001', 'revoked_terminal', new Date('2026-06-15T04:00:00Z'));
    ask.mockClear();
    expect(await publicUrlLearner(db, ask)()).toBeNull();
    expect(ask).not.toHaveBeenCalled();
  });

  it('a kiosk enrolled now has the address from the enrolment answer itself', async () => {
    const { publicKey } = await makeBackOfficeKeys();
    await enrolWith(db, async () => ({ terminalId: 'SBX-ABCD2345', centreId: 'AST-ESIL', backOfficeKey: await exportPublicJwk(publicKey), enrolledAt: '2026-03-02T05:00:00.000Z', publicUrl: NEW }));
    expect((await terminalOf(db))?.publicUrl).toBe(NEW);
  });
});
