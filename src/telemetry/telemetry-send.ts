import { Dexie } from 'dexie';
import { MAX_BATCH_JOURNEYS, TELEMETRY_VERSION, type JourneyRecord, type TelemetryBatch, type TelemetryReceived } from '../protocol/telemetry';
import { BackOfficeError } from '../sync/backoffice';
import type { WithLock } from '../sync/drain';
import type { KioskDb } from '../sync/kiosk-db';
import { foldOverflow } from './telemetry-store';

/*
 * Sends the finished journey records and folds to the back office (POST /api/v1/terminals/telemetry,
 * signed by the terminal: src/sync/backoffice.ts backOffice.telemetry), after each drain of the
 * outbox. Exactly once: a record or fold leaves IndexedDB only when a 200 TelemetryReceived names it
 * (stored, already held, or held with another body: a conflict), so an answer lost is a batch sent
 * again, and the back office keeps each session id and fold id once.
 */

/** How many folds go in one batch (TelemetryBatch's bound). */
export const MAX_BATCH_FOLDS = 16;

/** Runs under this Web Lock, in every tab: no two batches of the same records at once, no fold of a batch on its way. */
export const TELEMETRY_LOCK = 'kiosk-telemetry-send';

/** The signed POST; rejects with BackOfficeError (network, server, bad_response or the back office's code). */
export type PostTelemetry = (batch: TelemetryBatch) => Promise<TelemetryReceived>;

export interface TelemetrySenderDeps {
  db: KioskDb;
  post: PostTelemetry;
  /** ms since the epoch. */
  now: () => number;
  newId?: () => string;
  lock?: WithLock;
  /** The store's bound (fold.ts); tests make it small. */
  cap?: number;
  foldChunk?: number;
  /** Session ids the back office holds with another body: dropped here, told to the technician log. */
  onConflicts?: (sessionIds: string[]) => void | Promise<void>;
}

export interface TelemetrySendResult {
  /** Records and folds the back office now holds, gone from the kiosk. */
  journeys: number;
  folds: number;
  conflicts: number;
  /** Refused for good (kept, marked refused). */
  refused: number;
  /** Why the round stopped before everything went: null when nothing is left to send. */
  stopped: string | null;
}

/**
 * Refusals that say nothing about the records: no answer, the back office or a proxy failing (5xx),
 * the terminal itself refused (401 not signed, stale, replayed…; 403 revoked or unknown —
 * src/protocol/terminal-request.ts; backoffice.ts already learnt the clock or marked the terminal
 * refused), no such route (404, 405: a back office older than this kiosk), a timeout, a rate limit,
 * or a 2xx off the contract. The records wait for the next round.
 * Any other 4xx (400 a body refused, 413 too large — with or without a JSON body) is about the batch.
 */
const WAIT_STATUSES: ReadonlySet<number> = new Set([401, 403, 404, 405, 408, 429]);
const transient = ({ status }: BackOfficeError) => status === null || status < 400 || status >= 500 || WAIT_STATUSES.has(status);
/**
 * A record the back office refuses for now, not for good: its time is ahead of the back office's
 * clock (a kiosk whose clock runs fast). It is found like any refused record, then left to wait
 * until its time has come, and the round stops.
 */
const NOT_YET: ReadonlySet<string> = new Set(['journey_in_future']);

type Item = { kind: 'journey'; id: string; record: JourneyRecord } | { kind: 'fold'; id: string; fold: TelemetryBatch['folds'][number] };

export interface TelemetrySender {
  /** One round: fold past the cap, then send batches until none is left or one gets no verdict. Never rejects on the network. */
  send(): Promise<TelemetrySendResult>;
  /** Only the fold past the cap, under the same lock: a kiosk without a link still keeps its store bounded. */
  fold(): Promise<number>;
}

export function createTelemetrySender(deps: TelemetrySenderDeps): TelemetrySender {
  const lock: WithLock = deps.lock ?? ((_name, fn) => fn());
  let running: Promise<TelemetrySendResult> | null = null;
  return {
    send() {
      running ??= lock(TELEMETRY_LOCK, () => sendRound(deps)).finally(() => {
        running = null;
      });
      return running;
    },
    fold() {
      return lock(TELEMETRY_LOCK, () => foldOverflow(deps.db, deps.now(), deps.newId, deps.cap, deps.foldChunk));
    },
  };
}

