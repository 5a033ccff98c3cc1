import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';
import { createDrainer, judgeAnswer, type Answer, type DrainerDeps, type Send, type WithLock } from './drain';
import { KioskDb } from './kiosk-db';
import { listOutbox, putPacket } from './outbox';
import { fakeApplicationId, fakePacket } from './packet-fixture';

const idOf = fakeApplicationId;

const received = (applicationId: string) => ({ applicationId, number: 'AB12-CD34-EF56', status: 'received' });

/**
 * What the back office does with the next packet sent to it:
 * - ok: stores it, answers 201 (200 if it had it);
 * - timeout: no answer, nothing stored (the send rejects);
 * - dropped: stores it, then the connection drops before the answer;
 * - malformed: stores it, answers 201 with a body off the contract;
 * - or a given answer, nothing stored.
 */
type Outcome = 'ok' | 'timeout' | 'dropped' | 'malformed' | Answer;

class FakeBackOffice {
  /** How many times each packet was stored as new. */
  readonly stored = new Map<string, number>();
  /** Application ids in the order they were sent. */
  readonly sent: string[] = [];
  /** Sends of a packet that was no longer in the outbox: deleted before its answer. */
  readonly sentWhileMissing: string[] = [];
  readonly #plan: Outcome[] = [];

  constructor(private readonly outbox: () => KioskDb) {}

  plan(...outcomes: Outcome[]): void {
    this.#plan.push(...outcomes);
  }

  readonly send: Send = async (packet) => {
    const id = packet.applicationId;
    this.sent.push(id);
    if (!(await this.outbox().outbox.get(id))) this.sentWhileMissing.push(id);
    const outcome = this.#plan.shift() ?? 'ok';
    if (outcome === 'timeout') throw new DOMException('signal timed out', 'TimeoutError');
    if (typeof outcome === 'object') return outcome;
    const isNew = !this.stored.has(id);
    if (isNew) this.stored.set(id, 1);
    if (outcome === 'dropped') throw new TypeError('Failed to fetch');
    if (outcome === 'malformed') return { status: 201, body: { ok: true } };
    return { status: isNew ? 201 : 200, body: received(id) };
  };
}

let idb: IDBFactory;
let db: KioskDb;
let backOffice: FakeBackOffice;
let clock: number;
const opened: KioskDb[] = [];

function openDb(): KioskDb {
  const kioskDb = new KioskDb({ indexedDB: idb, IDBKeyRange });
  opened.push(kioskDb);
  return kioskDb;
}

function drainer(overrides: Partial<DrainerDeps> = {}) {
  return createDrainer({ db, send: backOffice.send, now: () => clock, random: () => 0.5, ...overrides });
}

async function put(...seqs: number[]): Promise<void> {
  for (const seq of seqs) await putPacket(db, fakePacket(seq), clock);
}

beforeEach(() => {
  idb = new IDBFactory();
  db = openDb();
  backOffice = new FakeBackOffice(() => db);
  clock = 1_000_000;
});
afterEach(() => opened.splice(0).forEach((kioskDb) => kioskDb.close()));

