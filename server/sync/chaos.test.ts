import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/seeded-random';
import type { ApplicationPayload, SealedPacket } from '../../src/protocol/packets';
import { BACKOFF_CAP_MS } from '../../src/sync/backoff';
import { createDrainer, type Answer, type Drainer, type Send } from '../../src/sync/drain';
import { KioskDb } from '../../src/sync/kiosk-db';
import { listOutbox, reserveSeq } from '../../src/sync/outbox';
import { sealApplication } from '../../src/sync/terminal';
import { createTestApp, enrolKiosk, offlineApplication, type TestApp } from '../test-support';

// A chaos run of the sync, both halves together: three kiosks seal 210 applications into their
// outboxes and drain them, at the same time, through a link that loses requests, loses answers
// after the back office stored the packet, delays, and delivers a request twice (at once, or late);
// the kiosks restart now and then (during a drain too) and sometimes crash between reserving a seq
// and sealing with it. Whatever happens, every sealed application must end up on the back office
// exactly once and nothing else may.

const SEED = 20_260_404;
const TERMINALS = ['T-CH1', 'T-CH2', 'T-CH3'] as const;
const PER_KIOSK = 70;
const CITIZENS = ['service-07', 'service-16', 'service-17', 'service-18'] as const;
/** Drains after sealing ends; at the rates below a round sends about three packets per kiosk before a loss stops it. */
const MAX_FINAL_ROUNDS = 500;

const P_LOSE_REQUEST = 0.12;
const P_DELAY = 0.25;
const P_DUPLICATE_AT_ONCE = 0.1;
const P_DUPLICATE_LATE = 0.08;
const P_LOSE_ANSWER = 0.12;
const P_RESTART = 0.1;
const P_SKIP_SEQ = 0.08;

