// The report's tables, one a section, as the page prints them: the figures behind each chart (its
// text alternative) and the sections without a chart. Written here, in the console's language, so
// the table component only lays out cells and a test reads what a person reads.
import { translate as kioskTranslate } from '../../src/i18n';
import type { Lang } from '../../src/protocol/common';
import type { WeeklyReport } from '../../src/protocol/weekly-report';
import { formatDuration } from '../format';
import { isConsoleKey, translate, type ConsoleKey } from '../i18n';
import { formatCount, formatDecimal, formatInstant, formatMinutes, formatShare, formatTenge, formatWeekday, NO_FIGURE } from './report-format';

export type ReportTable = {
  id: string;
  title: ConsoleKey;
  columns: ConsoleKey[];
  /** Which columns hold numbers (set right-aligned). */
  numeric: boolean[];
  rows: string[][];
  /** A sentence under the table. */
  note?: string;
  /** Many or long columns: the table takes the page's width. */
  wide?: boolean;
};

const WIDE = ['by-service', 'problems'];

const table = (id: string, title: ConsoleKey, columns: Array<[ConsoleKey, boolean]>, rows: string[][], note?: string): ReportTable => ({
  id,
  title,
  columns: columns.map(([key]) => key),
  numeric: columns.map(([, numeric]) => numeric),
  rows,
  ...(note === undefined ? {} : { note }),
  ...(WIDE.includes(id) ? { wide: true } : {}),
});

/** A problem's category, source or status in words (the problems page's own), its code if the console has none. */
function worded(lang: Lang, field: 'category' | 'source' | 'status', code: string): string {
  const key = `problems.${field}.${code}`;
  return isConsoleKey(key) ? translate(lang, key) : code;
}

/** The figures behind the three charts: the funnel, service time, each day's throughput. */
export function chartTables(lang: Lang, report: WeeklyReport): { funnel: ReportTable; serviceTime: ReportTable; throughput: ReportTable } {
  const t = (key: ConsoleKey, params?: Record<string, string>) => translate(lang, key, params);
  const count = (n: number) => formatCount(lang, n);
  const left = (row: WeeklyReport['funnel'][number]) =>
    row.left.filter((l) => l.count > 0).map((l) => `${t(`report.outcome.${l.outcome}`)}: ${count(l.count)}`).join('; ') || NO_FIGURE;
  const { serviceTime: s, throughput } = report;
  return {
    funnel: table('funnel', 'report.table.funnel', [['report.col.step', false], ['report.col.reached', true], ['report.col.leftThere', false]], report.funnel.map((row) => [t(`report.step.${row.step}`), count(row.reached), left(row)])),
    serviceTime: table(
      'service-time',
      'report.table.serviceTime',
      [['report.col.measured', true], ['report.col.median', true], ['report.col.p90', true], ['report.chart.overShare', true]],
      [[count(s.measured), formatMinutes(lang, s.medianS), formatMinutes(lang, s.p90S), formatShare(lang, s.over5MinShare)]],
    ),
    throughput: table(
      'throughput',
      'report.table.throughput',
      [['report.col.day', false], ['report.col.journeys', true], ['report.col.applications', true]],
      throughput.days.map((d) => [formatWeekday(lang, d.date), count(d.journeys), count(d.applications)]),
      t('report.utilisation', { share: formatShare(lang, throughput.utilisation), hours: formatDecimal(lang, throughput.openHours, 0) }),
    ),
  };
}

/** The sections without a chart, in the report's order. */
export function sectionTables(lang: Lang, report: WeeklyReport): ReportTable[] {
  const t = (key: ConsoleKey) => translate(lang, key);
  const count = (n: number) => formatCount(lang, n);
  const duration = (seconds: number | null) => (seconds === null ? NO_FIGURE : formatDuration(seconds, { h: t('unit.h'), min: t('unit.min') }));
  const { arrival } = report.offline;
  const fees = report.fees;
  return [
    table(
      'by-service',
      'report.table.byService',
      [['col.service', false], ['col.document', false], ['report.col.started', true], ['report.col.applications', true]],
      report.journeys.byService.map((row) => [
        row.service === null ? t('report.unknownService') : `${row.service} · ${kioskTranslate(lang, `service.${row.service}`)}`,
        row.document === null ? NO_FIGURE : t(`document.${row.document}`),
        count(row.started),
        count(row.applications),
      ]),
    ),
    table('refusals', 'report.table.refusals', [['report.col.code', false], ['report.col.count', true]], report.refusals.map((r) => [r.code, count(r.count)])),
    table('operator', 'report.table.operator', [['report.col.cause', false], ['report.col.count', true]], report.operator.map((r) => [r.cause, count(r.count)])),
    table(
      'arrival',
      'report.table.arrival',
      [['report.col.applications', true], ['report.col.median', true], ['report.col.p95', true], ['report.col.max', true]],
      arrival.applications === 0 ? [] : [[count(arrival.applications), duration(arrival.medianS), duration(arrival.p95S), duration(arrival.maxS)]],
    ),
    table('out-of-order', 'report.table.outOfOrder', [['report.col.fault', false], ['report.col.minutes', true]], report.outOfOrder.map((r) => [r.fault, formatDecimal(lang, r.minutes, 0)])),
    table(
      'device-faults',
      'report.table.deviceFaults',
      [['report.col.device', false], ['report.col.code', false], ['report.col.count', true]],
      report.deviceFaults.map((r) => [deviceName(lang, r.device), r.code, count(r.count)]),
    ),
    table(
      'fees',
      'report.table.fees',
      [['report.col.fee', false], ['report.col.journeys', true], ['report.col.amount', true]],
      [
        [t('report.fee.paid'), count(fees.paid.journeys), formatTenge(lang, fees.paid.tiyn)],
        [t('report.fee.exempt'), count(fees.exempt.journeys), NO_FIGURE],
        [t('report.fee.deferred'), count(fees.deferred.journeys), formatTenge(lang, fees.deferred.tiyn)],
      ],
    ),
    table(
      'problems',
      'report.table.problems',
      [
        ['report.col.when', false],
        ['col.centre', false],
        ['col.terminal', false],
        ['report.col.category', false],
        ['report.col.source', false],
        ['report.col.description', false],
        ['report.col.action', false],
        ['report.col.status', false],
      ],
      report.problems.map((p) => [formatInstant(lang, p.happenedAt), p.centreId, p.terminalId ?? NO_FIGURE, worded(lang, 'category', p.category), worded(lang, 'source', p.source), p.description, p.actionTaken, worded(lang, 'status', p.status)]),
    ),
  ];
}

const DEVICES = ['printer', 'scanner', 'camera', 'pad'] as const;

/** A device the console does not know (a newer kiosk's) reads as its code. */
function deviceName(lang: Lang, device: string): string {
  const known = DEVICES.find((d) => d === device);
  return known ? translate(lang, `report.device.${known}`) : device;
}
