import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../flow/events';
import { Journey } from '../flow/journey.svelte';
import { Session } from '../flow/session.svelte';
import type { JourneyRecord } from '../protocol/telemetry';
import { kioskDbOpener } from '../sync/kiosk-db-fixture';
import type { KioskDb } from '../sync/kiosk-db';
import { journeyFacts } from './journey-recorder';
import { journeyRecord } from './record-fixture';
import { foldOverflow, keepJourneyRecord, startJourneyTelemetry, telemetryWaiting } from './telemetry-store';

const openDb = kioskDbOpener();

/** A kiosk started on `idb` ("the same disk" when given again): its journey, and the telemetry listening. */
function startKiosk(idb: IDBFactory) {
  const db = openDb(idb);
  const session = new Session();
  const log = new EventLog();
  const journey = new Journey(session, log);
  const telemetry = startJourneyTelemetry(db, log, { facts: () => journeyFacts(session.data) });
  return { db, session, journey, telemetry };
}

async function rows(db: KioskDb) {
  return (await db.telemetry.toArray()).map((row) => ({ state: row.state, journey: row.journey }));
}

describe('the journey telemetry store', () => {
  it('writes the open record as the journey grows, and keeps the finished one to be sent', async () => {
    const { db, session, journey, telemetry } = startKiosk(new IDBFactory());
    session.update({ lang: 'ru' });
    journey.advance();
    await telemetry.flushed();
    expect(await rows(db)).toMatchObject([{ state: 'open', journey: { lang: 'ru', steps: [{ step: 'service' }] } }]);
    journey.end('cancel');
    await telemetry.flushed();
    expect(await rows(db)).toMatchObject([{ state: 'ready', journey: { outcome: 'cancel', outcomeStep: 'service', lang: 'ru' } }]);
    expect(await telemetryWaiting(db)).toEqual({ journeys: 1, folds: 0, refused: 0 });
  });

  it('closes the journey a reload cut off as interrupted at its last step, and goes on recording the next', async () => {
    const idb = new IDBFactory();
    const before = startKiosk(idb);
    before.session.update({ lang: 'kk' });
    before.journey.advance();
    before.session.update({ service: '07', document: 'passport' });
    before.journey.advance();
    await before.telemetry.flushed();
    before.db.close();

    const after = startKiosk(idb);
    after.session.update({ lang: 'en' });
    after.journey.advance();
    after.journey.end('idle');
    await after.telemetry.flushed();
    const kept = (await rows(after.db)).map((row) => [row.state, (row.journey as JourneyRecord).outcome, (row.journey as JourneyRecord).outcomeStep]);
    expect(kept).toHaveLength(2);
    expect(kept).toEqual(expect.arrayContaining([['ready', 'interrupted', 'iin'], ['ready', 'idle', 'service']]));
  });

  it('folds the oldest records into counts past the cap, never one already sent, and loses no journey from the counts', async () => {
    const db = openDb(new IDBFactory());
    const day = Date.parse('2026-12-07T04:00:00Z');
    for (let n = 1; n <= 25; n++) await keepJourneyRecord(db, journeyRecord(n, day + n * 60_000));
    // The oldest two went in a batch whose answer was lost: the back office may hold them.
    for (const n of [1, 2]) await db.telemetry.update(journeyRecord(n, 0).sessionId, { attempted: true });
    let ids = 0;
    const folded = await foldOverflow(db, day, () => `20000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, 10, 4);
    expect(folded).toBe(16);
    const left = await db.telemetry.toArray();
    expect(left).toHaveLength(9);
    expect(left.filter((row) => row.attempted).map((row) => row.sessionId)).toEqual([journeyRecord(1, 0).sessionId, journeyRecord(2, 0).sessionId]);
    const folds = await db.telemetryFolds.toArray();
    expect(folds).toHaveLength(4);
    expect(folds.flatMap((row) => row.fold.rows).reduce((sum, row) => sum + row.journeys, 0)).toBe(16);
    expect(folds[0]?.fold.rows).toEqual([{ day: '2026-12-07', outcome: 'receipt', outcomeStep: 'done', journeys: 4 }]);
    expect(await telemetryWaiting(db)).toEqual({ journeys: 9, folds: 4, refused: 0 });
  });
});
