import type { WeeklyReport } from '../../src/protocol/weekly-report';
import { JOURNEY_OUTCOMES } from '../../src/protocol/telemetry';

/*
 * The weekly report as CSV (docs/api.md, "The weekly report's exports"): one table per section, each a line
 * naming the section, a line of column names, its rows, and an empty line before the next section.
 * Column and section names are stable English keys, the same whatever the reader's language, so a
 * ministry's script keeps working; the values are the report's own (codes stay codes, money in
 * integer tiyn, shares as decimals 0…1 with a dot, an empty cell where the report has null).
 * RFC 4180: CRLF line ends, a field quoted when it holds a comma, quote or line break. UTF-8 with a
 * byte-order mark, so Excel opens Cyrillic and Kazakh letters right. A text that a spreadsheet would
 * take for a formula (=, +, -, @ first) gets a leading apostrophe.
 */

type Cell = string | number | null;
export interface CsvSection {
  name: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

const BOM = '\uFEFF';
const LEAVING = JOURNEY_OUTCOMES.filter((o) => o !== 'receipt');

export function reportSections(r: WeeklyReport): CsvSection[] {
  return [
    {
      name: 'report',
      columns: ['week', 'from', 'to', 'scope', 'scope_name_ru', 'scope_name_kk', 'generated_at', 'terminals'],
      rows: [[r.week, r.from, r.to, r.scope, r.scopeName.ru, r.scopeName.kk, r.generatedAt, r.terminals]],
    },
    {
      name: 'journeys',
      columns: ['started', 'applications', 'completion_rate', 'folded'],
      rows: [[r.journeys.started, r.journeys.applications, r.journeys.completionRate, r.journeys.folded]],
    },
    {
      name: 'journeys_by_service',
      columns: ['service', 'document', 'started', 'applications'],
      rows: r.journeys.byService.map((s) => [s.service, s.document, s.started, s.applications]),
    },
    {
      name: 'funnel',
      columns: ['step', 'reached', ...LEAVING.map((o) => `left_${o}`)],
      rows: r.funnel.map((s) => [s.step, s.reached, ...LEAVING.map((o) => s.left.find((l) => l.outcome === o)?.count ?? 0)]),
    },
    { name: 'refusals', columns: ['code', 'count'], rows: r.refusals.map((x) => [x.code, x.count]) },
    { name: 'operator', columns: ['cause', 'count'], rows: r.operator.map((x) => [x.cause, x.count]) },
    {
      name: 'service_time',
      columns: ['measured', 'median_s', 'p90_s', 'over_5_min_share'],
      rows: [[r.serviceTime.measured, r.serviceTime.medianS, r.serviceTime.p90S, r.serviceTime.over5MinShare]],
    },
    {
      name: 'throughput',
      columns: ['per_terminal_day', 'design_day', 'per_terminal_month', 'design_month', 'open_hours', 'utilisation'],
      rows: [
        [
          r.throughput.perTerminalDay,
          r.throughput.designDay,
          r.throughput.perTerminalMonth,
          r.throughput.designMonth,
          r.throughput.openHours,
          r.throughput.utilisation,
        ],
      ],
    },
    { name: 'throughput_days', columns: ['date', 'journeys', 'applications'], rows: r.throughput.days.map((d) => [d.date, d.journeys, d.applications]) },
    {
      name: 'offline',
      columns: ['journey_share', 'arrival_applications', 'arrival_median_s', 'arrival_p95_s', 'arrival_max_s'],
      rows: [[r.offline.journeyShare, r.offline.arrival.applications, r.offline.arrival.medianS, r.offline.arrival.p95S, r.offline.arrival.maxS]],
    },
    { name: 'out_of_order', columns: ['fault', 'minutes'], rows: r.outOfOrder.map((x) => [x.fault, x.minutes]) },
    { name: 'device_faults', columns: ['device', 'code', 'count'], rows: r.deviceFaults.map((x) => [x.device, x.code, x.count]) },
    {
      name: 'fees',
      columns: ['kind', 'journeys', 'tiyn'],
      rows: [
        ['paid', r.fees.paid.journeys, r.fees.paid.tiyn],
        ['exempt', r.fees.exempt.journeys, null],
        ['deferred', r.fees.deferred.journeys, r.fees.deferred.tiyn],
      ],
    },
    {
      name: 'problems',
      columns: ['id', 'centre_id', 'terminal_id', 'category', 'source', 'description', 'happened_at', 'action_taken', 'status'],
      rows: r.problems.map((p) => [p.id, p.centreId, p.terminalId, p.category, p.source, p.description, p.happenedAt, p.actionTaken, p.status]),
    },
  ];
}

const NEEDS_QUOTES = /[",\r\n]/;

/** Text a spreadsheet would run as a formula (OWASP "CSV injection"): a problem's description is typed by staff. */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : String(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (cells: readonly Cell[]) => cells.map(field).join(',');

export function reportCsv(report: WeeklyReport): string {
  const blocks = reportSections(report).map((s) => [line([s.name]), line(s.columns), ...s.rows.map(line)].join('\r\n'));
  return `${BOM}${blocks.join('\r\n\r\n')}\r\n`;
}
