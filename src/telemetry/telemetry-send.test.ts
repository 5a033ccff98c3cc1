import { Value } from '@sinclair/typebox/value';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { TelemetryBatch, type FoldedCounts, type JourneyRecord, type TelemetryReceived } from '../protocol/telemetry';
import { BackOfficeError } from '../sync/backoffice';
import type { KioskDb } from '../sync/kiosk-db';
import { kioskDbOpener } from '../sync/kiosk-db-fixture';
import { journeyRecord, sessionIdOf } from './record-fixture';
import { createTelemetrySender, type PostTelemetry, type TelemetrySenderDeps } from './telemetry-send';
import { telemetryWaiting } from './telemetry-store';

const openDb = kioskDbOpener();
const DAY = Date.parse('2026-12-07T04:00:00Z');

/**
 * The back office's intake as the contract says (server side: wt/tele-ingest): each record kept once
 * by its session id (another body under the same id: a conflict, the first kept), each fold once by
 * its id; answers 200 naming all it holds of the batch. Counts what it was sent against what it keeps.
 */
class FakeBackOffice {
  readonly stored = new Map<string, JourneyRecord>();
  readonly folds = new Map<string, FoldedCounts>();
  /** Records received, duplicates included. */
  received = 0;
  foldsReceived = 0;

  handle(batch: TelemetryBatch): TelemetryReceived {
    if (!Value.Check(TelemetryBatch, batch)) throw new BackOfficeError('invalid_body', 400);
    const answer: TelemetryReceived = { journeys: [], folds: [], conflicts: [] };
    for (const record of batch.journeys) {
      this.received++;
      const held = this.stored.get(record.sessionId);
      if (!held) this.stored.set(record.sessionId, structuredClone(record));
      if (held && JSON.stringify(held) !== JSON.stringify(record)) answer.conflicts.push(record.sessionId);
      else answer.journeys.push(record.sessionId);
    }
    for (const fold of batch.folds) {
      this.foldsReceived++;
      if (!this.folds.has(fold.foldId)) this.folds.set(fold.foldId, structuredClone(fold));
      answer.folds.push(fold.foldId);
    }
    return answer;
  }

  /** Journeys it can count: the records, and the folds' counts. */
  journeysCounted(): number {
    return this.stored.size + [...this.folds.values()].flatMap((fold) => fold.rows).reduce((sum, row) => sum + row.journeys, 0);
  }
}

/**
 * What the link does with the next POST:
 * - ok: delivered, answered;
 * - lost_request: never arrives (the send rejects as a network failure);
 * - lost_answer: arrives and is stored, the answer is lost;
 * - duplicated: arrives twice (a proxy's retry), the second answer comes back;
 * - delayed: arrives only after the next POST (reordered), the kiosk hears nothing;
 * - replayed: delivered and answered, and a copy arrives again at a later POST;
 * - server: a 503 from a proxy;
 * - stale: refused as stale (401), as a kiosk with a drifting clock sees until backoffice.ts learns the time.
 */
type Link = 'ok' | 'lost_request' | 'lost_answer' | 'duplicated' | 'delayed' | 'replayed' | 'server' | 'stale';
const LINKS: Link[] = ['ok', 'lost_request', 'lost_answer', 'duplicated', 'delayed', 'replayed', 'server', 'stale'];

function chaoticLink(backOffice: FakeBackOffice, next: () => Link) {
  const late: TelemetryBatch[] = [];
  const post: PostTelemetry = async (sent) => {
    await Promise.resolve();
    const batch = structuredClone(sent);
    // What an earlier POST left on the way arrives first: reordered after this one's predecessors.
    for (const old of late.splice(0)) backOffice.handle(old);
    switch (next()) {
      case 'ok':
        return backOffice.handle(batch);
      case 'lost_request':
        throw new BackOfficeError('network', null);
      case 'lost_answer':
        backOffice.handle(batch);
        throw new BackOfficeError('network', null);
      case 'duplicated':
        backOffice.handle(batch);
        return backOffice.handle(batch);
      case 'delayed':
        late.push(batch);
        throw new BackOfficeError('network', null);
      case 'replayed':
        late.push(structuredClone(batch));
        return backOffice.handle(batch);
      case 'server':
        throw new BackOfficeError('server', 503);
      case 'stale':
        throw new BackOfficeError('stale_request', 401);
    }
  };
  return { post, deliverLate: () => late.splice(0).forEach((batch) => backOffice.handle(batch)) };
}

