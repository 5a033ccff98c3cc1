// npm run bench:console — the staff console's reads over a million applications on PostgreSQL:
// list pages under several scopes and filters (each followed five pages deep by its cursor, and
// one started deep in the past), one application's detail, the review queue and the lookup by IIN. PostgreSQL at DATABASE_URL (in a
// schema of its own, dropped at the end) or a throwaway cluster (scripts/system/postgres.sh).
// BENCH_CONSOLE_ROWS=100000 for a quicker run; BENCH_CONSOLE_EXPLAIN=1 adds each case's plan (the
// scans of EXPLAIN ANALYZE, as docs/console.md quotes them). Last line: list_p95_ms=<n> detail_p95_ms=<n>.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../e2e/support/paths';
import { ConsoleApplicationsRepository } from '../server/console/console-applications';
import { encodeCursor } from '../server/console/list-cursor';
import { listApplicationsSql, type CentreScope } from '../server/console/list-query';
import { parseListQuery } from '../server/console/list-query-params';
import type { Database } from '../server/db/database';
import { openInOwnSchema } from '../server/db/test-database';
import { CENTRES, seedApplications } from './console-seed';
import { describeMachine, loadAverage } from './machine';

const ROWS = Number(process.env.BENCH_CONSOLE_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_CONSOLE_ROUNDS ?? 5);
const PAGES = 5;
const DETAILS = 200;
const EXPLAIN = process.env.BENCH_CONSOLE_EXPLAIN === '1';

