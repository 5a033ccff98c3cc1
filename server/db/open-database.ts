import { join } from 'node:path';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPgDatabase } from './pg-database';
import { openPgliteDatabase } from './pglite-database';

/**
 * PostgreSQL when `url` is given, PGlite in `dataDir/pglite` when a folder is given, otherwise an
 * in-memory PGlite (tests). Migrations are applied before the database is handed out.
 */
export async function openDatabase(options: { url?: string; dataDir?: string } = {}): Promise<Database> {
  const db = options.url
    ? await openPgDatabase(options.url)
    : await openPgliteDatabase(options.dataDir ? join(options.dataDir, 'pglite') : undefined);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
