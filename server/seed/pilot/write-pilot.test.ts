import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationNumber } from '../../../src/domain/application';
import type { Database } from '../../db/database';
import { openTestDatabase } from '../../db/test-database';
import { cloneShiftDays } from './clone-pilot';
import { pickPilotCentres, pilotTerminals } from './pilot-fleet';
import { loadCentres, PilotSeedError, seedPilot, type PilotOptions } from './write-pilot';

const OPTIONS: PilotOptions = { seed: 11, terminals: 3, generated: 2, days: 35, until: '2026-11-29' };
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);

describe('seedPilot into the back office database', { timeout: 60_000 }, () => {
  it('refuses a number of terminals or days it cannot seed, with the option named', async () => {
    await expect(seedPilot(db, { ...OPTIONS, terminals: 0 })).rejects.toThrow(PilotSeedError);
    await expect(seedPilot(db, { ...OPTIONS, days: 1.5 })).rejects.toThrow(/--days/);
  });

  it('writes terminals in the seeded centres with their journeys, applications and stretches, and adds nothing the second time', async () => {
    const summary = await seedPilot(db, OPTIONS);
    expect(summary).toMatchObject({ terminalsAdded: 3, terminalsKept: 0 });
    expect(summary.journeys).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM journey_telemetry')).toBe(summary.journeys);
    expect(await count('SELECT count(*) AS n FROM applications')).toBe(summary.applications);
    expect(await count('SELECT count(*) AS n FROM terminal_out_of_order')).toBe(summary.outOfOrder);
    // Every terminal named, enrolled and in a centre the database knows; its journeys there too.
    expect(await count('SELECT count(*) AS n FROM terminals t JOIN centres c ON c.id = t.centre_id WHERE t.name IS NOT NULL AND t.enrolled_at IS NOT NULL')).toBe(3);
    expect(await count('SELECT count(*) AS n FROM journey_telemetry j JOIN terminals t USING (terminal_id) WHERE t.centre_id <> j.centre_id')).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM applications a WHERE a.received_at < a.created_at`)).toBe(0);

    const again = await seedPilot(db, OPTIONS);
    expect(again).toMatchObject({ terminalsAdded: 0, terminalsKept: 3, journeys: 0 });
    expect(await count('SELECT count(*) AS n FROM journey_telemetry')).toBe(summary.journeys);
  });

  it('copies a terminal past the generated ones from its source, weeks later, with ids and numbers of its own', async () => {
    // Terminal 2 is copied from terminal 0 (2 mod 2 generated), into its own centre.
    const [first, , third] = pilotTerminals(OPTIONS.seed, pickPilotCentres(await loadCentres(db)), 3);
    const source = first!.terminalId;
    const clone = third!.terminalId;
    expect(await count('SELECT count(*) AS n FROM journey_telemetry WHERE terminal_id = $1 AND centre_id = $2', [clone, third!.centre.id])).toBeGreaterThan(0);
    const shift = cloneShiftDays(2) * 86_400_000;
    const { rows: pairs } = await db.query<{ s: Date; c: Date }>(
      `SELECT s.started_at AS s, c.started_at AS c FROM journey_telemetry s JOIN journey_telemetry c
         ON c.terminal_id = $2 AND c.started_at = s.started_at + make_interval(days => $3)
       WHERE s.terminal_id = $1`,
      [source, clone, cloneShiftDays(2)],
    );
    expect(pairs.length).toBe(await count('SELECT count(*) AS n FROM journey_telemetry WHERE terminal_id = $1', [clone]));
    expect(pairs.every((p) => new Date(p.c).getTime() - new Date(p.s).getTime() === shift)).toBe(true);
    const { rows: apps } = await db.query<{ id: string; number: string }>('SELECT id, number FROM applications WHERE terminal_id = $1', [clone]);
    for (const a of apps) expect(a.number).toBe(applicationNumber(a.id));
  });
});