const BRANCH = CENTRES.slice(0, 5);
const CASES: { label: string; scope: CentreScope; query: Record<string, string> }[] = [
  { label: 'admin, every centre', scope: 'all', query: {} },
  { label: 'operator, own centre', scope: ['CTR-07'], query: {} },
  { label: 'supervisor, branch of 5 centres', scope: BRANCH, query: {} },
  { label: 'operator, pending checks', scope: ['CTR-07'], query: { pending: 'true' } },
  { label: 'supervisor, pending checks', scope: BRANCH, query: { pending: 'true' } },
  { label: 'operator, one terminal', scope: ['CTR-07'], query: { terminal: 'CTR-07-T3' } },
  { label: 'operator, one month (KZ)', scope: ['CTR-07'], query: { from: '2025-06-01', to: '2025-06-30' } },
  { label: 'operator, service 14 + passport', scope: ['CTR-07'], query: { service: '14', document: 'passport' } },
  { label: 'operator, offline', scope: ['CTR-07'], query: { channel: 'offline' } },
  { label: 'operator, online + rejected', scope: ['CTR-07'], query: { channel: 'online', status: 'rejected' } },
  { label: 'supervisor, rejected on one day', scope: BRANCH, query: { status: 'rejected', from: '2025-03-03', to: '2025-03-03' } },
  { label: 'admin, test terminals only', scope: 'all', query: { test: 'only' } },
  // Where OFFSET would have read most of the table first.
  { label: 'operator, 90% down the list', scope: ['CTR-07'], query: { cursor: encodeCursor({ createdAt: '2025-01-15T00:00:00.000000Z', id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' }) } },
];

function p95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN;
}
const median = (samples: readonly number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
const ms = (n: number) => n.toFixed(1);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/** The plan's scans and the rows they removed: how each page was found. */
async function plan(db: Database, scope: CentreScope, query: Record<string, string>): Promise<string> {
  const parsed = parseListQuery(query);
  const sql = parsed.ok ? listApplicationsSql(scope, parsed.filters) : null;
  if (!sql) return '  (no query)';
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.text}`, sql.params);
  return rows
    .map((r) => r['QUERY PLAN'])
    .filter((line) => /Scan|Removed by Filter|Index Cond|Execution Time/.test(line))
    .map((line) => `  ${line}`)
    .join('\n');
}

async function database(): Promise<{ db: Database; where: string; stop(): void }> {
  const url = process.env.DATABASE_URL || undefined;
  if (url) return { db: await openInOwnSchema(url, 'bench_console'), where: 'the server at DATABASE_URL (own schema)', stop: () => {} };
  const dir = mkdtempSync('/tmp/kiosk-bench-console-pg.');
  const script = join(REPO_ROOT, 'scripts', 'system', 'postgres.sh');
  const stop = () => execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' });
  try {
    const started = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    return { db: await openInOwnSchema(started, 'bench_console'), where: 'a throwaway cluster (scripts/system/postgres.sh: fsync off)', stop };
  } catch (error) {
    stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const { db, where, stop } = await database();
  try {
    const version = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v;
    console.log(`# bench:console — ${machine.date}`);
    console.log(`PostgreSQL ${version} on ${where}; ${machine.cpu}, nproc ${machine.nproc}, Node ${machine.node}; load ${loadAverage()}`);
    const [, seedMs] = await timed(async () => {
      await seedApplications(db, ROWS);
      // Autovacuum would in time; the index-only scans need the visibility map now.
      for (const table of ['applications', 'packets', 'application_checks']) await db.query(`VACUUM ANALYZE ${table}`);
    });
    console.log(`seeded ${ROWS} applications in ${(seedMs / 1000).toFixed(0)} s`);

    const repo = new ConsoleApplicationsRepository(db);
    const listSamples: number[] = [];
    const plans: string[] = [];
    console.log(`\n| list case (${ROUNDS} rounds × first page + ${PAGES - 1} more by cursor, 50 rows) | median ms | p95 ms | rows on page 1 |`);
    console.log('| --- | ---: | ---: | ---: |');
    for (const c of CASES) {
      const samples: number[] = [];
      let firstRows = 0;
      for (let round = 0; round <= ROUNDS; round++) {
        let query = c.query;
        for (let page = 0; page < PAGES; page++) {
          const parsed = parseListQuery(query);
          if (!parsed.ok) throw new Error(`${c.label}: ${JSON.stringify(parsed.errors)}`);
          const [result, took] = await timed(() => repo.list(c.scope, parsed.filters));
          // Round 0 warms the cache and is not counted: every round after it reads the same pages.
          if (round > 0) samples.push(took);
          if (page === 0) firstRows = result.rows.length;
          if (!result.nextCursor) break;
          query = { ...c.query, cursor: result.nextCursor };
        }
      }
      listSamples.push(...samples);
      console.log(`| ${c.label} | ${ms(median(samples))} | ${ms(p95(samples))} | ${firstRows} |`);
      if (EXPLAIN) plans.push(`${c.label}:\n${await plan(db, c.scope, c.query)}`);
    }

    if (plans.length > 0) console.log(`\n${plans.join('\n')}`);

    // Numbers spread over the whole table, each read by an operator of its own centre.
    const { rows: picks } = await db.query<{ number: string; centre_id: string }>(
      `SELECT number, centre_id FROM applications WHERE id IN (SELECT md5('app' || (1 + (g * 7919) % $1))::uuid FROM generate_series(1, $2) g)`,
      [ROWS, DETAILS],
    );
    const detailSamples: number[] = [];
    for (const [i, pick] of picks.entries()) {
      const [detail, took] = await timed(() => repo.detailByNumber([pick.centre_id], pick.number));
      if (!detail) throw new Error(`no detail for ${pick.number}`);
      if (i >= 10) detailSamples.push(took);
    }
    console.log(`\ndetail by number (${detailSamples.length} applications, after 10 not counted): median ${ms(median(detailSamples))} ms, p95 ${ms(p95(detailSamples))} ms`);

    // The review queue (oldest first, one page of 100) and the lookup by IIN, as their routes read them.
    const extra: { label: string; read: (i: number) => Promise<unknown> }[] = [
      { label: 'review queue, operator', read: () => repo.reviewQueue(['CTR-07'], 100) },
      { label: 'review queue, supervisor of 5 centres', read: () => repo.reviewQueue(BRANCH, 100) },
      { label: 'lookup by IIN, operator', read: (i) => repo.byIin(['CTR-07'], String(1 + ((i * 7919) % ROWS)).padStart(12, '0'), 50) },
      { label: 'lookup by IIN, admin', read: (i) => repo.byIin('all', String(1 + ((i * 7919) % ROWS)).padStart(12, '0'), 50) },
    ];
    console.log('\n| other read (50 after 5 not counted) | median ms | p95 ms |');
    console.log('| --- | ---: | ---: |');
    for (const e of extra) {
      const samples: number[] = [];
      for (let i = 0; i < 55; i++) {
        const [, took] = await timed(() => e.read(i));
        if (i >= 5) samples.push(took);
      }
      console.log(`| ${e.label} | ${ms(median(samples))} | ${ms(p95(samples))} |`);
    }
    console.log(`list_p95_ms=${Math.round(p95(listSamples))} detail_p95_ms=${Math.round(p95(detailSamples))}`);
  } finally {
    await db.close();
    stop();
  }
}

await main();
