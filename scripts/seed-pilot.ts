// npm run seed:pilot [-- --terminals 60 --days 365 --until 2026-12-05 --seed N]
// Fills the back office's database with a synthetic pilot (server/seed/pilot/): PostgreSQL at
// DATABASE_URL, otherwise the PGlite folder `npm start` uses (DATA_DIR, ./data by default; stop the
// back office first: PGlite has one process at a time). Terminals already seeded are kept.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, kazakhstanDate } from '../src/domain/dates';
import { openDatabase } from '../server/db/open-database';
import { checkPilotOptions, PILOT_SEED, PilotSeedError, seedPilot } from '../server/seed/pilot/write-pilot';

function fail(message: string): never {
  console.error(`seed:pilot: ${message}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: { terminals: { type: 'string', default: '60' }, days: { type: 'string', default: '365' }, until: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message}; options: --terminals N, --days N, --until YYYY-MM-DD, --seed N`);
  }
})();
const until = values.until ?? addDays(kazakhstanDate(new Date()), -1);
for (const name of ['terminals', 'days', 'seed'] as const) {
  const value = values[name];
  if (value !== undefined && !/^\d+$/.test(value)) fail(`--${name} ${value}: give a whole number`);
}
const options = { terminals: Number(values.terminals), days: Number(values.days), until, seed: values.seed === undefined ? PILOT_SEED : Number(values.seed) };
try {
  checkPilotOptions(options);
} catch (error) {
  fail((error as Error).message);
}

const url = process.env.DATABASE_URL || undefined;
const dataDir = resolve(process.env.DATA_DIR ?? './data');
if (!url) await mkdir(dataDir, { recursive: true });
const started = performance.now();
const db = await openDatabase(url ? { url } : { dataDir }).catch((error: unknown) => fail(`cannot open ${url ? 'DATABASE_URL' : dataDir}: ${(error as Error).message}`));
console.log(`seed:pilot: ${options.terminals} terminals, ${options.days} days to ${until} (seed ${options.seed}) into ${url ? 'PostgreSQL at DATABASE_URL' : `PGlite in ${dataDir}`}`);
try {
  const summary = await seedPilot(db, options, (done, of) => {
    if (done % 10 === 0 || done === of) console.log(`  ${done}/${of} terminals`);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `seed:pilot: ${summary.terminalsAdded} terminals added in ${summary.centres} centres (${summary.terminalsKept} already there, kept); ` +
      `${summary.journeys} journeys, ${summary.applications} applications, ${summary.outOfOrder} out-of-order stretches; ${seconds} s`,
  );
} catch (error) {
  if (error instanceof PilotSeedError) fail(error.message);
  throw error;
} finally {
  await db.close();
}
