// For tests: an in-memory PGlite, or — when TEST_DATABASE_URL is set — PostgreSQL, each database
// in a schema of its own so that tests never see each other's rows and leave nothing behind.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from './database';
import { migrate } from './migrate';
import { openDatabase } from './open-database';
import { openPgDatabase } from './pg-database';
import { openPgliteDatabase } from './pglite-database';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export async function openTestDatabase(): Promise<Database> {
  return TEST_DATABASE_URL ? openInOwnSchema(TEST_DATABASE_URL, 'test') : openDatabase();
}

/** A new schema of the PostgreSQL server at `baseUrl`: a URL whose connections use it, and its removal. */
export async function makeOwnSchema(baseUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(baseUrl, `CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // With the job queue's schema beside it (server/jobs/job-queue.ts).
  return { url: url.toString(), drop: () => runAsAdmin(baseUrl, `DROP SCHEMA IF EXISTS ${schema}, ${schema}_pgboss CASCADE`) };
}

/** A database in a new schema of the PostgreSQL server at `baseUrl`, dropped with everything in it on close. */
export async function openInOwnSchema(baseUrl: string, prefix: string): Promise<Database> {
  const schema = await makeOwnSchema(baseUrl, prefix);
  const db = await openDatabase({ url: schema.url });
  return {
    ...db,
    close: async () => {
      await db.close();
      await schema.drop();
    },
  };
}

async function runAsAdmin(baseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database migrated up to, not including, `migration`: for a test of what that migration does to
 * rows written before it. On TEST_DATABASE_URL (a schema of its own, dropped by close) or on PGlite.
 */
export async function openMigratedBefore(migration: string, prefix: string): Promise<{ db: Database; close(): Promise<void> }> {
  let db: Database;
  let close: () => Promise<void>;
  if (TEST_DATABASE_URL) {
    const schema = await makeOwnSchema(TEST_DATABASE_URL, prefix);
    const pgDb = await openPgDatabase(schema.url);
    db = pgDb;
    close = async () => {
      await pgDb.close();
      await schema.drop();
    };
  } else {
    db = await openPgliteDatabase();
    close = () => db.close();
  }
  await migrate(db, { before: migration });
  return { db, close };
}