interface Kiosk {
  terminalId: string;
  /** Its IndexedDB, which outlives each KioskDb opened over it, as a browser profile outlives a tab. */
  idb: IDBFactory;
  db: KioskDb;
  drainer: Drainer;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('the sync through a link that loses, delays and duplicates, with kiosks restarting', () => {
  let t: TestApp;
  const random = seededRandom(SEED);
  /** The kiosks' clock: moved by hand so that backoffs pass without waiting for them. */
  let kioskNow = 0;
  const kiosks: Kiosk[] = [];

  const faults = { lostRequests: 0, delayed: 0, duplicatedAtOnce: 0, duplicatedLate: 0, lostAnswers: 0, restarts: 0, restartsDuringDrain: 0, skippedSeqs: 0 };
  /** Every status the back office answered, including answers the link then lost and those to duplicates. */
  const statuses = new Map<number, number>();
  /** Late duplicates still on their way. */
  const late = new Set<Promise<void>>();

  async function post(packet: SealedPacket): Promise<Answer> {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/packets', payload: packet });
    statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
    return { status: response.statusCode, body: response.json() as unknown };
  }

  const send: Send = async (packet) => {
    if (random() < P_LOSE_REQUEST) {
      faults.lostRequests++;
      throw new Error('the request was lost on the way');
    }
    if (random() < P_DELAY) {
      faults.delayed++;
      await sleep(Math.floor(random() * 10));
    }
    let answer: Answer;
    const duplicate = random();
    if (duplicate < P_DUPLICATE_AT_ONCE) {
      faults.duplicatedAtOnce++;
      const both = await Promise.all([post(packet), post(packet)]);
      answer = both[random() < 0.5 ? 0 : 1];
    } else if (duplicate < P_DUPLICATE_AT_ONCE + P_DUPLICATE_LATE) {
      faults.duplicatedLate++;
      const copy = sleep(Math.floor(random() * 20))
        .then(() => post(packet))
        .then(() => undefined);
      late.add(copy);
      void copy.finally(() => late.delete(copy));
      answer = await post(packet);
    } else {
      answer = await post(packet);
    }
    if (random() < P_LOSE_ANSWER) {
      faults.lostAnswers++;
      throw new Error('the connection dropped after the request was sent');
    }
    return answer;
  };

  function open(kiosk: Pick<Kiosk, 'terminalId' | 'idb'>): Kiosk {
    const db = new KioskDb({ indexedDB: kiosk.idb, IDBKeyRange });
    return { ...kiosk, db, drainer: createDrainer({ db, send, now: () => kioskNow, random }) };
  }

  beforeAll(async () => {
    t = await createTestApp({ deferredChecks: async () => {} });
    kioskNow = t.now().getTime();
    for (const terminalId of TERMINALS) {
      const kiosk = open({ terminalId, idb: new IDBFactory() });
      await enrolKiosk(t.app, kiosk.db, terminalId);
      kiosks.push(kiosk);
    }
  }, 60_000);
  afterAll(async () => {
    for (const kiosk of kiosks) kiosk.db.close();
    await t.close();
  }, 60_000);

  const application = (terminalId: string, tag: string): ApplicationPayload =>
    offlineApplication(t, t.citizen(tag), { terminalId, centreId: 'AST-03' });

  /** A drain cut short by a restart fails on its closed database; anything else is a real failure. */
  async function drainSurvivingRestart(kiosk: Kiosk): Promise<void> {
    try {
      await kiosk.drainer.drain();
    } catch (error) {
      if (!(error instanceof Dexie.DatabaseClosedError)) throw error;
    }
  }

  /** Closes the kiosk's database (during a drain, at times) and opens a new one over the same IndexedDB. */
  async function restart(index: number): Promise<void> {
    const kiosk = kiosks[index]!;
    faults.restarts++;
    // Every other restart comes in the middle of a drain: a send or a delete under way is cut off.
    if (faults.restarts % 2 === 0) {
      faults.restartsDuringDrain++;
      const draining = drainSurvivingRestart(kiosk);
      await sleep(Math.floor(random() * 5));
      kiosk.db.close();
      await draining;
    } else {
      kiosk.db.close();
    }
    kiosks[index] = open(kiosk);
  }

  /** One kiosk's day: seals its applications a few at a time while its drain runs, restarting now and then. */
  async function runKiosk(index: number, sealed: string[]): Promise<void> {
    let made = 0;
    while (made < PER_KIOSK) {
      const roll = random();
      if (roll < P_RESTART) {
        await restart(index);
        continue;
      }
      const kiosk = kiosks[index]!;
      if (roll < P_RESTART + P_SKIP_SEQ) {
        // The kiosk died after reserving a seq and before the packet was put: that seq never comes.
        faults.skippedSeqs++;
        await reserveSeq(kiosk.db);
        continue;
      }
      const draining = drainSurvivingRestart(kiosk);
      const batch = 1 + Math.floor(random() * 4);
      for (let i = 0; i < batch && made < PER_KIOSK; i++, made++) {
        const payload = application(kiosk.terminalId, CITIZENS[(index + made) % CITIZENS.length]!);
        // Only once this resolves is the application the kiosk's to keep (the receipt prints).
        await sealApplication(kiosk.db, payload, () => new Date(kioskNow));
        sealed.push(payload.application.id);
      }
      await draining;
      kioskNow += Math.floor(random() * 60_000);
    }
  }

  async function outboxLeft(): Promise<number> {
    const counts = await Promise.all(kiosks.map((k) => k.db.outbox.count()));
    return counts.reduce((a, b) => a + b, 0);
  }

  it('every sealed application arrives exactly once, and nothing else does', async () => {
    const sealed: string[] = [];
    await Promise.all(kiosks.map((_, index) => runKiosk(index, sealed)));

    let rounds = 0;
    while ((await outboxLeft()) > 0 && rounds < MAX_FINAL_ROUNDS) {
      rounds++;
      // Past the longest backoff: every packet left is due again.
      kioskNow += BACKOFF_CAP_MS + 1;
      await Promise.all(kiosks.map((k) => drainSurvivingRestart(k)));
    }
    while (late.size > 0) await Promise.all([...late]);

    expect(sealed).toHaveLength(TERMINALS.length * PER_KIOSK);
    expect(new Set(sealed).size).toBe(sealed.length);
    // The link did all it was meant to do to them.
    for (const [fault, n] of Object.entries(faults)) expect(n, fault).toBeGreaterThan(0);

    for (const kiosk of kiosks) {
      const outbox = await listOutbox(kiosk.db, kioskNow);
      expect({ terminal: kiosk.terminalId, pending: outbox.pending, quarantined: outbox.quarantined }).toEqual({
        terminal: kiosk.terminalId,
        pending: 0,
        quarantined: 0,
      });
      expect(await kiosk.db.outbox.count()).toBe(0);
    }

    const { rows } = await t.db.query<{ application_id: string; n: number }>(
      'SELECT application_id::text AS application_id, count(*)::int AS n FROM packets GROUP BY application_id',
    );
    const stored = new Map(rows.map((r) => [r.application_id, r.n]));
    // Every sealed id is there exactly once…
    expect(sealed.filter((id) => stored.get(id) !== 1)).toEqual([]);
    // …and there is nothing else.
    expect([...stored.keys()].filter((id) => !sealed.includes(id))).toEqual([]);
    expect(stored.size).toBe(sealed.length);

    const { rows: apps } = await t.db.query<{ applications: number; with_packet: number }>(
      `SELECT count(*)::int AS applications, count(p.application_id)::int AS with_packet
       FROM applications a LEFT JOIN packets p ON p.application_id = a.id`,
    );
    expect(apps[0]).toEqual({ applications: sealed.length, with_packet: sealed.length });

    // The back office only ever said "new" (once per application) or "already had it": no replay, no error.
    expect([...statuses.keys()].sort()).toEqual([200, 201]);
    expect(statuses.get(201)).toBe(sealed.length);
  }, 120_000);
});
