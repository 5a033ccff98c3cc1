// Writes the synthetic pilot (pilot-terminal.ts) into the back office's database: the terminals,
// then each terminal's journeys, applications and out-of-order stretches in one transaction, so a
// terminal is either all there or absent. A terminal already there is kept as it is: seeding again
// adds nothing, and seeding 500 after 60 adds the 440 others.
import jpeg from 'jpeg-js';
import { addDays, isValidDate, KAZAKHSTAN_OFFSET_MS } from '../../../src/domain/dates';
import type { Database, Queryable } from '../../db/database';
import { cloneTerminals, GENERATED_TERMINALS } from './clone-pilot';
import { pickPilotCentres, pilotTerminals, type PilotCentre, type PilotTerminal } from './pilot-fleet';
import { terminalYear, type PilotRange } from './pilot-terminal';

export interface PilotOptions {
  seed: number;
  terminals: number;
  days: number;
  /** The last Kazakhstan date seeded (whole); the seed's "now" is the end of that day. */
  until: string;
  /** Terminals generated journey by journey; those after are copied from them in SQL (clone-pilot.ts). */
  generated?: number;
}

export interface PilotSummary {
  centres: number;
  terminalsAdded: number;
  terminalsKept: number;
  journeys: number;
  applications: number;
  outOfOrder: number;
}

export const PILOT_SEED = 20_261_206;
const BATCH = 2000;
/** Terminals copied in one transaction. */
const CLONE_BATCH = 20;

/** An unused key of the right shape: the pilot's terminals never sign anything. */
const PLACEHOLDER_KEY = { kty: 'EC', crv: 'P-256', x: 'IxYjZ5EoFupJBRYxDp23-DK-fJu4deH--VwqxmY6ARw', y: 'm0oKiy3dvYxoT-D-4a_X5Ec4fD5nQa8G-6IW5bbok5w' };
/** The smallest PNG (1×1, transparent): a signature the console can draw. */
const PLACEHOLDER_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function placeholderJpeg(): Buffer {
  const width = 8;
  const height = 8;
  return Buffer.from(jpeg.encode({ data: Buffer.alloc(width * height * 4, 0xb0), width, height }, 60).data);
}

export function pilotRange(options: PilotOptions): PilotRange {
  const from = addDays(options.until, -(options.days - 1));
  return { seed: options.seed, from, to: options.until, now: Date.parse(`${addDays(options.until, 1)}T00:00:00Z`) - KAZAKHSTAN_OFFSET_MS };
}

export async function loadCentres(db: Queryable): Promise<PilotCentre[]> {
  const { rows } = await db.query<{ id: string; region: string; name_ru: string; hours: PilotCentre['hours'] }>('SELECT id, region, name_ru, hours FROM centres ORDER BY id');
  return rows.map((r) => ({ id: r.id, region: r.region, nameRu: r.name_ru, hours: r.hours }));
}

async function insertJson(tx: Queryable, sql: string, rows: readonly object[], extra: unknown[] = []): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.query(sql, [JSON.stringify(rows.slice(i, i + BATCH)), ...extra]);
}

const JOURNEYS_SQL = `INSERT INTO journey_telemetry
  SELECT * FROM json_populate_recordset(NULL::journey_telemetry, $1::json)`;
const APPLICATIONS_SQL = `INSERT INTO applications (id, number, iin, service, document, lang, phone, fee_tiyn, centre_id, terminal_id,
    created_at, received_at, ready_by, status, body_hash, photo_jpeg, signature_png)
  SELECT id, number, iin, service, document, lang, phone, fee_tiyn, centre_id, terminal_id,
    created_at, received_at, ready_by, status, 'pilot-seed', $2, $3
  FROM json_populate_recordset(NULL::applications, $1::json)`;
const OUT_OF_ORDER_SQL = `INSERT INTO terminal_out_of_order
  SELECT * FROM json_populate_recordset(NULL::terminal_out_of_order, $1::json)`;