async function sendRound(deps: TelemetrySenderDeps): Promise<TelemetrySendResult> {
  const { db, post, now, newId = () => crypto.randomUUID(), onConflicts } = deps;
  const result: TelemetrySendResult = { journeys: 0, folds: 0, conflicts: 0, refused: 0, stopped: null };
  await foldOverflow(db, now(), newId, deps.cap, deps.foldChunk);
  // A batch the back office refuses as a whole is halved until the one item it will not take is found.
  const full = MAX_BATCH_JOURNEYS + MAX_BATCH_FOLDS;
  let size = full;
  for (;;) {
    const items = await nextItems(db, size);
    if (items.length === 0) return result;
    const batch: TelemetryBatch = {
      v: TELEMETRY_VERSION,
      journeys: items.flatMap((item) => (item.kind === 'journey' ? [item.record] : [])),
      folds: items.flatMap((item) => (item.kind === 'fold' ? [item.fold] : [])),
    };
    await markAttempted(db, batch.journeys.map((record) => record.sessionId));
    let answer: TelemetryReceived;
    try {
      answer = await post(batch);
    } catch (error) {
      const refusal = error instanceof BackOfficeError ? error : new BackOfficeError('network', null);
      if (transient(refusal)) {
        result.stopped = refusal.code;
        return result;
      }
      if (items.length > 1) {
        size = Math.ceil(items.length / 2);
        continue;
      }
      if (NOT_YET.has(refusal.code)) {
        result.stopped = refusal.code;
        return result;
      }
      const [item] = items;
      if (item) await markRefused(db, item, { code: refusal.code, status: refusal.status ?? 0, at: now() });
      result.refused++;
      size = full;
      continue;
    }
    const taken = await forget(db, batch, answer);
    result.journeys += taken.journeys;
    result.folds += taken.folds;
    result.conflicts += taken.conflicts.length;
    if (taken.conflicts.length > 0) await onConflicts?.(taken.conflicts);
    // An answer that names none of what was sent leaves it all here: the next round tries again.
    if (taken.journeys + taken.folds === 0) {
      result.stopped = 'not_acknowledged';
      return result;
    }
  }
}

/** The oldest folds then the oldest records, `size` at most, within the batch's bounds. */
async function nextItems(db: KioskDb, size: number): Promise<Item[]> {
  const folds = await db.telemetryFolds
    .where('[state+createdAt]')
    .between(['ready', Dexie.minKey], ['ready', Dexie.maxKey])
    .limit(Math.min(size, MAX_BATCH_FOLDS))
    .toArray();
  const rows = await db.telemetry
    .where('[state+order]')
    .between(['ready', Dexie.minKey], ['ready', Dexie.maxKey])
    .limit(Math.min(size - folds.length, MAX_BATCH_JOURNEYS))
    .toArray();
  return [
    ...folds.map((row): Item => ({ kind: 'fold', id: row.foldId, fold: row.fold })),
    ...rows.flatMap((row): Item[] => (row.state === 'ready' ? [{ kind: 'journey', id: row.sessionId, record: row.journey }] : [])),
  ];
}

async function markAttempted(db: KioskDb, sessionIds: string[]): Promise<void> {
  await db.transaction('rw', db.telemetry, async () => {
    const rows = await db.telemetry.bulkGet(sessionIds);
    await db.telemetry.bulkPut(rows.flatMap((row) => (row && row.state === 'ready' && !row.attempted ? [{ ...row, attempted: true }] : [])));
  });
}

async function markRefused(db: KioskDb, item: Item, refusal: { code: string; status: number; at: number }): Promise<void> {
  if (item.kind === 'fold') return void (await db.telemetryFolds.update(item.id, { state: 'refused', refusal }));
  await db.transaction('rw', db.telemetry, async () => {
    const row = await db.telemetry.get(item.id);
    if (row?.state === 'ready') await db.telemetry.put({ ...row, state: 'refused', refusal });
  });
}

/**
 * Drops what the answer names of this batch: stored or already held (`journeys`, `folds`) and held
 * with another body (`conflicts`). Ids the answer names that were not sent are not this batch's: ignored.
 */
async function forget(db: KioskDb, batch: TelemetryBatch, answer: TelemetryReceived): Promise<{ journeys: number; folds: number; conflicts: string[] }> {
  const sent = new Set(batch.journeys.map((record) => record.sessionId));
  const sentFolds = new Set(batch.folds.map((fold) => fold.foldId));
  const conflicts = [...new Set(answer.conflicts)].filter((id) => sent.has(id));
  const journeys = [...new Set([...answer.journeys, ...conflicts])].filter((id) => sent.has(id));
  const folds = [...new Set(answer.folds)].filter((id) => sentFolds.has(id));
  await db.transaction('rw', db.telemetry, db.telemetryFolds, async () => {
    await db.telemetry.bulkDelete(journeys);
    await db.telemetryFolds.bulkDelete(folds);
  });
  return { journeys: journeys.length, folds: folds.length, conflicts };
}
