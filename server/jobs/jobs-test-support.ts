// For the job tests: several back offices on one database, as processes restarted on it, or
// running side by side, would be.
import { buildApp, type AppOptions } from '../app';
import type { Database } from '../db/database';
import { kazakhstanDate } from '../../src/domain/dates';
import { buildSeedCitizens } from '../seed/citizens';
import type { BackOfficeKeys } from '../sync/back-office-keys';
import { SandboxSms } from '../adapters/sandbox-sms';
import { enrolTerminal, signedInject, syntheticFaces, TEST_ADMIN_TOKEN, TEST_START, TEST_TERMINAL_ID, type TestApp, type TestTerminal } from '../test-support';

/**
 * A back office on `db` (left open when it closes), ready: its start-up work is done. All of them
 * share the test clock's start and the back-office key, so a packet sealed for one is read by all.
 */
export async function appOn(db: Database, keys: BackOfficeKeys, options: Partial<Omit<AppOptions, 'db' | 'clock'>> = {}): Promise<TestApp> {
  let now = TEST_START;
  const app = await buildApp({ db, clock: () => now, sandbox: { faces: syntheticFaces }, adminToken: TEST_ADMIN_TOKEN, backOfficeKeys: keys, ...options });
  await app.ready();
  const citizens = buildSeedCitizens(kazakhstanDate(TEST_START));
  let terminal: Promise<TestTerminal> | null = null;
  return {
    app,
    db,
    sms: new SandboxSms(db, () => now),
    citizens,
    asTerminal: async (request) => {
      terminal ??= enrolTerminal(app, TEST_TERMINAL_ID);
      return signedInject(app, await terminal, request, now);
    },
    citizen: (tag) => {
      const found = citizens.find((c) => c.tag === tag);
      if (!found) throw new Error(`no seeded citizen ${tag}`);
      return found;
    },
    now: () => now,
    advance: (seconds) => {
      now = new Date(now.getTime() + seconds * 1000);
    },
    close: () => app.close(),
  };
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