describe('judgeAnswer', () => {
  const packet = fakePacket(1);
  it.each([
    [{ status: 201, body: received(idOf(1)) }, { kind: 'received' }],
    [{ status: 200, body: received(idOf(1)) }, { kind: 'received' }],
    [{ status: 200, body: received(idOf(2)) }, { kind: 'retry', error: 'bad_response' }],
    [{ status: 201, body: { ok: true } }, { kind: 'retry', error: 'bad_response' }],
    [{ status: 201, body: undefined }, { kind: 'retry', error: 'bad_response' }],
    [{ status: 409, body: { code: 'replay' } }, { kind: 'quarantine', code: 'replay', status: 409 }],
    [{ status: 400, body: { code: 'bad_signature' } }, { kind: 'quarantine', code: 'bad_signature', status: 400 }],
    [{ status: 403, body: { code: 'revoked_terminal', detail: 'since 1 May' } }, { kind: 'quarantine', code: 'revoked_terminal', status: 403 }],
    [{ status: 413, body: '<html>Request Entity Too Large</html>' }, { kind: 'retry', error: 'http_413' }],
    [{ status: 408, body: { code: 'timeout' } }, { kind: 'retry', error: 'http_408' }],
    [{ status: 429, body: { code: 'rate_limited' } }, { kind: 'retry', error: 'http_429' }],
    [{ status: 500, body: { code: 'internal' } }, { kind: 'retry', error: 'http_500' }],
    [{ status: 503, body: undefined }, { kind: 'retry', error: 'http_503' }],
    [{ status: 204, body: undefined }, { kind: 'retry', error: 'http_204' }],
  ])('%j → %j', (answer, verdict) => {
    expect(judgeAnswer(packet, answer)).toEqual(verdict);
  });
});

