// For tests: an in-memory PGlite, or — when TEST_DATABASE_URL is set — PostgreSQL, each database
// in a schema of its own so that tests never see each other's rows and leave nothing behind.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from './database';
import { openDatabase } from './open-database';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export async function openTestDatabase(): Promise<Database> {
  return TEST_DATABASE_URL ? openInOwnSchema(TEST_DATABASE_URL, 'test') : openDatabase();
}

/** A database in a new schema of the PostgreSQL server at `baseUrl`, dropped with everything in it on close. */
export async function openInOwnSchema(baseUrl: string, prefix: string): Promise<Database> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(baseUrl, `CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDatabase({ url: url.toString() });
  return {
    ...db,
    close: async () => {
      await db.close();
      // With the job queue's schema beside it (server/jobs/job-queue.ts).
      await runAsAdmin(baseUrl, `DROP SCHEMA IF EXISTS ${schema}, ${schema}_pgboss CASCADE`);
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