/** A seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function sender(db: KioskDb, post: PostTelemetry, more: Partial<TelemetrySenderDeps> = {}) {
  let ids = 0;
  return createTelemetrySender({ db, post, now: () => DAY, newId: () => `30000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, ...more });
}

/** Finished records n = from…to, as the recorder keeps them (keepJourneyRecord), in one write. */
async function keep(db: KioskDb, from: number, to: number): Promise<void> {
  const rows = [];
  for (let n = from; n <= to; n++) {
    const record = journeyRecord(n, DAY + n * 60_000);
    rows.push({ sessionId: record.sessionId, state: 'ready' as const, order: Date.parse(record.startedAt), attempted: false, journey: record });
  }
  await db.telemetry.bulkPut(rows);
}

describe('sending the journey telemetry', () => {
  it('sends what waits in batches of MAX_BATCH_JOURNEYS and keeps nothing the back office named', async () => {
    const db = openDb(new IDBFactory());
    const backOffice = new FakeBackOffice();
    const batches: number[] = [];
    await keep(db, 1, 450);
    const result = await sender(db, (batch) => {
      batches.push(batch.journeys.length);
      return Promise.resolve(backOffice.handle(batch));
    }).send();
    expect(batches).toEqual([200, 200, 50]);
    expect(result).toMatchObject({ journeys: 450, stopped: null });
    expect(backOffice.stored.size).toBe(450);
    expect(backOffice.stored.get(sessionIdOf(7))).toEqual(journeyRecord(7, DAY + 7 * 60_000));
    expect(await telemetryWaiting(db)).toEqual({ journeys: 0, folds: 0, refused: 0 });
  });

  it('reaches the back office exactly once through duplicated, reordered, replayed and lost deliveries, with folds past the cap', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const db = openDb(new IDBFactory());
      const backOffice = new FakeBackOffice();
      const random = seeded(seed);
      const link = chaoticLink(backOffice, () => LINKS[Math.floor(random() * LINKS.length)] ?? 'ok');
      // A small store, so the oldest fold into counts while answers are being lost.
      const send = sender(db, link.post, { cap: 8, foldChunk: 5 });
      let made = 0;
      for (let round = 0; round < 40; round++) {
        const more = Math.floor(random() * 20);
        await keep(db, made + 1, made + more);
        made += more;
        await send.send();
      }
      // The link mends: everything left goes, and what was still on its way arrives.
      const calm = sender(db, (batch) => Promise.resolve(backOffice.handle(batch)), { cap: 8, foldChunk: 5 });
      expect((await calm.send()).stopped).toBeNull();
      link.deliverLate();

      expect(await telemetryWaiting(db)).toEqual({ journeys: 0, folds: 0, refused: 0 });
      expect(backOffice.journeysCounted()).toBe(made);
      expect(backOffice.received).toBeGreaterThan(backOffice.stored.size);
      for (const [id, record] of backOffice.stored) expect(record.sessionId).toBe(id);
    }
  }, 30_000);

  it('stops at a refusal of the terminal, a failing back office or one without the route, keeping every record for the next round', async () => {
    const db = openDb(new IDBFactory());
    await keep(db, 1, 5);
    const refusals = [
      new BackOfficeError('revoked_terminal', 403),
      new BackOfficeError('stale_request', 401),
      new BackOfficeError('rate_limited', 429),
      new BackOfficeError('server', 502),
      new BackOfficeError('bad_response', 200),
      // A back office not yet updated to take telemetry.
      new BackOfficeError('not_found', 404),
    ];
    for (const error of refusals) {
      const result = await sender(db, () => Promise.reject(error)).send();
      expect(result).toMatchObject({ journeys: 0, refused: 0, stopped: error.code });
    }
    expect(await telemetryWaiting(db)).toEqual({ journeys: 5, folds: 0, refused: 0 });
  });

  it('finds the one record the back office will never take, keeps it as refused, and sends the rest', async () => {
    const db = openDb(new IDBFactory());
    const backOffice = new FakeBackOffice();
    await keep(db, 1, 30);
    const poison = sessionIdOf(17);
    let posts = 0;
    const result = await sender(db, (batch) => {
      posts++;
      if (batch.journeys.some((record) => record.sessionId === poison)) return Promise.reject(new BackOfficeError('invalid_body', 400));
      // A proxy's 413 page, not JSON: backoffice.ts calls it `server`, still a refusal of this batch's size.
      if (batch.journeys.length > 10) return Promise.reject(new BackOfficeError('server', 413));
      return Promise.resolve(backOffice.handle(batch));
    }).send();
    expect(result).toMatchObject({ journeys: 29, refused: 1, stopped: null });
    expect(backOffice.stored.has(poison)).toBe(false);
    expect(backOffice.stored.size).toBe(29);
    expect(posts).toBeLessThan(20);
    expect(await db.telemetry.get(poison)).toMatchObject({ state: 'refused', refusal: { code: 'invalid_body', status: 400 } });
    expect(await telemetryWaiting(db)).toEqual({ journeys: 0, folds: 0, refused: 1 });
  });

  it('sends what is older than a record the back office finds in its future, and keeps that one for later', async () => {
    const db = openDb(new IDBFactory());
    const backOffice = new FakeBackOffice();
    await keep(db, 1, 9);
    const ahead = sessionIdOf(9);
    const result = await sender(db, (batch) =>
      batch.journeys.some((record) => record.sessionId === ahead)
        ? Promise.reject(new BackOfficeError('journey_in_future', 400))
        : Promise.resolve(backOffice.handle(batch)),
    ).send();
    expect(result).toMatchObject({ journeys: 8, refused: 0, stopped: 'journey_in_future' });
    expect(await telemetryWaiting(db)).toEqual({ journeys: 1, folds: 0, refused: 0 });
  });

  it('drops a record the back office holds with another body, and tells the technician log', async () => {
    const db = openDb(new IDBFactory());
    const backOffice = new FakeBackOffice();
    backOffice.stored.set(sessionIdOf(2), { ...journeyRecord(2, DAY), lang: 'en' });
    await keep(db, 1, 3);
    const told: string[][] = [];
    const result = await sender(db, (batch) => Promise.resolve(backOffice.handle(batch)), { onConflicts: (ids) => void told.push(ids) }).send();
    expect(result).toMatchObject({ journeys: 3, conflicts: 1 });
    expect(told).toEqual([[sessionIdOf(2)]]);
    expect(backOffice.stored.get(sessionIdOf(2))?.lang).toBe('en');
    expect(await telemetryWaiting(db)).toEqual({ journeys: 0, folds: 0, refused: 0 });
  });

  it('keeps what an answer does not name, and ignores ids it names that were not sent', async () => {
    const db = openDb(new IDBFactory());
    await keep(db, 1, 3);
    const result = await sender(db, () => Promise.resolve({ journeys: [sessionIdOf(1), sessionIdOf(99)], folds: [], conflicts: [sessionIdOf(98)] })).send();
    expect(result).toMatchObject({ journeys: 1, stopped: 'not_acknowledged' });
    expect((await db.telemetry.toArray()).map((row) => row.sessionId)).toEqual([sessionIdOf(2), sessionIdOf(3)]);
  });

  it('runs one round at a time: a call while one runs shares it', async () => {
    const db = openDb(new IDBFactory());
    const backOffice = new FakeBackOffice();
    await keep(db, 1, 3);
    let posts = 0;
    const send = sender(db, (batch) => {
      posts++;
      return Promise.resolve(backOffice.handle(batch));
    });
    const [a, b] = await Promise.all([send.send(), send.send()]);
    expect(a).toBe(b);
    expect(posts).toBe(1);
    expect(backOffice.received).toBe(3);
  });
});
