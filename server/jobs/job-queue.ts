import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database, Queryable } from '../db/database';
import { bossDatabase } from './boss-database';
import { QUEUE_NAMES, QUEUES, type JobData, type QueueName } from './queues';

export type JobHandlers = { [Q in QueueName]: (data: JobData[Q]) => Promise<void> };

export interface JobQueueOptions {
  log: FastifyBaseLogger;
  /** How often an idle worker looks for jobs another process sent; a job sent here wakes it at once. */
  pollingIntervalMs?: number;
  /** Jobs of one queue run at the same time in this process. */
  concurrency?: number;
}

export interface SendOptions {
  /** The caller's transaction: the job exists if and only if it commits. */
  tx?: Queryable;
  startAfterSeconds?: number;
  /** In a 'short' queue, at most one job per key waits at a time; a second send is dropped (null). */
  singletonKey?: string;
}

interface FetchedJob {
  id: string;
  data: unknown;
  expireInSeconds: number | string;
}

const DEFAULT_POLLING_MS = 2000;
const DEFAULT_CONCURRENCY = 4;
const WAKE_DELAY_MS = 100;

/**
 * The back office's jobs (queues.ts) on pg-boss, in the back office's own database: PostgreSQL,
 * or the embedded PGlite (one connection; pg-boss's SKIP LOCKED fetch, retries and maintenance
 * run there unchanged). pg-boss keeps the jobs, hands each to one process, retries a failure with
 * backoff and fails a run that outlives its expiry. Running them is ours (`startWorkers`, `drain`):
 * pg-boss 10's work() waits a polling interval after every batch, even with jobs waiting; ours
 * empties the queue before it sleeps, so jobs waiting at a restart run at once, and tests run the
 * very same loop to completion with `drain()`.
 */
export class JobQueue {
  private handlers: JobHandlers | null = null;
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Map<QueueName, (ms: number) => void>();
  private stopping = false;

  private constructor(
    private readonly boss: PgBoss,
    /** pg-boss's schema: its tables are read directly only to list waiting or abandoned jobs. */
    readonly schema: string,
    private readonly log: FastifyBaseLogger,
    private readonly pollingIntervalMs: number,
    private readonly concurrency: number,
  ) {}

  /**
   * Creates pg-boss's schema and the queues when missing (under pg-boss's advisory lock, so
   * processes starting together do it once). On PGlite — one process by construction — a job
   * left active was cut short by a crash or a kill: it is failed now, so its retry runs within
   * seconds instead of after its expiry.
   */
  static async start(db: Database, options: JobQueueOptions): Promise<JobQueue> {
    const schema = await jobsSchema(db);
    const boss = new PgBoss({
      db: bossDatabase(db),
      schema,
      // No cron yet; maintenance (expiring stuck runs, archiving finished jobs) every 30 s, by one process at a time.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: 30,
    });
    boss.on('error', (error: unknown) => options.log.error({ err: error }, 'job queue maintenance failed'));
    await boss.start();
    for (const name of QUEUE_NAMES) {
      await boss.createQueue(name, { name, ...QUEUES[name] });
      // A queue created by an older release takes this release's retry and expiry settings.
      await boss.updateQueue(name, { name, ...QUEUES[name] });
    }
    const queue = new JobQueue(boss, schema, options.log, options.pollingIntervalMs ?? DEFAULT_POLLING_MS, options.concurrency ?? DEFAULT_CONCURRENCY);
    if (db.kind === 'pglite') await queue.retryAbandoned(db);
    return queue;
  }

  handle(handlers: JobHandlers): void {
    this.handlers = handlers;
  }

