import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportLog, logAction, type LogExport } from '../../src/admin/audit-log';
import { failureCode } from '../../src/sync/backoffice';
import { KioskDb } from '../../src/sync/kiosk-db';
import { lastUploadedSeq, uploadTechnicianLog } from '../../src/sync/log-upload';
import { createTestApp, enrolKiosk, TEST_ADMIN_TOKEN, type TestApp } from '../test-support';

// The kiosk's own code exports its technician log, signs it with the terminal's key and sends it
// through its own fetch client (src/sync/backoffice.ts); the back office's own route verifies it.
describe("a kiosk's technician log at the back office", () => {
  let t: TestApp;
  let linkUp = true;
  const opened: KioskDb[] = [];
  let time = Date.UTC(2026, 2, 2, 5, 0);

  beforeAll(async () => {
    t = await createTestApp();
    // The kiosk's fetch, answered by the back office in this process.
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (!linkUp) throw new TypeError('Failed to fetch');
      const response = await t.app.inject({
        method: init.method as 'GET' | 'POST',
        url,
        headers: init.headers as Record<string, string>,
        // The kiosk sends the exact bytes it means (src/sync/backoffice.ts).
        ...(init.body ? { payload: Buffer.from(init.body as Uint8Array) } : {}),
      });
      return new Response(response.body, { status: response.statusCode, headers: { 'content-type': 'application/json' } });
    });
  }, 60_000);
  afterAll(async () => {
    vi.unstubAllGlobals();
    await t.close();
  }, 60_000);
  afterEach(() => {
    opened.splice(0).forEach((db) => db.close());
    linkUp = true;
  });

  function kioskDb(): KioskDb {
    const db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(db);
    return db;
  }

  async function enrolledKiosk(terminalId: string): Promise<KioskDb> {
    const db = kioskDb();
    await enrolKiosk(t.app, db, terminalId);
    return db;
  }

  const act = (db: KioskDb, screen: string) => logAction(db, 'screen_opened', { screen }, () => (time += 1000));
  const exportNew = async (db: KioskDb) => exportLog(db, await lastUploadedSeq(db));
  const stored = async (terminalId: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/admin/terminals/${terminalId}/log?limit=1000`,
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      })
    ).json() as { entries: { seq: number; action: string; details: Record<string, unknown> }[] };
  const uploadError = (db: KioskDb, exported: LogExport) => uploadTechnicianLog(db, exported).then(() => 'taken', failureCode);

  it('sends the log signed, verified and stored, then only what is new', async () => {
    const db = await enrolledKiosk('T-600');
    await act(db, 'outbox');
    await act(db, 'devices');
    await logAction(db, 'self_test', { device: 'printer', ok: false, code: 'printer_offline' }, () => (time += 1000));
    expect(await lastUploadedSeq(db)).toBe(0);

    const first = await exportNew(db);
    expect(await uploadTechnicianLog(db, first)).toEqual({ received: 3, lastSeq: 3 });
    expect(await lastUploadedSeq(db)).toBe(3);
    expect((await stored('T-600')).entries).toEqual([
      expect.objectContaining({ seq: 3, action: 'self_test', details: { device: 'printer', ok: false, code: 'printer_offline' } }),
      expect.objectContaining({ seq: 2, action: 'screen_opened', details: { screen: 'devices' } }),
      expect.objectContaining({ seq: 1, action: 'screen_opened', details: { screen: 'outbox' } }),
    ]);

    await act(db, 'log');
    const next = await exportNew(db);
    expect(next.entries).toBe(1);
    expect(await uploadTechnicianLog(db, next)).toEqual({ received: 1, lastSeq: 4 });
    expect(await lastUploadedSeq(db)).toBe(4);

    // The same export again (its answer lost, say): taken, counted once.
    expect(await uploadTechnicianLog(db, first)).toEqual({ received: 0, lastSeq: 4 });
    expect(await lastUploadedSeq(db)).toBe(4);
    expect((await stored('T-600')).entries).toHaveLength(4);
  });

  it('sends a log longer than one upload in parts', async () => {
    const db = await enrolledKiosk('T-601');
    const jsonl = Array.from(
      { length: 1500 },
      (_, i) => JSON.stringify({ seq: i + 1, at: '2026-03-02T05:00:00.000Z', action: 'screen_opened', details: { screen: 'outbox' } }) + '\n',
    ).join('');
    expect(await uploadTechnicianLog(db, { jsonl, entries: 1500, lastSeq: 1500 })).toEqual({ received: 1500, lastSeq: 1500 });
    expect(await lastUploadedSeq(db)).toBe(1500);
    expect((await stored('T-601')).entries).toHaveLength(1000);
  });

  it('keeps the mark where it was when the upload was not taken, with a code to show', async () => {
    const db = await enrolledKiosk('T-602');
    await act(db, 'outbox');
    linkUp = false;
    expect(await uploadError(db, await exportNew(db))).toBe('network');
    expect(await lastUploadedSeq(db)).toBe(0);

    linkUp = true;
    await t.app.inject({ method: 'POST', url: '/api/v1/admin/terminals/T-602/revoke', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(await uploadError(db, await exportNew(db))).toBe('revoked_terminal');
    expect(await lastUploadedSeq(db)).toBe(0);
    expect((await stored('T-602')).entries).toEqual([]);
  });

  it('refuses to send from a kiosk that is not a terminal: not_enrolled', async () => {
    const db = kioskDb();
    await act(db, 'terminal');
    expect(await uploadError(db, await exportNew(db))).toBe('not_enrolled');
  });
});
