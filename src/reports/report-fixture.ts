import type { WeeklyReport } from '../protocol/weekly-report';
import type { StepId } from '../flow/steps';
import type { JourneyOutcome } from '../protocol/telemetry';
import { addDays } from '../domain/dates';
import { isoWeek } from '../domain/iso-week';

/*
 * A complete, realistic weekly report for tests of what reads one (charts, CSV, PDF, the route, the
 * console page) without a database: 60 terminals for a week, numbers that agree with each other
 * (the funnel's leavers add up to the drop between steps, applications equal the receipts).
 * `scale` makes a different week with the same shape (compare with the week before).
 */

export interface ReportFixtureOptions {
  week?: string;
  scope?: string;
  scopeName?: { ru: string; kk: string };
  scale?: number;
  terminals?: number;
}


/** Where the journeys of a week stopped: at each step, how many left and how. */
const LEAVERS: [StepId, [JourneyOutcome, number][]][] = [
  ['language', [['idle', 310]]],
  ['service', [['cancel', 420], ['idle', 190]]],
  ['iin', [['cancel', 260], ['refused', 180], ['idle', 75]]],
  ['phone', [['cancel', 90], ['idle', 40]]],
  ['identify', [['operator', 240], ['cancel', 85], ['interrupted', 12]]],
  ['photo', [['cancel', 60], ['operator', 35]]],
  ['signature', [['cancel', 45], ['idle', 20]]],
  ['payment', [['cancel', 150], ['refused', 40], ['idle', 30]]],
  ['receipt', [['interrupted', 6]]],
  ['done', []],
];

export function reportFixture(options: ReportFixtureOptions = {}): WeeklyReport {
  const week = options.week ?? '2026-W49';
  const scale = options.scale ?? 1;
  const n = (x: number) => Math.round(x * scale);
  const from = isoWeek(week)!.monday;
  const applications = n(18_900);
  const leavers = LEAVERS.map(([step, left]) => ({ step, left: left.map(([outcome, count]) => ({ outcome, count: n(count) })) }));
  const started = applications + leavers.reduce((sum, s) => sum + s.left.reduce((a, l) => a + l.count, 0), 0);
  let reached = started;
  const funnel = leavers.map((s) => {
    const row = { step: s.step, reached, left: s.left };
    reached -= s.left.reduce((a, l) => a + l.count, 0);
    return row;
  });
  // Sunday is a short day: most centres are closed.
  const dayShares = [0.17, 0.18, 0.17, 0.17, 0.16, 0.1, 0.05];
  const dayApplications = dayShares.map((share) => Math.round(applications * share));
  dayApplications[0]! += applications - dayApplications.reduce((a, b) => a + b, 0);
  const days = dayApplications.map((apps, i) => ({ date: addDays(from, i), journeys: Math.round(apps * (started / applications)), applications: apps }));
  const terminals = options.terminals ?? 60;
  const perTerminalDay = Math.round((applications / (terminals * 6)) * 10) / 10;
  const refused = funnel.flatMap((s) => s.left).filter((l) => l.outcome === 'refused').reduce((a, l) => a + l.count, 0);
  const toOperator = funnel.flatMap((s) => s.left).filter((l) => l.outcome === 'operator').reduce((a, l) => a + l.count, 0);
  const exempt = n(2_100);
  const deferred = n(380);
  return {
    v: 1,
    week,
    from,
    to: addDays(from, 6),
    scope: options.scope ?? 'country',
    scopeName: options.scopeName ?? { ru: 'Казахстан', kk: 'Қазақстан' },
    generatedAt: `${addDays(from, 7)}T01:00:00.000Z`,
    terminals,
    journeys: {
      started,
      applications,
      completionRate: Math.round((applications / started) * 10_000) / 10_000,
      folded: n(140),
      byService: [
        { service: '04', document: 'id_card', started: n(8_900), applications: n(8_600) },
        { service: '04', document: 'passport', started: n(3_850), applications: n(3_700) },
        { service: '07', document: 'id_card', started: n(4_560), applications: n(4_400) },
        { service: '13', document: 'passport', started: started - n(8_900 + 3_850 + 4_560 + 1_600), applications: applications - n(8_600 + 3_700 + 4_400) },
        { service: null, document: null, started: n(1_600), applications: 0 },
      ],
    },
    funnel,
    refusals: [
      { code: 'document_valid_too_long', count: Math.round(refused * 0.6) },
      { code: 'under_age', count: refused - Math.round(refused * 0.6) },
    ],
    operator: [
      { cause: 'face_not_matched', count: Math.round(toOperator * 0.55) },
      { cause: 'liveness_failed', count: Math.round(toOperator * 0.3) },
      { cause: 'camera_missing', count: toOperator - Math.round(toOperator * 0.55) - Math.round(toOperator * 0.3) },
    ],
    serviceTime: { measured: applications - n(40), medianS: Math.round(212 * (2 - scale)), p90S: Math.round(341 * (2 - scale)), over5MinShare: Math.round(0.142 * (2 - scale) * 1000) / 1000 },
    throughput: {
      days,
      perTerminalDay,
      designDay: 108,
      perTerminalMonth: Math.round(perTerminalDay * 22 * 10) / 10,
      designMonth: 2376,
      openHours: terminals * 6 * 9,
      utilisation: Math.min(1, Math.round(((applications * 212) / (terminals * 6 * 9 * 3600)) * 1000) / 1000),
    },
    offline: {
      journeyShare: 0.031,
      arrival: { applications: n(560), medianS: 95, p95S: 1_840, maxS: 14_400 },
    },
    outOfOrder: [
      { fault: 'printer_paper_out', minutes: n(1_260) },
      { fault: 'camera_missing', minutes: n(340) },
      { fault: 'offline_too_long', minutes: n(95) },
    ],
    deviceFaults: [
      { device: 'printer', code: 'paper_out', count: n(42) },
      { device: 'scanner', code: 'not_responding', count: n(7) },
      { device: 'camera', code: 'missing', count: n(3) },
    ],
    fees: {
      paid: { journeys: applications - exempt - deferred, tiyn: (applications - exempt - deferred) * 432_500 },
      exempt: { journeys: exempt },
      deferred: { journeys: deferred, tiyn: deferred * 432_500 - n(20) * 432_500 },
    },
    problems: [
      {
        id: 'b3c1d4e2-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
        centreId: 'AST-ESIL',
        terminalId: 'T-AST-ESIL-02',
        category: 'device',
        source: 'branch',
        description: 'Принтер чеков замял бумагу; «Қағаз кептелді» на экране — заменён рулон, «кавычки», запятые',
        happenedAt: `${addDays(from, 1)}T05:40:00.000Z`,
        actionTaken: 'Рулон заменён, терминал снова работает',
        status: 'resolved',
      },
      {
        id: 'c4d2e5f3-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
        centreId: 'ALA-ALM',
        terminalId: null,
        category: 'queue',
        source: 'police',
        description: 'Гражданин пытался оформить паспорт по чужому удостоверению',
        happenedAt: `${addDays(from, 3)}T09:15:00.000Z`,
        actionTaken: 'Передано в отдел полиции',
        status: 'open',
      },
    ],
  };
}