async function writeTerminal(db: Database, terminal: PilotTerminal, range: PilotRange, images: [Buffer, Buffer]) {
  const year = terminalYear(terminal, range);
  const enrolledAt = new Date(Date.parse(`${addDays(range.from, terminal.enrolDelayDays)}T08:00:00Z`) - KAZAKHSTAN_OFFSET_MS);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO terminals (terminal_id, centre_id, name, public_key, created_at, enrolled_at) VALUES ($1, $2, $3, $4, $5, $5)`,
      [terminal.terminalId, terminal.centre.id, terminal.name, PLACEHOLDER_KEY, enrolledAt],
    );
    await insertJson(tx, JOURNEYS_SQL, year.journeys);
    await insertJson(tx, APPLICATIONS_SQL, year.applications, images);
    await insertJson(tx, OUT_OF_ORDER_SQL, year.outOfOrder);
  });
  return { journeys: year.journeys.length, applications: year.applications.length, outOfOrder: year.outOfOrder.length };
}

export class PilotSeedError extends Error {}

/** Refuses options the seed cannot honour, naming the option as the command line spells it. */
export function checkPilotOptions(options: PilotOptions): void {
  if (!Number.isInteger(options.terminals) || options.terminals < 1 || options.terminals > 9999) throw new PilotSeedError(`--terminals ${options.terminals}: give a whole number from 1 to 9999`);
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > 3660) throw new PilotSeedError(`--days ${options.days}: give a whole number from 1 to 3660`);
  const [y, m, d] = options.until.split('-').map(Number);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.until) || !isValidDate(y!, m!, d!)) throw new PilotSeedError(`--until ${options.until}: give a date, YYYY-MM-DD`);
  if (!Number.isSafeInteger(options.seed)) throw new PilotSeedError(`--seed ${options.seed}: give a whole number`);
}

/** Seeds the pilot; `progress` hears after each terminal. */
export async function seedPilot(db: Database, options: PilotOptions, progress: (done: number, of: number) => void = () => {}): Promise<PilotSummary> {
  checkPilotOptions(options);
  const centres = pickPilotCentres(await loadCentres(db));
  if (centres.length === 0) throw new PilotSeedError('no centres in the database to put the pilot in (migrations 0012 and 0020 seed them)');
  const range = pilotRange(options);
  const terminals = pilotTerminals(options.seed, centres, options.terminals);
  const { rows } = await db.query<{ terminal_id: string }>('SELECT terminal_id FROM terminals WHERE terminal_id = ANY($1::text[])', [terminals.map((t) => t.terminalId)]);
  const existing = new Set(rows.map((r) => r.terminal_id));
  const summary: PilotSummary = { centres: new Set(terminals.map((t) => t.centre.id)).size, terminalsAdded: 0, terminalsKept: existing.size, journeys: 0, applications: 0, outOfOrder: 0 };
  const images: [Buffer, Buffer] = [placeholderJpeg(), PLACEHOLDER_PNG];
  const todo = terminals.filter((t) => !existing.has(t.terminalId));
  const sources = options.generated ?? GENERATED_TERMINALS;
  const generated = todo.filter((t) => t.index < sources);
  const cloned = todo.filter((t) => t.index >= sources);
  const add = (one: { journeys: number; applications: number; outOfOrder: number }, terminals: number) => {
    summary.terminalsAdded += terminals;
    summary.journeys += one.journeys;
    summary.applications += one.applications;
    summary.outOfOrder += one.outOfOrder;
    progress(summary.terminalsAdded, todo.length);
  };
  for (const terminal of generated) add(await writeTerminal(db, terminal, range, images), 1);
  for (let i = 0; i < cloned.length; i += CLONE_BATCH) {
    const batch = cloned.slice(i, i + CLONE_BATCH);
    add(await cloneTerminals(db, batch, batch.map((t) => terminals[t.index % sources]!.terminalId), new Date(range.now)), batch.length);
  }
  return summary;
}
