// `npm run bench:sync`: how fast a kiosk's outbox drains into the back office, and how many packets
// the back office takes in from terminals sending at the same time, on PGlite and PostgreSQL; then
// whether the whole run lost or duplicated anything. The kiosk's own sealing, outbox, drain and
// httpSend against the real back office over HTTP. Prints the tables, and last:
// lost=<n> duplicated=<n> drain_per_s=<n>; writes its section of docs/benchmarks.md.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { FastifyInstance } from 'fastify';
import { REPO_ROOT } from '../e2e/support/paths';
import { buildApp } from '../server/app';
import type { Database } from '../server/db/database';
import { openDatabase } from '../server/db/open-database';
import { newBackOfficeKeys, type BackOfficeKeys } from '../server/sync/back-office-keys';
import { applicationNumber } from '../src/domain/application';
import { API_PREFIX } from '../src/protocol/common';
import type { ApplicationPayload, Enrolled, PublicKeyJwk, SealedPacket, TerminalCreated } from '../src/protocol/packets';
import { createDrainer, type Send } from '../src/sync/drain';
import { KioskDb, type OutboxEntry } from '../src/sync/kiosk-db';
import { listOutbox } from '../src/sync/outbox';
import { makeApplicationPayload } from '../src/sync/packet-fixture';
import { exportPublicJwk, importBackOfficePublicKey, makeTerminalKeys, sealPacket } from '../src/sync/seal';
import { httpSend } from '../src/sync/sync-engine';
import { enrolTerminal, sealApplication } from '../src/sync/terminal';
import { writeSection } from './doc-section';
import { describeMachine, loadAverage } from './machine';
import { benchPostgres } from './sync-postgres';
import { drainTable, intakeTable, jobCost, jobTable, lossTable, perSecond, syncSection, type DrainFigures, type IntakeFigures, type JobFigures, type LossFigures } from './sync-report';

const DRAIN_PACKETS = Number(process.env.BENCH_SYNC_PACKETS ?? 1000);
const TERMINALS = Number(process.env.BENCH_SYNC_TERMINALS ?? 8);
const PER_TERMINAL = Number(process.env.BENCH_SYNC_PER_TERMINAL ?? 100);
const ADMIN_TOKEN = 'bench-sync-admin-token';
const CENTRE = 'AST-03';
const DRAIN_TERMINAL = 'KSK-BENCH-DRAIN';
/** Drains of an outbox in a run without faults: one is enough; more only if a send failed. */
const MAX_DRAINS = 10;

interface BackOffice {
  name: string;
  /** The same back office with the settle job's INSERT skipped: what the intake cost before the job queue. */
  control: boolean;
  db: Database;
  app: FastifyInstance;
  base: string;
}

/** A terminal of the intake run: its packets sealed beforehand, to every back office's shared key. */
interface IntakeTerminal {
  terminalId: string;
  publicKey: PublicKeyJwk;
  packets: SealedPacket[];
}

async function startBackOffice(name: string, db: Database, keys: BackOfficeKeys, control = false): Promise<BackOffice> {
  // Unseeded sandbox, checks off (their jobs are queued and run, doing nothing): the intake is measured (see the doc section).
  const app = await buildApp({
    db,
    sandbox: { seed: false },
    backOfficeKeys: keys,
    adminToken: ADMIN_TOKEN,
    deferredChecks: async () => {},
    jobs: { workers: !control },
  });
  if (control) app.jobs.send = async () => null;
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { name: control ? `${name}, no job queued (control)` : name, control, db, app, base: `http://127.0.0.1:${port}` };
}

/** fetch against this back office: httpSend asks for `/api/v1/packets`, as the kiosk's page does. */
const fetchTo =
  (base: string): typeof fetch =>
  (input, init) =>
    fetch(typeof input === 'string' ? `${base}${input}` : input, init);

