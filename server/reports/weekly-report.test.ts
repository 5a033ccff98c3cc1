import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../src/flow/steps';
import { JOURNEY_OUTCOMES } from '../../src/protocol/telemetry';
import { WeeklyReport as WeeklyReportSchema, type WeeklyReport } from '../../src/protocol/weekly-report';
import { Value } from '@sinclair/typebox/value';
import type { Database } from '../db/database';
import { openTestDatabase, TEST_DATABASE_URL } from '../db/test-database';
import type { IsoWeekRange } from '../../src/domain/iso-week';
import { parseIsoWeek } from './report-error';
import { FIXTURE_TERMINALS, makeFixture, writeFixture, type Fixture } from './report-fixture';
import { ProblemsRepository } from '../problems/problems-repository';
import { ReportError } from './report-error';
import { computeWeeklyReport, keptWeeklyReport, regenerateWeeklyReport, weeklyReport } from './weekly-report';

/*
 * Every number of the report against the same rows counted another way: in TypeScript, over the
 * fixture's objects, with the week's edges, the received-by cut and the hours written out by hand.
 */

/** Open hours and open days of the week by centre, counted by hand from the fixture's hours. */
const OPEN: Record<string, { hours: number; days: number }> = {
  'AST-ESIL': { hours: 5 * 11 + 4, days: 6 },
  'AST-SARYARKA': { hours: 5 * 11 + 4, days: 6 },
  'ALA-ALMALY': { hours: 5 * 8.5 + 5 + 3, days: 7 },
  'XYZ-01': { hours: 0, days: 0 },
};

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** SQL's ORDER BY … NULLS LAST on text in the C collation's order (ASCII codes and ids here). */
function nullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function tally<T>(items: T[], key: (t: T) => string, weight: (t: T) => number = () => 1): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + weight(i));
  return m;
}

type Expected = Omit<WeeklyReport, 'v' | 'week' | 'from' | 'to' | 'scope' | 'scopeName' | 'generatedAt' | 'problems'>;

