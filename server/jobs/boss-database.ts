import type PgBoss from 'pg-boss';
import type { Queryable } from '../db/database';

/**
 * pg-boss over our own connection (PGlite's one, or the pg pool), or over a transaction's, so a job
 * is sent in the caller's transaction: `send(name, data, { db: bossDatabase(tx) })`.
 *
 * pg-boss sends parameterised statements, single statements without parameters (its version and
 * queue lookups), and scripts wrapped in BEGIN … COMMIT under an advisory lock (its schema,
 * migrations and maintenance, plans.locked in pg-boss 10). PGlite's `query` takes one statement,
 * so those scripts go through `exec`; pg-boss reads no rows from them.
 */
export function bossDatabase(db: Queryable): PgBoss.Db {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      if ((values === undefined || values.length === 0) && LOCKED_SCRIPT.test(text)) {
        await db.exec(text);
        return { rows: [] };
      }
      return db.query(text, values);
    },
  };
}

const LOCKED_SCRIPT = /^\s*BEGIN;/;
