import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_START, type TestApp } from '../test-support';
import { TEST_DATABASE_URL } from '../db/test-database';
import { nextIsoWeek } from '../../src/domain/iso-week';
import { parseIsoWeek } from './report-error';
import { makeFixture, writeFixture } from './report-fixture';
import { keptWeeklyReport, regenerateWeeklyReport, weeklyReport } from './weekly-report';
import { reportScopes } from './weekly-report-job';

/* The Monday job through the app's own job queue, on the test's clock: no timer, nothing waited for. */

describe(`the Monday job of the weekly reports on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let t: TestApp;
  // TEST_START is Monday 2026-03-02, 10:00 in Kazakhstan: week 10.
  const w10 = parseIsoWeek('2026-W10');
  const kept = async () => (await t.db.query<{ week: string; scope: string }>('SELECT week, scope FROM weekly_reports ORDER BY week, scope')).rows;
  const planned = async () => (await t.app.jobs.waiting('weekly-report', t.db)).map((j) => j.data.week);

  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false } });
    // As listen() does in server/main.ts: the start's hooks run.
    await t.app.ready();
    await writeFixture(t.db, makeFixture(w10.from, w10.to, new Date(w10.to.getTime() + 30 * 60_000), 10));
  });
  afterAll(() => t?.close());

  it('is planned at start for the week under way, once however many processes start', async () => {
    expect(w10.from.getTime()).toBeLessThan(TEST_START.getTime());
    expect(await planned()).toEqual(['2026-W10']);
    const second = await createTestApp({ db: t.db, jobs: { workers: false } });
    await second.app.ready();
    await second.app.close();
    expect(await planned()).toEqual(['2026-W10']);
  });

  it('does not run before Monday 00:30 after the week', async () => {
    await t.app.jobs.drain();
    expect(await kept()).toEqual([]);
    const [job] = await t.app.jobs.waiting('weekly-report', t.db);
    // Planned on the database's clock as far ahead as the week's end + 30 min is from the app's.
    const ahead = job!.startAfter.getTime() - Date.now();
    expect(ahead).toBeGreaterThan(w10.to.getTime() + 30 * 60_000 - TEST_START.getTime() - 60_000);
  });

  it("on Monday 00:30 keeps the week's report for the country and every region, branch, centre and terminal, and plans the next Monday", async () => {
    t.advance((w10.to.getTime() + 30 * 60_000 - t.now().getTime()) / 1000);
    await t.app.jobs.drain({ delayed: true });
    const scopes = await reportScopes(t.db);
    expect(scopes).toEqual(expect.arrayContaining(['country', 'region:astana', 'region:almaty', 'branch:AST', 'centre:AST-ESIL', 'centre:XYZ-01', 'terminal:T-E1', 'terminal:T-X1']));
    expect(await kept()).toEqual(scopes.map((scope) => ({ week: '2026-W10', scope })).sort((a, b) => (a.scope < b.scope ? -1 : 1)));
    expect(await planned()).toEqual(['2026-W11']);

    const country = await keptWeeklyReport(t.db, '2026-W10', 'country');
    expect(country!.generatedAt).toBe(t.now().toISOString());
    expect(country!.journeys.started).toBeGreaterThan(0);
    expect(await regenerateWeeklyReport(t.db, '2026-W10', 'country')).toEqual(country);
  });

  it('run again (a retry, a second process), changes nothing kept and plans nothing more', async () => {
    const before = await keptWeeklyReport(t.db, '2026-W10', 'centre:AST-ESIL');
    t.advance(3600);
    await t.app.jobs.send('weekly-report', { week: '2026-W10' });
    await t.app.jobs.drain();
    expect(await keptWeeklyReport(t.db, '2026-W10', 'centre:AST-ESIL')).toEqual(before);
    expect(await planned()).toEqual(['2026-W11']);
  });

  it("a run before its week is over (a database clock ahead) keeps nothing and plans itself again", async () => {
    const reports = (await kept()).length;
    await t.app.jobs.drain({ delayed: true });
    expect((await kept()).length).toBe(reports);
    expect(await planned()).toEqual([nextIsoWeek('2026-W10').week]);
  });
  it('back after weeks away, keeps each quiet week with the country\'s report alone and plans the week now running', async () => {
    // W12 and W13 with nothing in them (the fixture's rows are in W10 and the first hours of W11; its
    // terminals back in order by W10's end), then the first day of W14.
    await t.db.query('UPDATE terminal_out_of_order SET ended_at = GREATEST(started_at, $1) WHERE ended_at IS NULL OR ended_at > $1', [w10.to]);
    t.advance((parseIsoWeek('2026-W13').to.getTime() + 3_600_000 - t.now().getTime()) / 1000);
    await t.app.jobs.drain({ delayed: true });
    const quiet = (await kept()).filter((k) => k.week >= '2026-W12');
    expect(quiet).toEqual([
      { week: '2026-W12', scope: 'country' },
      { week: '2026-W13', scope: 'country' },
    ]);
    expect((await keptWeeklyReport(t.db, '2026-W12', 'country'))!.journeys.started).toBe(0);
    expect(await planned()).toEqual(['2026-W14']);
    // A scope asked for afterwards is made then, as empty as the country says.
    expect((await weeklyReport(t.db, '2026-W12', 'centre:AST-ESIL', t.now())).journeys.started).toBe(0);
  });
});