describe('drain', () => {
  it('sends due packets lowest seq first and deletes each only after its answer', async () => {
    await put(3, 1, 2);
    expect(await drainer().drain()).toEqual({ sent: 3, quarantined: 0, retrying: 0, offline: false });
    expect(backOffice.sent).toEqual([idOf(1), idOf(2), idOf(3)]);
    expect(backOffice.sentWhileMissing).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('deletes a packet the back office already had (200) like a new one (201)', async () => {
    backOffice.stored.set(idOf(1), 1);
    await put(1, 2);
    expect((await drainer().drain()).sent).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect(backOffice.stored.get(idOf(1))).toBe(1);
  });

  it('keeps a packet whose send timed out, backs it off, and stops: one probe finds the link down', async () => {
    await put(1, 2, 3);
    backOffice.plan('timeout');
    expect(await drainer().drain()).toEqual({ sent: 0, quarantined: 0, retrying: 1, offline: true });
    expect(backOffice.sent).toEqual([idOf(1)]);
    expect(await db.outbox.get(idOf(1))).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'network',
      nextAttemptAt: clock + 0.5 * BACKOFF_BASE_MS,
    });
    expect(await db.outbox.get(idOf(2))).toMatchObject({ attempts: 0, nextAttemptAt: clock });
  });

  it('retries on 500 and 503, going on with the other packets meanwhile', async () => {
    await put(1, 2, 3);
    backOffice.plan({ status: 500, body: { code: 'internal' } }, { status: 503, body: undefined });
    expect(await drainer().drain()).toEqual({ sent: 1, quarantined: 0, retrying: 2, offline: false });
    expect(await db.outbox.get(idOf(1))).toMatchObject({ state: 'pending', attempts: 1, lastError: 'http_500' });
    expect(await db.outbox.get(idOf(2))).toMatchObject({ state: 'pending', attempts: 1, lastError: 'http_503' });
    expect(await db.outbox.get(idOf(3))).toBeUndefined();
  });

  it('quarantines a packet refused with a 4xx code, keeps it, and never sends it again unasked', async () => {
    await put(1, 2, 3);
    backOffice.plan({ status: 409, body: { code: 'replay' } }, { status: 400, body: { code: 'bad_signature' } });
    expect(await drainer().drain()).toEqual({ sent: 1, quarantined: 2, retrying: 0, offline: false });
    expect(await db.outbox.get(idOf(1))).toMatchObject({
      state: 'quarantined',
      quarantine: { code: 'replay', status: 409, at: clock },
      packet: fakePacket(1),
    });
    expect(await db.outbox.get(idOf(2))).toMatchObject({ state: 'quarantined', quarantine: { code: 'bad_signature', status: 400 } });

    clock += BACKOFF_CAP_MS * 10;
    expect(await drainer().drain()).toEqual({ sent: 0, quarantined: 0, retrying: 0, offline: false });
    expect(backOffice.sent).toHaveLength(3);
    expect(await db.outbox.count()).toBe(2);
  });

  it('sends again a packet whose answer was lost, and it ends stored once and deleted once', async () => {
    await put(1);
    let deletes = 0;
    db.outbox.hook('deleting', () => {
      deletes++;
    });
    backOffice.plan('dropped');
    expect(await drainer().drain()).toMatchObject({ sent: 0, retrying: 1, offline: true });
    expect(await db.outbox.get(idOf(1))).toMatchObject({ attempts: 1 });

    clock += BACKOFF_BASE_MS;
    expect(await drainer().drain()).toMatchObject({ sent: 1, retrying: 0 });
    expect(backOffice.sent).toEqual([idOf(1), idOf(1)]);
    expect(backOffice.stored.get(idOf(1))).toBe(1);
    expect(deletes).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a packet answered 201 with a body off the contract, and deletes it when a proper answer comes', async () => {
    await put(1);
    backOffice.plan('malformed');
    expect(await drainer().drain()).toEqual({ sent: 0, quarantined: 0, retrying: 1, offline: false });
    expect(await db.outbox.get(idOf(1))).toMatchObject({ state: 'pending', lastError: 'bad_response' });

    clock += BACKOFF_BASE_MS;
    expect((await drainer().drain()).sent).toBe(1);
    expect(backOffice.stored.get(idOf(1))).toBe(1);
  });

  it('backs off a failing packet exponentially, jittered, up to the cap', async () => {
    await put(1);
    const draws = [0.9, 0.2, 0.7, 0.5, 0.99, 0.1, 0.6, 0.8, 0.95, 0.3, 0.999];
    let draw = 0;
    const random = () => draws[draw++] ?? 0;
    const failing = drainer({ send: () => Promise.resolve({ status: 503, body: undefined }), random });

    const delays: number[] = [];
    for (let failure = 0; failure < draws.length; failure++) {
      await failing.drain();
      const entry = await db.outbox.get(idOf(1));
      if (!entry) throw new Error('packet lost');
      expect(entry.attempts).toBe(failure + 1);
      delays.push(entry.nextAttemptAt - clock);

      // Not due yet: a drain before its time sends nothing.
      clock = entry.nextAttemptAt - 1;
      expect((await failing.drain()).retrying).toBe(0);
      clock = entry.nextAttemptAt;
    }
    const ceilings = draws.map((_, k) => Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** k));
    expect(delays).toEqual(draws.map((r, k) => Math.floor(r * (ceilings[k] ?? 0))));
    expect(ceilings.at(-1)).toBe(BACKOFF_CAP_MS);
    expect(Math.max(...delays)).toBeLessThan(BACKOFF_CAP_MS);
  });

  it('tries a packet at most once per drain, even when the jitter makes it due again at once', async () => {
    await put(1);
    const result = await drainer({ send: () => Promise.resolve({ status: 500, body: undefined }), random: () => 0 }).drain();
    expect(result.retrying).toBe(1);
    expect(await db.outbox.get(idOf(1))).toMatchObject({ attempts: 1, nextAttemptAt: clock });
  });
});

