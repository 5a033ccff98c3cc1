import { Value } from '@sinclair/typebox/value';
import { Dexie } from 'dexie';
import { ApiError } from '../protocol/common';
import { PacketReceived, type SealedPacket } from '../protocol/packets';
import { nextDelayMs } from './backoff';
import type { KioskDb, OutboxEntry } from './kiosk-db';
import { recordLastSync } from './last-sync';

/**
 * Drains the outbox to the back office. A packet leaves the outbox only when the back office has
 * answered that it holds it (201 new, 200 already had it): a packet whose answer was lost is sent
 * again, and the back office's idempotency on the application id makes that harmless.
 */

/** The back office's answer to one POST of a packet. */
export interface Answer {
  status: number;
  body: unknown;
}

/** Posts a packet; rejects when no answer came (network down, connection dropped, timeout). */
export type Send = (packet: SealedPacket) => Promise<Answer>;

/** Runs `fn` holding the named lock, e.g. `(name, fn) => navigator.locks.request(name, fn)`. */
export type WithLock = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

/** The Web Lock every tab and the service worker take to drain, so no two drain at once. */
export const DRAIN_LOCK = 'kiosk-outbox-drain';

export type Verdict =
  | { kind: 'received' }
  /** The back office will never take this packet: kept for the technician, never sent again unasked. */
  | { kind: 'quarantine'; code: string; status: number }
  | { kind: 'retry'; error: string };

/** `retry` error of a send that got no answer at all. */
export const NETWORK_ERROR = 'network';

/**
 * What an answer means for the packet it answers. Only an answer that keeps to the contract
 * decides the packet's fate; anything else (a 5xx, a proxy's page, a 2xx that is not about this
 * packet) is retried, so a misconfigured link between the two never costs a packet.
 */
export function judgeAnswer(packet: SealedPacket, answer: Answer): Verdict {
  const { status, body } = answer;
  if (status === 200 || status === 201) {
    const received = Value.Check(PacketReceived, body) && body.applicationId === packet.applicationId;
    return received ? { kind: 'received' } : { kind: 'retry', error: 'bad_response' };
  }
  // Timeouts and rate limits say something about the moment, not about the packet.
  const transient = status === 408 || status === 429;
  if (status >= 400 && status < 500 && !transient && Value.Check(ApiError, body)) {
    return { kind: 'quarantine', code: body.code, status };
  }
  return { kind: 'retry', error: `http_${status}` };
}

export interface DrainResult {
  /** Packets the back office now holds, gone from the outbox. */
  sent: number;
  quarantined: number;
  /** Packets that got no verdict this time and wait their backoff. */
  retrying: number;
  /** The drain stopped at a send that got no answer: the link is down. */
  offline: boolean;
}

export interface DrainerDeps {
  db: KioskDb;
  send: Send;
  /** ms since the epoch. */
  now: () => number;
  /** In [0, 1): the jitter of the backoff. */
  random: () => number;
  /** Keeps other tabs and the service worker from draining at the same time; none by default. */
  lock?: WithLock;
}

export interface Drainer {
  drain(): Promise<DrainResult>;
}

export function createDrainer(deps: DrainerDeps): Drainer {
  const lock: WithLock = deps.lock ?? ((_name, fn) => fn());
  // A call made while a drain runs shares it. The running drain looks for due packets again after
  // each batch, so a packet put meanwhile leaves with it; one put in the drain's very last instant
  // waits for the next trigger (the timer at worst), safe in the outbox.
  let running: Promise<DrainResult> | null = null;
  return {
    drain() {
      running ??= lock(DRAIN_LOCK, () => drainDue(deps)).finally(() => {
        running = null;
      });
      return running;
    },
  };
}

/**
 * One drain round; when the back office answered any of its sends (accepted or refused), the round
 * is kept as the last sync (src/sync/last-sync.ts). A round that reached nobody leaves it as it was.
 */
async function drainDue(deps: DrainerDeps): Promise<DrainResult> {
  const round: Round = { result: { sent: 0, quarantined: 0, retrying: 0, offline: false }, answeredAt: null };
  await sendDue(deps, round);
  if (round.answeredAt !== null) await recordLastSync(deps.db, { at: round.answeredAt, delivered: round.result.sent });
  return round.result;
}

interface Round {
  result: DrainResult;
  /** When the back office itself last answered in this round; null while it has not. */
  answeredAt: number | null;
}

/**
 * An answer from the back office itself. A 5xx may be a proxy's, or a back office that cannot
 * work: as src/sync/backoffice.ts counts reachability, not reached.
 */
const fromBackOffice = (answer: Answer) => answer.status < 500;

/**
 * Sends every due pending packet, lowest seq first, until none is left or the link is down. Each
 * packet is tried at most once per drain: a retry the jitter made due at once waits for the next.
 */
async function sendDue(deps: DrainerDeps, round: Round): Promise<void> {
  const { db, send, now, random } = deps;
  const { result } = round;
  const tried = new Set<string>();
  for (;;) {
    const due = (await dueIds(db, now())).filter((id) => !tried.has(id));
    if (due.length === 0) return;
    for (const id of due) {
      tried.add(id);
      const entry = await db.outbox.get(id);
      // Gone or quarantined since the list was read (the technician, or a drain elsewhere).
      if (!entry || entry.state !== 'pending') continue;
      let verdict: Verdict;
      try {
        const answer = await send(entry.packet);
        if (fromBackOffice(answer)) round.answeredAt = now();
        verdict = judgeAnswer(entry.packet, answer);
      } catch {
        verdict = { kind: 'retry', error: NETWORK_ERROR };
      }
      await record(db, entry, verdict, now(), random);
      if (verdict.kind === 'received') result.sent++;
      else if (verdict.kind === 'quarantine') result.quarantined++;
      else result.retrying++;
      if (verdict.kind === 'retry' && verdict.error === NETWORK_ERROR) {
        // One probe per drain is enough to learn the link is down; the rest stay due for the next.
        result.offline = true;
        return;
      }
    }
  }
}

/** The ids of pending packets due by `now`, in seq order, read from the index alone. */
async function dueIds(db: KioskDb, now: number): Promise<string[]> {
  const due: { id: string; seq: number }[] = [];
  await db.outbox
    .where('[state+nextAttemptAt+seq]')
    .between(['pending', Dexie.minKey, Dexie.minKey], ['pending', now, Dexie.maxKey], true, true)
    .eachKey((key, cursor) => {
      const seq = Array.isArray(key) ? key[2] : undefined;
      if (typeof seq === 'number') due.push({ id: cursor.primaryKey, seq });
    });
  return due.sort((a, b) => a.seq - b.seq).map((d) => d.id);
}

function record(db: KioskDb, entry: OutboxEntry, verdict: Verdict, now: number, random: () => number): Promise<unknown> {
  const id = entry.applicationId;
  const attempts = entry.attempts + 1;
  switch (verdict.kind) {
    case 'received':
      return db.outbox.delete(id);
    case 'quarantine': {
      const { code, status } = verdict;
      return db.outbox.update(id, { state: 'quarantined', attempts, lastError: code, quarantine: { code, status, at: now } });
    }
    case 'retry':
      return db.outbox.update(id, { attempts, lastError: verdict.error, nextAttemptAt: now + nextDelayMs(entry.attempts, random) });
  }
}
