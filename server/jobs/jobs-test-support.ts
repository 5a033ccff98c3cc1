// For the job tests: several back offices on one database, as processes restarted on it, or
// running side by side, would be.
import type { Database } from '../db/database';
import type { BackOfficeKeys } from '../sync/back-office-keys';
import { createTestApp, type TestApp, type TestAppOptions } from '../test-support';

/**
 * A back office on `db` (left open when it closes), ready: its start-up work is done. All of them
 * share the test clock's start and the back-office key, so a packet sealed for one is read by all.
 */
export async function appOn(db: Database, keys: BackOfficeKeys, options: TestAppOptions = {}): Promise<TestApp> {
  const t = await createTestApp({ ...options, db, backOfficeKeys: keys });
  await t.app.ready();
  return t;
}

/** Waits for `done` to hold, looking every 100 ms; throws after `seconds` with what it last saw. */
export async function eventually<T>(look: () => Promise<T>, done: (value: T) => boolean, seconds = 30): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await look();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`still not done after ${seconds} s: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