  /** The job's id, or null when a job of the same singleton key is already waiting. */
  async send<Q extends QueueName>(queue: Q, data: JobData[Q], options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(queue, data as object, {
      ...(options.tx ? { db: bossDatabase(options.tx) } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
  }

  /** Several jobs in one statement, each dropped when its singleton key already has one waiting. */
  async sendMany<Q extends QueueName>(queue: Q, jobs: { data: JobData[Q]; singletonKey?: string }[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.boss.insert(jobs.map((j) => ({ name: queue, data: j.data as object, ...(j.singletonKey ? { singletonKey: j.singletonKey } : {}) })));
  }

  /**
   * A job was just sent from this process: its worker need not wait for the next poll. It runs a
   * moment later (WAKE_DELAY_MS), so the jobs of a burst of packets are fetched and recorded
   * together rather than one by one.
   */
  wake(queue: QueueName): void {
    this.wakers.get(queue)?.(WAKE_DELAY_MS);
  }

  /** One loop a queue: runs what is due until nothing is, then sleeps until woken or the next poll. */
  startWorkers(): void {
    if (this.loops.length > 0) return;
    for (const queue of QUEUE_NAMES) this.loops.push(this.loop(queue));
  }

  /**
   * Runs jobs until none is due, in this process; the number run. With `delayed`, every job
   * waiting when it is called runs first, however late it was planned (a retry's backoff, the next
   * look at an awaited fee): how a test moves past a delay without waiting for it. Jobs those runs
   * plan for later are left for later.
   */
  async drain(options: { delayed?: boolean } = {}): Promise<number> {
    let ran = 0;
    // Later queues first: each run may send to an earlier one (sms ← recheck ← settle), and what it sends is not yet waiting here.
    if (options.delayed) for (const queue of [...QUEUE_NAMES].reverse()) ran += await this.runDue(queue, { ignoreStartAfter: true, batchSize: 1000 });
    for (;;) {
      let round = 0;
      for (const queue of QUEUE_NAMES) round += await this.runDue(queue);
      if (round === 0) return ran;
      ran += round;
    }
  }

  /** The data of the jobs of a queue not yet run (waiting, or waiting for a retry), oldest first. */
  async waiting<Q extends QueueName>(queue: Q, db: Queryable): Promise<{ data: JobData[Q]; startAfter: Date; retryCount: number }[]> {
    const { rows } = await db.query<{ data: JobData[Q]; start_after: Date; retry_count: number }>(
      `SELECT data, start_after, retry_count FROM ${this.schema}.job WHERE name = $1 AND state < 'active' ORDER BY created_on, id`,
      [queue],
    );
    return rows.map((r) => ({ data: r.data, startAfter: new Date(r.start_after), retryCount: r.retry_count }));
  }

  /** pg-boss's maintenance now (it runs every 30 s anyway): fails the runs past their expiry, so they are retried; archives finished jobs. */
  async maintain(): Promise<void> {
    await this.boss.maintain();
  }

  /** Stops taking jobs and waits for the ones running here; pg-boss's maintenance stops too. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wakers.values()) wake(0);
    await Promise.all(this.loops);
    await this.boss.stop({ graceful: false, close: false });
  }

  private async loop(queue: QueueName): Promise<void> {
    while (!this.stopping) {
      let ran = 0;
      try {
        ran = await this.runDue(queue);
      } catch (error) {
        this.log.error({ err: error, queue }, 'fetching jobs failed');
      }
      // A batch short of full left the queue empty: wait for more rather than fetch them one by one.
      if (ran < this.concurrency * 2 && !this.stopping) await this.sleep(queue);
    }
  }

  /** Until the next poll, or `ms` after a wake. */
  private sleep(queue: QueueName): Promise<void> {
    return new Promise((resolve) => {
      let timer = setTimeout(done, this.pollingIntervalMs);
      let woken = false;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakers.set(queue, (ms) => {
        if (ms > 0 && woken) return;
        woken = true;
        clearTimeout(timer);
        timer = setTimeout(done, ms);
      });
    });
  }

  private async runDue(queue: QueueName, options: { ignoreStartAfter?: boolean; batchSize?: number } = {}): Promise<number> {
    const jobs = (await this.boss.fetch(queue, {
      batchSize: options.batchSize ?? this.concurrency * 2,
      ignoreStartAfter: options.ignoreStartAfter ?? false,
    })) as FetchedJob[] | null;
    if (!jobs || jobs.length === 0) return 0;
    // At most `concurrency` at a time; a failure is recorded at once, the successes together
    // (one statement: on PGlite every statement counts). A success not yet recorded when the
    // process dies is run again: every handler may run twice.
    const next = [...jobs];
    const done: string[] = [];
    const runner = async () => {
      for (let job = next.shift(); job; job = next.shift()) if (await this.run(queue, job)) done.push(job.id);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, jobs.length) }, runner));
    if (done.length > 0) {
      try {
        await this.boss.complete(queue, done);
      } catch (error) {
        // Left active: pg-boss's maintenance fails them at their expiry, and they run again (to no effect).
        this.log.error({ err: error, queue, jobs: done.length }, 'could not record jobs as done');
      }
    }
    return jobs.length;
  }

  /** Runs one job; true when it succeeded, else its failure is recorded (pg-boss retries it with backoff). */
  private async run(queue: QueueName, job: FetchedJob): Promise<boolean> {
    const handler = this.handlers?.[queue] as ((data: unknown) => Promise<void>) | undefined;
    try {
      if (!handler) throw new Error(`no handler for the ${queue} queue`);
      await withinSeconds(handler(job.data), Number(job.expireInSeconds));
      return true;
    } catch (error) {
      this.log.warn({ err: error, queue, jobId: job.id }, 'job failed; pg-boss retries it with backoff');
      try {
        await this.boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
      } catch (failError) {
        // Left active: pg-boss's maintenance fails it at its expiry, and it is retried then.
        this.log.error({ err: failError, queue, jobId: job.id }, 'could not record the failure of a job');
      }
      return false;
    }
  }

  private async retryAbandoned(db: Queryable): Promise<void> {
    for (const queue of QUEUE_NAMES) {
      const { rows } = await db.query<{ id: string }>(`SELECT id FROM ${this.schema}.job WHERE name = $1 AND state = 'active'`, [queue]);
      if (rows.length === 0) continue;
      for (const { id } of rows) await this.boss.fail(queue, id, { message: 'the back office stopped while it ran' });
      this.log.warn({ queue, jobs: rows.length }, 'jobs cut short by the last stop will be retried');
    }
  }
}

/**
 * pg-boss's schema: `pgboss` beside the back office's tables in `public`; when the back office
 * lives in a schema of its own (tests, several deployments on one server), one of its own beside
 * it, so two back offices never run each other's jobs.
 */
async function jobsSchema(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
  const own = rows[0]?.schema ?? 'public';
  return own === 'public' ? 'pgboss' : `${own}_pgboss`;
}

/** A run past its expiry is failed here too, so a hung call to a state system does not hold a worker for ever. */
async function withinSeconds<T>(promise: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the job ran past its expiry of ${seconds} s`)), Math.max(1, seconds) * 1000);
  });
  try {
    return await Promise.race([promise, expiry]);
  } finally {
    clearTimeout(timer);
  }
}
