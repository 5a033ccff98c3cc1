// PostgreSQL for bench/sync.ts: TEST_DATABASE_URL when set, else a throwaway cluster started by
// scripts/system/postgres.sh as `npm test` starts one; null (the bench then runs on PGlite alone)
// when neither is to be had. Each run works in a schema of its own, dropped at the end (openInOwnSchema).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../e2e/support/paths';
import type { Database } from '../server/db/database';
import { openInOwnSchema } from '../server/db/test-database';

export interface BenchPostgres {
  /** Where it came from, for the tables. */
  source: string;
  /** The same, said in full for the report. */
  detail: string;
  open(): Promise<Database>;
  stop(): void;
}

const SCRIPT = join(REPO_ROOT, 'scripts', 'system', 'postgres.sh');

export function benchPostgres(): { postgres: BenchPostgres | null; why: string } {
  if (process.env.BENCH_SYNC_POSTGRES === '0') return { postgres: null, why: 'BENCH_SYNC_POSTGRES=0' };
  const fromEnv = process.env.TEST_DATABASE_URL || undefined;
  if (fromEnv) return { postgres: inSchema(fromEnv, 'TEST_DATABASE_URL', 'the server at TEST_DATABASE_URL', () => {}), why: '' };
  // In /tmp, as scripts/test.sh does: as root the server runs as `postgres`, which must reach it.
  const dir = mkdtempSync('/tmp/kiosk-bench-pg.');
  const stop = () => {
    try {
      execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' });
    } catch {
      console.error(`bench: could not remove the PostgreSQL cluster in ${dir}`);
    }
  };
  try {
    const url = execFileSync('bash', [SCRIPT, 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    const detail = 'a throwaway local cluster started by scripts/system/postgres.sh (fsync and synchronous_commit off, as for `npm test`)';
    return { postgres: inSchema(url, 'throwaway cluster', detail, stop), why: '' };
  } catch (error) {
    stop();
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim().split('\n').at(-1) : String(error);
    return { postgres: null, why: `no PostgreSQL: TEST_DATABASE_URL is not set and a throwaway cluster did not start (${detail})` };
  }
}

function inSchema(baseUrl: string, source: string, detail: string, stopCluster: () => void): BenchPostgres {
  return { source, detail, open: () => openInOwnSchema(baseUrl, 'bench_sync'), stop: stopCluster };
}
