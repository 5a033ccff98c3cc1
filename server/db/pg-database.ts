import pg from 'pg';
import type { Database, Queryable } from './database';

/** PostgreSQL through a connection pool; every process of the back office can share one server. */
export async function openPgDatabase(connectionString: string): Promise<Database> {
  // No JIT: the back office's statements are short, and the weekly report's, past PostgreSQL's cost
  // thresholds at 500 terminals, spent more compiling than running (1.1 s without, 2.6–6.3 s with:
  // docs/benchmarks.md, bench:report).
  // (Set on each new connection rather than in `options`, which a DATABASE_URL's own options replace.)
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on('connect', (client) => {
    // A client runs its queries in order: this one before any the back office sends on it.
    client.query('SET jit = off').catch(() => {}); // a PostgreSQL before 11 has no JIT to turn off
  });
  // Fail at start, not on the first citizen, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const over = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
    exec: async (sql) => {
      await client.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...over(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(over(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