function expectedReport(fx: Fixture, week: IsoWeekRange, asOf: Date, inScope: (terminal: string, centre: string) => boolean): Expected {
  const inWeek = (t: Date) => t >= week.from && t < week.to;
  const kzDay = (t: Date) => new Date(t.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
  const j = fx.journeys.filter((x) => inWeek(x.startedAt) && x.receivedAt <= asOf && inScope(x.terminal, x.centre));
  const f = fx.folds.filter((x) => week.days.includes(x.day) && x.receivedAt <= asOf && inScope(x.terminal, x.centre));
  const a = fx.applications.filter((x) => inWeek(x.createdAt) && x.receivedAt <= asOf && !x.isTest && inScope(x.terminal, x.centre));
  const s = fx.stretches
    .filter((x) => x.startedAt <= asOf && inScope(x.terminal, FIXTURE_TERMINALS[x.terminal]!))
    .map((x) => {
      const end = Math.min(x.endedAt === null || x.endedAt > asOf ? asOf.getTime() : x.endedAt.getTime(), week.to.getTime());
      return { ...x, ms: Math.max(0, end - Math.max(x.startedAt.getTime(), week.from.getTime())) };
    })
    .filter((x) => x.ms > 0);

  const foldedStarted = f.reduce((n, x) => n + x.journeys, 0);
  const receipts = j.filter((x) => x.outcome === 'receipt');
  const started = j.length + foldedStarted;
  const applications = receipts.length + f.filter((x) => x.outcome === 'receipt').reduce((n, x) => n + x.journeys, 0);

  const terminals = new Map<string, string>();
  for (const x of [...j, ...f, ...a, ...s.map((y) => ({ terminal: y.terminal, centre: FIXTURE_TERMINALS[y.terminal]! }))]) terminals.set(x.terminal, x.centre);
  const openHours = [...terminals.values()].reduce((n, c) => n + OPEN[c]!.hours, 0);
  const openDays = [...terminals.values()].reduce((n, c) => n + OPEN[c]!.days, 0);
  const perDay = openDays > 0 ? applications / openDays : null;

  const measured = receipts.filter((x) => x.serviceMs !== null).map((x) => x.serviceMs!);
  const byService = tally(j, (x) => JSON.stringify([x.service, x.document]));
  const delays = a.map((x) => Math.max(0, (x.receivedAt.getTime() - x.createdAt.getTime()) / 1000));
  const journeyMs = j.filter((x) => x.outcome !== 'interrupted').reduce((n, x) => n + (x.endedAt.getTime() - x.startedAt.getTime()), 0);
  const sortedCounts = (m: Map<string, number>, name: 'code' | 'cause') =>
    [...m].sort(([k1, c1], [k2, c2]) => c2 - c1 || (k1 < k2 ? -1 : 1)).map(([k, count]) => ({ [name]: k, count }));

  return {
    terminals: terminals.size,
    journeys: {
      started,
      applications,
      completionRate: started > 0 ? applications / started : null,
      folded: foldedStarted,
      byService: [...byService]
        .map(([k, n]) => {
          const [service, document] = JSON.parse(k) as [WeeklyReport['journeys']['byService'][number]['service'], WeeklyReport['journeys']['byService'][number]['document']];
          return { service, document, started: n, applications: j.filter((x) => x.service === service && x.document === document && x.outcome === 'receipt').length };
        })
        .sort((x, y) => nullsLast(x.service, y.service) || nullsLast(x.document, y.document)),
    },
    funnel: STEP_IDS.map((step, i) => ({
      step,
      reached: j.filter((x) => STEP_IDS.indexOf(x.furthestStep) >= i).length + f.filter((x) => STEP_IDS.indexOf(x.outcomeStep) >= i).reduce((n, x) => n + x.journeys, 0),
      left: JOURNEY_OUTCOMES.map((outcome) => ({
        outcome,
        count: j.filter((x) => x.outcomeStep === step && x.outcome === outcome).length + f.filter((x) => x.outcomeStep === step && x.outcome === outcome).reduce((n, x) => n + x.journeys, 0),
      })).filter((l) => l.count > 0),
    })),
    refusals: sortedCounts(tally(j.filter((x) => x.outcome === 'refused'), (x) => x.outcomeCode!), 'code') as Expected['refusals'],
    operator: sortedCounts(tally(j.filter((x) => x.outcome === 'operator'), (x) => x.outcomeCode!), 'cause') as Expected['operator'],
    serviceTime: {
      measured: measured.length,
      medianS: percentile(measured, 0.5) === null ? null : percentile(measured, 0.5)! / 1000,
      p90S: percentile(measured, 0.9) === null ? null : percentile(measured, 0.9)! / 1000,
      over5MinShare: measured.length > 0 ? measured.filter((ms) => ms > 5 * 60_000).length / measured.length : null,
    },
    throughput: {
      days: week.days.map((date) => ({
        date,
        journeys: j.filter((x) => kzDay(x.startedAt) === date).length + f.filter((x) => x.day === date).reduce((n, x) => n + x.journeys, 0),
        applications: receipts.filter((x) => kzDay(x.startedAt) === date).length + f.filter((x) => x.day === date && x.outcome === 'receipt').reduce((n, x) => n + x.journeys, 0),
      })),
      perTerminalDay: perDay,
      designDay: 108,
      perTerminalMonth: perDay === null ? null : perDay * 22,
      designMonth: 2376,
      openHours,
      utilisation: openHours > 0 ? Math.min(1, journeyMs / (openHours * 3_600_000)) : null,
    },
    offline: {
      journeyShare: j.length > 0 ? j.filter((x) => x.offlineSteps.length > 0).length / j.length : null,
      arrival: { applications: a.length, medianS: percentile(delays, 0.5), p95S: percentile(delays, 0.95), maxS: delays.length > 0 ? Math.max(...delays) : null },
    },
    outOfOrder: [...tally(s, (x) => x.fault, (x) => x.ms)].sort(([f1, m1], [f2, m2]) => m2 - m1 || (f1 < f2 ? -1 : 1)).map(([fault, ms]) => ({ fault, minutes: ms / 60_000 })),
    deviceFaults: [...tally(j.flatMap((x) => x.faults), (x) => `${x.device}|${x.code}`)]
      .map(([k, count]) => ({ device: k.split('|')[0]!, code: k.split('|')[1]!, count }))
      .sort((x, y) => y.count - x.count || nullsLast(x.device, y.device) || nullsLast(x.code, y.code)),
    fees: {
      paid: { journeys: j.filter((x) => x.feeKind === 'paid').length, tiyn: j.filter((x) => x.feeKind === 'paid').reduce((n, x) => n + x.feeTiyn!, 0) },
      exempt: { journeys: j.filter((x) => x.feeKind === 'exempt').length },
      deferred: { journeys: j.filter((x) => x.feeKind === 'deferred').length, tiyn: j.filter((x) => x.feeKind === 'deferred').reduce((n, x) => n + (x.feeTiyn ?? 0), 0) },
    },
  };
}

/** Equal, with the shares, times and hours equal to 9 digits (SQL's and JavaScript's doubles round differently). */
function expectSameNumbers(actual: unknown, expected: unknown, path = 'report'): void {
  if (typeof expected === 'number' && typeof actual === 'number' && !Number.isInteger(expected)) {
    expect(actual, path).toBeCloseTo(expected, 9);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectSameNumbers((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectSameNumbers((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

function withoutHeader(report: WeeklyReport): Expected {
  const { v: _v, week: _w, from: _f, to: _t, scope: _s, scopeName: _n, generatedAt: _g, problems: _p, ...rest } = report;
  return rest;
}

describe(`the weekly report on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: Database;
  const w49 = parseIsoWeek('2026-W49');
  const w53 = parseIsoWeek('2026-W53');
  // Monday 00:30 after each week, when the Monday job runs.
  const after49 = new Date(w49.to.getTime() + 30 * 60_000);
  const after53 = new Date(w53.to.getTime() + 30 * 60_000);
  const fx49 = makeFixture(w49.from, w49.to, after49, 49);
  const fx53 = makeFixture(w53.from, w53.to, after53, 53);

  beforeAll(async () => {
    db = await openTestDatabase();
    await writeFixture(db, fx49);
    // The year's end: the same terminals, journeys with their own ids.
    const shift = (f: typeof fx53) => ({
      ...f,
      terminals: {},
      journeys: f.journeys.map((x) => ({ ...x, sessionId: x.sessionId.replace('-8100-', '-8153-') })),
      folds: f.folds.map((x) => ({ ...x, foldId: x.foldId.replace('-8200-', '-8253-') })),
      applications: f.applications.map((x) => ({ ...x, id: x.id.replace('-8300-', '-8353-') })),
      // W49's stretch still lasting is the terminal's one open stretch (migration 0024): W53's own are closed ones only.
      stretches: f.stretches.filter((x) => x.endedAt !== null).map((x) => ({ ...x, startedAt: new Date(x.startedAt.getTime() + 1) })),
    });
    await writeFixture(db, shift(fx53));
    // PGlite's WebAssembly start and migrations take seconds on two busy cores.
  }, 120_000);
  afterAll(() => db?.close());

  // The database holds both weeks' rows: W49's stretch still lasting runs through W53 too.
  const bothWeeks = (): Fixture => ({
    terminals: FIXTURE_TERMINALS,
    journeys: [...fx49.journeys, ...fx53.journeys],
    folds: [...fx49.folds, ...fx53.folds],
    applications: [...fx49.applications, ...fx53.applications],
    stretches: [...fx49.stretches, ...fx53.stretches.filter((x) => x.endedAt !== null).map((x) => ({ ...x, startedAt: new Date(x.startedAt.getTime() + 1) }))],
  });

  for (const [scope, inScope] of [
    ['country', () => true],
    ['centre:AST-ESIL', (_t: string, c: string) => c === 'AST-ESIL'],
    ['region:astana', (_t: string, c: string) => c.startsWith('AST-')],
    ['branch:ALA', (_t: string, c: string) => c === 'ALA-ALMALY'],
    ['terminal:T-X1', (t: string) => t === 'T-X1'],
  ] as const) {
    it(`gives every number of 2026-W49 for ${scope} as counted another way`, async () => {
      const report = await computeWeeklyReport(db, '2026-W49', scope, after49);
      expect(Value.Check(WeeklyReportSchema, report), JSON.stringify([...Value.Errors(WeeklyReportSchema, report)].slice(0, 3))).toBe(true);
      expect([report.week, report.from, report.to, report.scope, report.generatedAt]).toEqual(['2026-W49', '2026-11-30', '2026-12-06', scope, after49.toISOString()]);
      expectSameNumbers(withoutHeader(report), expectedReport(bothWeeks(), w49, after49, inScope));
      expect(report.problems).toEqual([]);
    });
  }

  it('has a varied week: every outcome, folds, offline steps, faults, fees, delays and out-of-order stretches', async () => {
    const r = await computeWeeklyReport(db, '2026-W49', 'country', after49);
    expect(new Set(r.funnel.flatMap((s) => s.left.map((l) => l.outcome)))).toEqual(new Set(JOURNEY_OUTCOMES));
    expect(r.journeys.folded).toBeGreaterThan(0);
    expect(r.offline.journeyShare).toBeGreaterThan(0);
    expect(r.deviceFaults.length).toBeGreaterThan(3);
    expect([r.fees.paid.journeys, r.fees.exempt.journeys, r.fees.deferred.journeys].every((n) => n > 0)).toBe(true);
    expect(r.offline.arrival.maxS).toBeGreaterThan(3600);
    expect(r.outOfOrder.map((o) => o.fault).sort()).toEqual(['camera_missing', 'pad_missing', 'paper_out', 'storage_full']);
    expect(r.terminals).toBe(5);
    expect(r.throughput.days.every((d) => d.journeys > 0)).toBe(true);
  });

  it('counts Sunday 23:59 in Kazakhstan in the week and Monday 00:00 in the next', async () => {
    const sunday = await computeWeeklyReport(db, '2026-W49', 'terminal:T-E1', after49);
    const late = fx49.journeys.filter((x) => x.terminal === 'T-E1' && x.startedAt.getTime() === w49.to.getTime() - 60_000);
    expect(late).toHaveLength(1);
    const sundayJourneys = fx49.journeys.filter((x) => x.terminal === 'T-E1' && x.startedAt >= new Date(w49.to.getTime() - 86_400_000) && x.startedAt < w49.to && x.receivedAt <= after49);
    expect(sunday.throughput.days[6]).toMatchObject({ date: '2026-12-06', journeys: sundayJourneys.length + fx49.folds.filter((f) => f.terminal === 'T-E1' && f.day === '2026-12-06' && f.receivedAt <= after49).reduce((n, f) => n + f.journeys, 0) });
    expect(sundayJourneys.map((x) => x.sessionId)).toContain(late[0]!.sessionId);
  });

  it('holds the new year in 2026-W53 (2026-12-28 to 2027-01-03), also as counted another way', async () => {
    const report = await computeWeeklyReport(db, '2026-W53', 'country', after53);
    expect([report.from, report.to]).toEqual(['2026-12-28', '2027-01-03']);
    expect(report.throughput.days.map((d) => d.date)).toContain('2027-01-01');
    expectSameNumbers(withoutHeader(report), expectedReport(bothWeeks(), w53, after53, () => true));
    expect(report.throughput.days.find((d) => d.date === '2027-01-01')!.journeys).toBeGreaterThan(0);
  });

  it('counts only what had arrived by its instant: a journey sent later is in a later report, not in this one', async () => {
    const atSix = new Date(w49.to.getTime() + 6 * 3_600_000);
    const early = await computeWeeklyReport(db, '2026-W49', 'country', new Date(w49.to.getTime() - 1));
    const later = await computeWeeklyReport(db, '2026-W49', 'country', atSix);
    expectSameNumbers(withoutHeader(later), expectedReport(bothWeeks(), w49, atSix, () => true));
    expect(early.journeys.started).toBeLessThan(later.journeys.started);
  });

  it('keeps the report of a week that is over, once, and generates it again with the same numbers', async () => {
    const first = await weeklyReport(db, '2026-W49', 'centre:AST-ESIL', after49);
    // Another process, a minute later, finds the kept one.
    const second = await weeklyReport(db, '2026-W49', 'centre:AST-ESIL', new Date(after49.getTime() + 60_000));
    expect(second).toEqual(first);
    expect((await keptWeeklyReport(db, '2026-W49', 'centre:AST-ESIL'))?.generatedAt).toBe(after49.toISOString());
    const again = await regenerateWeeklyReport(db, '2026-W49', 'centre:AST-ESIL');
    expect({ ...again!, generatedAt: '' }).toEqual({ ...first, generatedAt: '' });
    expect(await regenerateWeeklyReport(db, '2026-W49', 'centre:AST-SARYARKA')).toBeNull();
  });

  it('keeps one report when two ask at once', async () => {
    const [a, b] = await Promise.all([
      weeklyReport(db, '2026-W49', 'region:almaty', after49),
      weeklyReport(db, '2026-W49', 'region:almaty', new Date(after49.getTime() + 1000)),
    ]);
    expect(a).toEqual(b);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM weekly_reports WHERE week = '2026-W49' AND scope = 'region:almaty'`);
    expect(rows[0]!.n).toBe(1);
  });

  it('does not keep a week still under way', async () => {
    const during = new Date(w49.to.getTime() - 3_600_000);
    const report = await weeklyReport(db, '2026-W49', 'terminal:T-E2', during);
    expect(report.generatedAt).toBe(during.toISOString());
    expect(await keptWeeklyReport(db, '2026-W49', 'terminal:T-E2')).toBeNull();
  });

  it('holds the problems register\'s entries of its week and scope, recorded by its instant', async () => {
    // A week after every fixture week, so the problem (open) is in no other test's week.
    const staff = '00000000-0000-4000-8000-0000000000aa';
    await db.query(`INSERT INTO staff (id, username, password_hash, role, branch_id, created_at) VALUES ($1, 'report-test', 'x', 'supervisor', 'AST', now())`, [staff]);
    const recordedAt = new Date('2027-01-06T06:00:00Z');
    await new ProblemsRepository(db).create(
      { id: '00000000-0000-4000-8000-0000000000ab', centreId: 'AST-ESIL', terminalId: null, category: 'network', source: 'branch', description: 'Нет связи с утра', happenedAt: new Date('2027-01-06T04:00:00Z'), actionTaken: '' },
      staff,
      recordedAt,
    );
    const descriptions = async (scope: string, now: Date) => (await computeWeeklyReport(db, '2027-W02', scope, now)).problems.map((p) => [p.description, p.status]);
    expect(await descriptions('centre:AST-ESIL', new Date(recordedAt.getTime() + 1000))).toEqual([['Нет связи с утра', 'open']]);
    expect(await descriptions('country', new Date(recordedAt.getTime() - 1000))).toEqual([]);
    expect(await descriptions('branch:ALA', new Date(recordedAt.getTime() + 1000))).toEqual([]);
  });

  it('names its scope', async () => {
    const names = await Promise.all(['country', 'region:astana', 'branch:ALA', 'centre:AST-ESIL', 'centre:XYZ-01', 'terminal:T-E1', 'terminal:T-E2'].map((s) => computeWeeklyReport(db, '2026-W49', s, after49)));
    expect(names.map((r) => r.scopeName.ru)).toEqual(['Казахстан', 'Филиал по г. Астане', 'Филиал по г. Алматы', 'ЦОН Есильского района г. Астаны', 'XYZ-01', 'ЦОН Есиль, зал 1', 'T-E2']);
    expect(names[0]!.scopeName.kk).toBe('Қазақстан');
  });

  it('refuses a week or scope that cannot be, with a stable code', async () => {
    const refusal = async (week: string, scope: string) => {
      try {
        await computeWeeklyReport(db, week, scope, after49);
        return 'none';
      } catch (error) {
        return error instanceof ReportError ? `${error.code} ${error.statusCode}` : String(error);
      }
    };
    expect(await refusal('2025-W53', 'country')).toBe('invalid_week 400');
    expect(await refusal('2026-W54', 'country')).toBe('invalid_week 400');
    expect(await refusal('2026-W49', 'planet')).toBe('invalid_scope 400');
    expect(await refusal('2026-W49', "centre:x' OR 1=1")).toBe('invalid_scope 400');
    expect(await refusal('2026-W49', 'region:mars')).toBe('unknown_scope 404');
    expect(await refusal('2026-W49', 'branch:ZZZ')).toBe('unknown_scope 404');
    expect(await refusal('2026-W49', 'centre:NOWHERE')).toBe('unknown_scope 404');
    expect(await refusal('2026-W49', 'terminal:T-NONE')).toBe('unknown_scope 404');
  });
});