async function post<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${base}${API_PREFIX}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`bench: POST ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function createTerminal(bo: BackOffice, terminalId: string): Promise<string> {
  return (await post<TerminalCreated>(bo.base, '/admin/terminals', { terminalId, centreId: CENTRE }, ADMIN_TOKEN)).code;
}

/** The same terminal (id and key) on another back office, so one sealing serves them all. */
async function enrolKey(bo: BackOffice, terminalId: string, publicKey: PublicKeyJwk): Promise<void> {
  await post<Enrolled>(bo.base, '/terminals/enrol', { code: await createTerminal(bo, terminalId), publicKey });
}

function payload(terminalId: string): ApplicationPayload {
  const id = randomUUID();
  return makeApplicationPayload({ id, number: applicationNumber(id), terminalId, centreId: CENTRE, createdAt: new Date().toISOString() });
}

async function drain(bo: BackOffice, entries: readonly OutboxEntry[]): Promise<DrainFigures> {
  const db = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  await db.outbox.bulkAdd([...entries]);
  const http = httpSend(fetchTo(bo.base));
  const sendMs: number[] = [];
  const send: Send = async (packet) => {
    const startedAt = performance.now();
    try {
      return await http(packet);
    } finally {
      sendMs.push(performance.now() - startedAt);
    }
  };
  const drainer = createDrainer({ db, send, now: () => Date.now(), random: Math.random });
  const startedAt = performance.now();
  for (let i = 0; i < MAX_DRAINS && (await db.outbox.count()) > 0; i++) await drainer.drain();
  const ms = performance.now() - startedAt;
  const left = await listOutbox(db, Date.now());
  db.close();
  return { backOffice: bo.name, packets: entries.length, ms, sendMs, leftPending: left.pending, leftQuarantined: left.quarantined };
}

async function intake(bo: BackOffice, terminals: readonly IntakeTerminal[]): Promise<IntakeFigures> {
  const http = httpSend(fetchTo(bo.base));
  const latencyMs: number[] = [];
  const answers = new Map<number, number>();
  const startedAt = performance.now();
  await Promise.all(
    terminals.map(async (terminal) => {
      for (const packet of terminal.packets) {
        const sentAt = performance.now();
        const status = await http(packet).then(
          (answer) => answer.status,
          () => 0,
        );
        latencyMs.push(performance.now() - sentAt);
        answers.set(status, (answers.get(status) ?? 0) + 1);
      }
    }),
  );
  return { backOffice: bo.name, terminals: terminals.length, perTerminal: PER_TERMINAL, ms: performance.now() - startedAt, latencyMs, answers };
}

/** Settle jobs of this back office not yet run, and all of them. */
async function settleJobs(bo: BackOffice): Promise<{ waiting: number; all: number }> {
  const { rows } = await bo.db.query<{ waiting: number; all: number }>(
    `SELECT count(*) FILTER (WHERE state < 'completed')::int AS waiting, count(*)::int AS all FROM ${bo.app.jobs.schema}.job WHERE name = 'settle'`,
  );
  return rows[0] ?? { waiting: 0, all: 0 };
}

/** Waits, looking every 10 ms, until the workers have run every settle job. */
async function untilJobsRun(bo: BackOffice): Promise<number> {
  const startedAt = performance.now();
  while ((await settleJobs(bo)).waiting > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  return performance.now() - startedAt;
}

async function lossCheck(bo: BackOffice, sealed: readonly string[], answeredAgain: number): Promise<LossFigures> {
  const { rows } = await bo.db.query<{ id: string }>('SELECT application_id::text AS id FROM packets');
  const { rows: apps } = await bo.db.query<{ n: number }>('SELECT count(*)::int AS n FROM applications');
  const stored = new Set(rows.map((r) => r.id));
  const found = new Set(sealed.filter((id) => stored.has(id))).size;
  return {
    backOffice: bo.name,
    sealed: sealed.length,
    stored: found,
    lost: new Set(sealed).size - found,
    duplicated: rows.length - found + ((apps[0]?.n ?? 0) - found),
    answeredAgain,
  };
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const loadBefore = loadAverage();
  const keys = await newBackOfficeKeys();
  const { postgres, why } = benchPostgres();
  if (!postgres) console.log(`bench: PGlite only; ${why}`);
  const backOffices: BackOffice[] = [];
  try {
    // Each with its control before it: the intakes run in this order, one after the other.
    backOffices.push(await startBackOffice('PGlite (in memory)', await openDatabase(), keys, true));
    backOffices.push(await startBackOffice('PGlite (in memory)', await openDatabase(), keys));
    if (postgres) {
      backOffices.push(await startBackOffice(`PostgreSQL (${postgres.source})`, await postgres.open(), keys, true));
      backOffices.push(await startBackOffice(`PostgreSQL (${postgres.source})`, await postgres.open(), keys));
    }
    const measured = backOffices.filter((bo) => !bo.control);
    const [first, ...others] = measured as [BackOffice, ...BackOffice[]];

    // The drain's kiosk, enrolled by its own code on the first back office, its key then on the others.
    console.log(`bench: sealing ${DRAIN_PACKETS} packets into a kiosk's outbox…`);
    const kiosk = new KioskDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const code = await createTerminal(first, DRAIN_TERMINAL);
    const terminal = await enrolTerminal(kiosk, code, (body) => post<Enrolled>(first.base, '/terminals/enrol', body));
    for (const bo of others) await enrolKey(bo, DRAIN_TERMINAL, terminal.publicKeyJwk);
    const sealStartedAt = performance.now();
    for (let i = 0; i < DRAIN_PACKETS; i++) await sealApplication(kiosk, payload(DRAIN_TERMINAL), () => new Date());
    const sealMsPerPacket = (performance.now() - sealStartedAt) / DRAIN_PACKETS;
    const entries = await kiosk.outbox.toArray();
    kiosk.close();

    console.log(`bench: sealing ${TERMINALS} × ${PER_TERMINAL} packets for the intake…`);
    const backOfficeKey = await importBackOfficePublicKey(keys.publicJwk);
    const terminals: IntakeTerminal[] = [];
    for (let t = 1; t <= TERMINALS; t++) {
      const terminalId = `KSK-BENCH-${String(t).padStart(2, '0')}`;
      const pair = await makeTerminalKeys();
      const packets: SealedPacket[] = [];
      for (let seq = 1; seq <= PER_TERMINAL; seq++) {
        packets.push(await sealPacket(payload(terminalId), { terminalId, seq, sealedAt: new Date().toISOString(), backOfficeKey, signingKey: pair.privateKey }));
      }
      const publicKey = await exportPublicJwk(pair.publicKey);
      for (const bo of backOffices) await enrolKey(bo, terminalId, publicKey);
      terminals.push({ terminalId, publicKey, packets });
    }

    const drains: DrainFigures[] = [];
    for (const bo of measured) {
      console.log(`bench: draining ${DRAIN_PACKETS} packets into ${bo.name}…`);
      drains.push(await drain(bo, entries));
    }
    const intakes: IntakeFigures[] = [];
    const jobs: JobFigures[] = [];
    for (const bo of backOffices) {
      if (!bo.control) await untilJobsRun(bo); // the drain's
      const before = (await settleJobs(bo)).all;
      console.log(`bench: ${TERMINALS} terminals × ${PER_TERMINAL} packets into ${bo.name}…`);
      intakes.push(await intake(bo, terminals));
      if (bo.control) continue;
      const atLastAnswer = await settleJobs(bo);
      jobs.push({ backOffice: bo.name, queued: atLastAnswer.all - before, waitingAtLastAnswer: atLastAnswer.waiting, msAfterLastAnswer: await untilJobsRun(bo) });
    }

    const intakeIds = terminals.flatMap((t) => t.packets.map((p) => p.applicationId));
    const sealedIds = [...entries.map((e) => e.applicationId), ...intakeIds];
    const losses: LossFigures[] = [];
    for (const [i, bo] of backOffices.entries()) losses.push(await lossCheck(bo, bo.control ? intakeIds : sealedIds, intakes[i]?.answers.get(200) ?? 0));

    const lost = losses.reduce((n, l) => n + l.lost, 0);
    const duplicated = losses.reduce((n, l) => n + l.duplicated, 0);
    const pglite = drains[0]!;
    const summary = `lost=${lost} duplicated=${duplicated} drain_per_s=${Math.round(perSecond(pglite.packets, pglite.ms))}`;

    writeSection(
      join(REPO_ROOT, 'docs', 'benchmarks.md'),
      'sync',
      syncSection({
        machine,
        loadBefore,
        loadAfter: loadAverage(),
        sealMsPerPacket,
        sealed: DRAIN_PACKETS + TERMINALS * PER_TERMINAL,
        drains,
        intakes,
        jobs,
        losses,
        postgres: postgres ? postgres.detail : `not measured (${why})`,
        packetBytes: entries.reduce((n, e) => n + JSON.stringify(e.packet).length, 0) / Math.max(1, entries.length),
        summary,
      }),
    );
    console.log(`\nsealing into the outbox: ${sealMsPerPacket.toFixed(2)} ms per packet`);
    console.log(`\ndrain: one kiosk's outbox of ${DRAIN_PACKETS} packets\n${drainTable(drains)}`);
    console.log(`\nintake: ${TERMINALS} terminals at once\n${intakeTable(intakes)}`);
    console.log(jobCost(intakes));
    console.log(`\nsettle jobs queued with the intake's packets\n${jobTable(jobs)}`);
    console.log(`\nloss check of the whole run\n${lossTable(losses)}`);
    console.log('\nwrote docs/benchmarks.md');
    console.log(summary);
  } finally {
    for (const bo of backOffices) {
      await bo.app.close();
      await bo.db.close();
    }
    postgres?.stop();
  }
}

await main();
