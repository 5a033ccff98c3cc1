import { Dexie } from 'dexie';
import type { EventLog, LoggedEvent } from '../flow/events';
import type { JourneyRecord } from '../protocol/telemetry';
import type { KioskDb, TelemetryRow } from '../sync/kiosk-db';
import { FOLD_CHUNK, TELEMETRY_CAP, foldRecords } from './fold';
import { closeInterrupted, isValidRecord, observe, type JourneyFacts, type OpenJourney } from './journey-recorder';

/*
 * The journey telemetry in the kiosk's IndexedDB, beside the outbox: the open record written at each
 * event (it survives a reload and is closed as interrupted at the next start), finished records kept
 * until the back office names them in its answer (telemetry-send.ts), the oldest folded into counts
 * past the cap (fold.ts).
 */

export interface JourneyTelemetry {
  /** Resolves once every event so far is written: tests, and a page about to reload, wait on it. */
  flushed(): Promise<void>;
  stop(): void;
}

export interface TelemetryOptions {
  /** The session's codes at the moment of an event (journeyFacts(session.data)). */
  facts: () => JourneyFacts;
  newId?: () => string;
  /** A write that failed: telemetry never stops a citizen's journey, it only says so. */
  onError?: (error: unknown) => void;
  /** A finished record was kept: the kiosk drains, so it leaves without waiting for the timer. */
  onFinished?: () => void;
}

/**
 * Listens to the kiosk's event log and keeps each journey's record. First closes, as interrupted,
 * any journey an earlier run of the kiosk left open; the events that come meanwhile wait for it.
 */
export function startJourneyTelemetry(db: KioskDb, log: EventLog, options: TelemetryOptions): JourneyTelemetry {
  const { facts, newId = () => crypto.randomUUID(), onError = (error) => console.error('journey telemetry not written', error), onFinished } = options;
  let open: OpenJourney | null = null;
  // One write after another, in the order of the events: a finished record never overtaken by its own open row.
  let writes: Promise<void> = closeInterruptedJourneys(db).then(() => undefined, onError);
  const write = (job: () => Promise<unknown>) => {
    writes = writes.then(job).then(() => undefined, onError);
  };
  const unsubscribe = log.subscribe((event: LoggedEvent) => {
    const before = open;
    const result = observe(open, event, facts(), newId);
    open = result.open;
    const { finished } = result;
    if (finished) write(() => keepJourneyRecord(db, finished).then(onFinished));
    else if (open && open !== before) {
      const row: TelemetryRow = { sessionId: open.sessionId, state: 'open', order: open.startedAt, attempted: false, journey: open };
      write(() => db.telemetry.put(row));
    }
  });
  return {
    flushed: () => writes,
    stop: unsubscribe,
  };
}

/** Keeps a finished record to be sent. The same key as its open row: one put replaces it, so a record is never both open and ready. */
export async function keepJourneyRecord(db: KioskDb, record: JourneyRecord): Promise<void> {
  if (!isValidRecord(record)) {
    await db.telemetry.delete(record.sessionId);
    throw new TypeError(`journey record ${record.sessionId} is off the contract: not kept`);
  }
  await db.telemetry.put({ sessionId: record.sessionId, state: 'ready', order: Date.parse(record.startedAt), attempted: false, journey: record });
}

/** Every journey left open by an earlier run of the kiosk, closed as interrupted where it stopped. */
export async function closeInterruptedJourneys(db: KioskDb): Promise<number> {
  return db.transaction('rw', db.telemetry, async () => {
    const rows = await db.telemetry.where('[state+order]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).toArray();
    for (const row of rows) {
      if (row.state !== 'open') continue;
      const record = closeInterrupted(row.journey);
      if (isValidRecord(record)) await db.telemetry.put({ sessionId: row.sessionId, state: 'ready', order: row.order, attempted: false, journey: record });
      else await db.telemetry.delete(row.sessionId);
    }
    return rows.length;
  });
}

/**
 * Folds the oldest finished records into counts while more than `cap` wait, FOLD_CHUNK at a time, in
 * one transaction each (the records go and their fold comes together). A record already sent once
 * (its answer lost) is never folded: the back office may hold it. Returns how many were folded.
 * Called under the telemetry lock by the sender, so nothing folded is in a batch on its way.
 */
export async function foldOverflow(db: KioskDb, now: number, newId: () => string = () => crypto.randomUUID(), cap = TELEMETRY_CAP, chunk = FOLD_CHUNK): Promise<number> {
  let folded = 0;
  for (;;) {
    const done = await db.transaction('rw', db.telemetry, db.telemetryFolds, async () => {
      const ready = db.telemetry.where('[state+order]').between(['ready', Dexie.minKey], ['ready', Dexie.maxKey]);
      if ((await ready.count()) <= cap) return 0;
      const oldest = await ready.filter((row) => !row.attempted).limit(chunk).toArray();
      if (oldest.length === 0) return 0;
      const folds = foldRecords(
        oldest.map((row) => row.journey as JourneyRecord),
        newId,
      );
      await db.telemetry.bulkDelete(oldest.map((row) => row.sessionId));
      await db.telemetryFolds.bulkAdd(folds.map((fold, i) => ({ foldId: fold.foldId, state: 'ready' as const, createdAt: now + i, fold })));
      return oldest.length;
    });
    if (done === 0) return folded;
    folded += done;
  }
}

/** What waits to be sent, and what the back office refused for good: for technician mode. */
export async function telemetryWaiting(db: KioskDb): Promise<{ journeys: number; folds: number; refused: number }> {
  const inState = (state: TelemetryRow['state']) => db.telemetry.where('[state+order]').between([state, Dexie.minKey], [state, Dexie.maxKey]).count();
  const [journeys, refused, folds, refusedFolds] = await Promise.all([
    inState('ready'),
    inState('refused'),
    db.telemetryFolds.where('[state+createdAt]').between(['ready', Dexie.minKey], ['ready', Dexie.maxKey]).count(),
    db.telemetryFolds.where('[state+createdAt]').between(['refused', Dexie.minKey], ['refused', Dexie.maxKey]).count(),
  ]);
  return { journeys, folds, refused: refused + refusedFolds };
}
