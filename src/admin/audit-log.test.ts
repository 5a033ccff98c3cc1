import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskDb } from '../sync/kiosk-db';
import { exportLog, logAction, recentActions } from './audit-log';

let db: KioskDb;
let time: number;
const clock = () => time;
beforeEach(() => {
  db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  time = Date.UTC(2026, 2, 1, 9, 30);
});
afterEach(() => db.close());

describe('technician log', () => {
  it('records each action with its time, in order', async () => {
    await logAction(db, 'screen_opened', { screen: 'outbox' }, clock);
    time += 1500;
    await logAction(db, 'self_test', { device: 'printer', ok: false, code: 'printer_offline' }, clock);
    expect(await recentActions(db)).toEqual([
      { seq: 2, at: time, action: 'self_test', details: { device: 'printer', ok: false, code: 'printer_offline' } },
      { seq: 1, at: time - 1500, action: 'screen_opened', details: { screen: 'outbox' } },
    ]);
  });

  it('keeps only the newest entries beyond its capacity', async () => {
    for (let i = 1; i <= 8; i++) {
      time += 1000;
      await logAction(db, 'log_exported', { entries: i, received: i, lastSeq: i }, clock, 5);
    }
    const kept = await db.technicianLog.toArray();
    expect(kept.map((row) => row.details.entries)).toEqual([4, 5, 6, 7, 8]);
    expect(kept.map((row) => row.seq)).toEqual([4, 5, 6, 7, 8]);
  });

  it('exports JSON lines with ISO times, and only what is new since the last export', async () => {
    await logAction(db, 'enrolled', { terminalId: 'KIOSK-7', centreId: 'AST-ESIL' }, clock);
    time += 60_000;
    await logAction(db, 'mode_closed', { reason: 'exit' }, clock);

    const all = await exportLog(db);
    expect(all).toEqual({
      jsonl:
        '{"seq":1,"at":"2026-03-01T09:30:00.000Z","action":"enrolled","details":{"terminalId":"KIOSK-7","centreId":"AST-ESIL"}}\n' +
        '{"seq":2,"at":"2026-03-01T09:31:00.000Z","action":"mode_closed","details":{"reason":"exit"}}\n',
      entries: 2,
      lastSeq: 2,
    });

    await logAction(db, 'sync_requested', {}, clock);
    const next = await exportLog(db, all.lastSeq);
    expect(next.entries).toBe(1);
    expect(next.jsonl.trim().split('\n').map((line) => (JSON.parse(line) as { action: string }).action)).toEqual(['sync_requested']);
    expect(await exportLog(db, next.lastSeq)).toEqual({ jsonl: '', entries: 0, lastSeq: next.lastSeq });
  });
});
