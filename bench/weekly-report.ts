// npm run bench:report — the weekly pilot report (server/reports/weekly-report.ts) for the whole
// country over a year of synthetic telemetry (npm run seed:pilot's generator), from 60 terminals and
// then 500, on PostgreSQL: DATABASE_URL (in a schema of its own, dropped at the end) or a throwaway
// cluster (scripts/system/postgres.sh). BENCH_REPORT_TERMINALS=200 for a quicker run,
// BENCH_REPORT_RUNS=9 for more samples. Last line: report_ms=<median for the largest fleet> sessions=<journeys>.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../e2e/support/paths';
import type { Database } from '../server/db/database';
import { openInOwnSchema } from '../server/db/test-database';
import { computeWeeklyReport } from '../server/reports/weekly-report';
import { GENERATED_TERMINALS } from '../server/seed/pilot/clone-pilot';
import { PILOT_SEED, seedPilot, type PilotOptions } from '../server/seed/pilot/write-pilot';
import { describeMachine, loadAverage } from './machine';

const LARGE = Number(process.env.BENCH_REPORT_TERMINALS ?? 500);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 7);
/** A Sunday: the year ends with a whole week, 2026-W48 (23–29 November), the week the report is timed on. */
const UNTIL = '2026-11-29';
const WEEK = '2026-W48';
/** The Monday after, as the job that makes the report would run. */
const NOW = new Date('2026-11-30T01:00:00Z');

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p95 = (xs: readonly number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)] ?? Number.NaN;

async function database(): Promise<{ db: Database; where: string; stop(): void }> {
  const url = process.env.DATABASE_URL || undefined;
  if (url) return { db: await openInOwnSchema(url, 'bench_report'), where: 'the server at DATABASE_URL (own schema)', stop: () => {} };
  const dir = mkdtempSync('/tmp/kiosk-bench-report-pg.');
  const script = join(REPO_ROOT, 'scripts', 'system', 'postgres.sh');
  const stop = () => execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' });
  try {
    const started = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    return { db: await openInOwnSchema(started, 'bench_report'), where: 'a throwaway cluster (scripts/system/postgres.sh: fsync off)', stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** The secondary indexes of the bulk-loaded tables: dropped while the copies go in, made again after, as their migrations define them. */
async function secondaryIndexes(db: Database): Promise<{ indexname: string; indexdef: string }[]> {
  const { rows } = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = to_regnamespace(current_schema())
       JOIN pg_index x ON x.indexrelid = c.oid
     WHERE i.schemaname = current_schema() AND i.tablename IN ('journey_telemetry', 'applications') AND NOT x.indisunique`,
  );
  return rows;
}

async function seed(db: Database, terminals: number): Promise<number> {
  const start = performance.now();
  const options: PilotOptions = { seed: PILOT_SEED, terminals, days: 365, until: UNTIL };
  const indexes = terminals > GENERATED_TERMINALS ? await secondaryIndexes(db) : [];
  for (const index of indexes) await db.query(`DROP INDEX ${index.indexname}`);
  const summary = await seedPilot(db, options, (done, of) => {
    if (done % 20 === 0 || done === of) process.stderr.write(`  seeded ${done}/${of} terminals (load ${loadAverage()})\n`);
  });
  for (const index of indexes) await db.query(index.indexdef);
  for (const table of ['journey_telemetry', 'applications', 'terminal_out_of_order']) await db.query(`VACUUM ANALYZE ${table}`);
  const seconds = (performance.now() - start) / 1000;
  console.log(`seeded ${summary.terminalsAdded} terminals (${terminals} in all): +${summary.journeys} journeys, +${summary.applications} applications, +${summary.outOfOrder} out-of-order stretches in ${seconds.toFixed(0)} s`);
  return seconds;
}

async function timeReport(db: Database, label: string, scope: string): Promise<{ median: number; p95: number; started: number }> {
  const samples: number[] = [];
  let started = 0;
  for (let run = 0; run <= RUNS; run++) {
    const start = performance.now();
    const report = await computeWeeklyReport(db, WEEK, scope, NOW);
    // Run 0 warms the cache and is not counted.
    if (run > 0) samples.push(performance.now() - start);
    started = report.journeys.started;
  }
  console.log(`| ${label} | ${scope} | ${started} | ${median(samples).toFixed(0)} | ${p95(samples).toFixed(0)} |`);
  return { median: median(samples), p95: p95(samples), started };
}

async function journeysHeld(db: Database): Promise<number> {
  return Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM journey_telemetry')).rows[0]!.n);
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const { db, where, stop } = await database();
  try {
    const version = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v;
    console.log(`# bench:report — ${machine.date}`);
    console.log(`PostgreSQL ${version} on ${where}; ${machine.cpu}, nproc ${machine.nproc}, Node ${machine.node}; load ${loadAverage()}`);
    console.log(`report of ${WEEK} computed at ${NOW.toISOString()}, ${RUNS} runs after one not counted; a year of telemetry to ${UNTIL}`);
    let last = { median: Number.NaN, p95: Number.NaN, started: 0 };
    for (const fleet of [...new Set([Math.min(GENERATED_TERMINALS, LARGE), LARGE])]) {
      await seed(db, fleet);
      const sessions = await journeysHeld(db);
      console.log(`\n${fleet} terminals, ${sessions} journeys in the database; load ${loadAverage()}`);
      console.log('| fleet | scope | journeys in the week | median ms | p95 ms |');
      console.log('| --- | --- | ---: | ---: | ---: |');
      last = await timeReport(db, `${fleet} terminals`, 'country');
      // A region and one terminal of it, for scale: the first pilot terminal's.
      const { rows } = await db.query<{ terminal_id: string; region: string }>(
        'SELECT t.terminal_id, c.region FROM terminals t JOIN centres c ON c.id = t.centre_id ORDER BY t.terminal_id LIMIT 1',
      );
      await timeReport(db, `${fleet} terminals`, `region:${rows[0]!.region}`);
      await timeReport(db, `${fleet} terminals`, `terminal:${rows[0]!.terminal_id}`);
    }
    console.log(`\nload after: ${loadAverage()}`);
    console.log(`report_ms=${Math.round(last.median)} sessions=${await journeysHeld(db)}`);
  } finally {
    await db.close();
    stop();
  }
}

await main();
