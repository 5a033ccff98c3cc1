import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logUploadSignedBytes, MAX_LOG_BYTES, MAX_LOG_ENTRIES } from '../protocol/technician-log';
import { KioskDb } from './kiosk-db';
import { lastUploadedSeq, logParts, signLogUpload } from './log-upload';
import { makeTerminalKeys, verifyTerminalSignature } from './seal';

const line = (seq: number, pad = '') => JSON.stringify({ seq, at: '2026-03-02T05:00:00.000Z', action: 'screen_opened', details: { screen: `outbox${pad}` } }) + '\n';

describe('logParts', () => {
  it('sends a log that fits as it is, and no lines as one empty upload', () => {
    expect(logParts(line(1) + line(2))).toEqual([line(1) + line(2)]);
    expect(logParts('')).toEqual(['']);
  });

  it('cuts a log into parts of at most MAX_LOG_ENTRIES lines, whole lines, in order', () => {
    const lines = Array.from({ length: MAX_LOG_ENTRIES * 2 + 1 }, (_, i) => line(i + 1));
    const parts = logParts(lines.join(''));
    expect(parts.map((p) => p.split('\n').length - 1)).toEqual([MAX_LOG_ENTRIES, MAX_LOG_ENTRIES, 1]);
    expect(parts.join('')).toBe(lines.join(''));
  });

  it('cuts a log into parts of at most MAX_LOG_BYTES', () => {
    // About 1 KB a line: 600 of them are fewer entries than the limit but more bytes.
    const lines = Array.from({ length: 600 }, (_, i) => line(i + 1, 'é'.repeat(450)));
    const parts = logParts(lines.join(''));
    expect(parts.length).toBe(2);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(MAX_LOG_BYTES);
    expect(parts.join('')).toBe(lines.join(''));
  });
});

describe('signLogUpload', () => {
  it("is the terminal's signature over its id and the lines, and nothing else's", async () => {
    const keys = await makeTerminalKeys();
    const upload = await signLogUpload('T-1', line(1), keys.privateKey);
    expect(upload).toMatchObject({ v: 1, jsonl: line(1) });
    expect(await verifyTerminalSignature(keys.publicKey, upload.signature, logUploadSignedBytes('T-1', upload))).toBe(true);
    expect(await verifyTerminalSignature(keys.publicKey, upload.signature, logUploadSignedBytes('T-2', upload))).toBe(false);
    expect(await verifyTerminalSignature(keys.publicKey, upload.signature, logUploadSignedBytes('T-1', { ...upload, jsonl: line(2) }))).toBe(false);
  });
});

describe('lastUploadedSeq', () => {
  let db: KioskDb;
  beforeEach(() => {
    db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  });
  afterEach(() => db.close());

  it('is 0 before the first upload and for a value it cannot read', async () => {
    expect(await lastUploadedSeq(db)).toBe(0);
    await db.settings.put({ key: 'logUploadedSeq', value: '12' });
    expect(await lastUploadedSeq(db)).toBe(0);
    await db.settings.put({ key: 'logUploadedSeq', value: 12 });
    expect(await lastUploadedSeq(db)).toBe(12);
  });
});