describe('one drain at a time', () => {
  /** A send that holds each answer until the test releases it. */
  function heldSend() {
    const held: (() => void)[] = [];
    let arrived: (() => void) | null = null;
    const send: Send = (packet) =>
      new Promise((resolve, reject) => {
        held.push(() => void backOffice.send(packet).then(resolve, reject));
        arrived?.();
      });
    const nextSend = () => (held.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => (arrived = resolve)));
    const release = () => held.shift()?.();
    return { send, held, nextSend, release };
  }

  it('shares the running drain with a call made meanwhile: nothing is sent twice', async () => {
    await put(1, 2);
    const { send, held, nextSend, release } = heldSend();
    const shared = drainer({ send });
    const first = shared.drain();
    await nextSend();
    expect(shared.drain()).toBe(first);
    release();
    await Promise.race([nextSend(), first]);
    expect(held).toHaveLength(1);
    release();
    expect(await first).toMatchObject({ sent: 2 });
    expect(backOffice.sent).toEqual([idOf(1), idOf(2)]);
  });

  it('sends, within the running drain, a packet put while it ran', async () => {
    await put(1);
    const { send, held, nextSend, release } = heldSend();
    const shared = drainer({ send });
    const running = shared.drain();
    await nextSend();
    await put(2);
    expect(shared.drain()).toBe(running);
    release();
    await Promise.race([nextSend(), running]);
    expect(held).toHaveLength(1);
    release();
    expect(await running).toMatchObject({ sent: 2 });
    expect(backOffice.sent).toEqual([idOf(1), idOf(2)]);
  });

  it('lets two tabs drain the same outbox under the lock without sending a packet twice', async () => {
    await put(1, 2, 3);
    let queue: Promise<unknown> = Promise.resolve();
    const mutex: WithLock = (_name, fn) => {
      const run = queue.then(fn);
      queue = run.catch(() => undefined);
      return run;
    };
    const otherTab = openDb();
    const [a, b] = await Promise.all([
      drainer({ lock: mutex }).drain(),
      createDrainer({ db: otherTab, send: backOffice.send, now: () => clock, random: () => 0.5, lock: mutex }).drain(),
    ]);
    expect(a.sent + b.sent).toBe(3);
    expect(backOffice.sent).toEqual([idOf(1), idOf(2), idOf(3)]);
  });
});

describe('after a restart', () => {
  it('finds the pending packets still there and sends them in seq order', async () => {
    await put(2, 1, 3);
    backOffice.plan('timeout');
    await drainer().drain();
    db.close();

    db = openDb();
    expect(await db.outbox.count()).toBe(3);
    expect(await db.outbox.get(idOf(1))).toMatchObject({ attempts: 1, lastError: 'network' });
    clock += BACKOFF_BASE_MS;
    expect((await drainer().drain()).sent).toBe(3);
    expect(backOffice.sent).toEqual([idOf(1), idOf(1), idOf(2), idOf(3)]);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('the last sync', () => {
  const lastSync = async () => (await listOutbox(db, clock)).lastSync;

  it('is none before a round has reached the back office', async () => {
    expect(await lastSync()).toBeNull();
    await drainer().drain();
    expect(await lastSync()).toBeNull();
  });

  it('is the time of the round and how many packets it delivered, new or already held', async () => {
    await put(1, 2);
    backOffice.stored.set(idOf(2), 1);
    expect((await drainer().drain()).sent).toBe(2);
    expect(await lastSync()).toEqual({ at: 1_000_000, delivered: 2 });
  });

  it('counts a round whose packets were all refused: the back office was reached', async () => {
    await put(1);
    backOffice.plan({ status: 403, body: { code: 'revoked_terminal' } });
    clock = 2_000_000;
    await drainer().drain();
    expect(await lastSync()).toEqual({ at: 2_000_000, delivered: 0 });
  });

  it('is left as it was by a round that reached nobody, or only a failing proxy', async () => {
    await put(1, 2);
    await drainer().drain();
    await put(3, 4);
    clock = 2_000_000;
    backOffice.plan('timeout');
    expect((await drainer().drain()).offline).toBe(true);
    expect(await lastSync()).toEqual({ at: 1_000_000, delivered: 2 });

    clock = 3_000_000;
    backOffice.plan({ status: 503, body: undefined }, { status: 502, body: undefined });
    expect((await drainer().drain()).retrying).toBe(2);
    expect(await lastSync()).toEqual({ at: 1_000_000, delivered: 2 });
  });

  it('is kept across a restart', async () => {
    await put(1);
    await drainer().drain();
    db.close();
    db = openDb();
    expect(await lastSync()).toEqual({ at: 1_000_000, delivered: 1 });
  });
});
