import pdfMake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DESIGN_APPLICATIONS_A_DAY, DESIGN_APPLICATIONS_A_MONTH, DESIGN_SERVICE_MINUTES, type WeeklyReport } from '../../src/protocol/weekly-report';
import { JOURNEY_OUTCOMES } from '../../src/protocol/telemetry';
import { funnelChart, serviceTimeChart, throughputChart, type ReportChartOption } from '../../src/reports/report-charts';
import { reportChartSvg } from '../../src/reports/report-echarts';
import { formatTiyn } from '../../src/domain/fees';
import { formatAlmatyDateTime } from '../../src/domain/receipt';
import { DEFAULT_FAMILY, fontRuns, pdfFonts, svgTextAsOutlines } from './report-fonts';
import { problemWord, REPORT_TEXTS, type PdfLang, type ReportTexts } from './report-texts';

/*
 * The weekly report as a PDF in Russian or Kazakh (docs/api.md, "The weekly report's exports"): the header, the design
 * figures against the week's, the three charts (the console's ECharts options rendered to SVG on the
 * server) and every section as a table, the problems register last. pdfmake reads only the shipped
 * font files and fetches nothing.
 */

const { fonts, paths } = pdfFonts();
// pdfmake is one instance per process: its fonts and policies are set once, here.
pdfMake.setFonts(fonts);
pdfMake.setUrlAccessPolicy(() => false);
pdfMake.setLocalAccessPolicy((path) => paths.has(path));

const NBSP = '\u00a0';
/** A4's width less the margins, in points. */
const CONTENT_WIDTH = 595 - 2 * 40;
const CHART_PX = { width: 720, height: 320 };

/** Text set in runs of the faces that have its letters. */
function t(text: string, style: { bold?: boolean; fontSize?: number; style?: string } = {}): Content {
  return { text: fontRuns(text).map((r) => ({ text: r.text, font: r.font })), ...style };
}

const integer = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, NBSP);
const decimal = (n: number, digits = 1) => {
  const [whole, fraction] = n.toFixed(digits).split('.');
  return fraction ? `${integer(Number(whole))},${fraction}` : integer(n);
};
const orDash = <T>(value: T | null, format: (v: T) => string) => (value === null ? '—' : format(value));
const percent = (share: number | null) => orDash(share, (s) => `${decimal(s * 100)}${NBSP}%`);
const minutes = (seconds: number | null, x: ReportTexts) => orDash(seconds, (s) => `${decimal(s / 60)}${NBSP}${x.units.minutes}`);

function table(header: readonly string[], rows: readonly (readonly string[])[], x: ReportTexts, widths?: (string | number)[]): Content {
  const body: TableCell[][] = [header.map((h) => t(h, { bold: true }))];
  if (rows.length === 0) body.push([{ ...(t(x.noRows) as object), colSpan: header.length }, ...header.slice(1).map(() => '')] as TableCell[]);
  for (const row of rows) body.push(row.map((cell) => t(cell)));
  return { table: { headerRows: 1, widths: widths ?? header.map(() => '*'), body }, layout: 'lightHorizontalLines', margin: [0, 4, 0, 12], fontSize: 9 };
}

const heading = (text: string): Content => ({ ...(t(text, { bold: true, fontSize: 12 }) as object), margin: [0, 8, 0, 2] }) as Content;

function chart(option: ReportChartOption): Content {
  return { svg: svgTextAsOutlines(reportChartSvg(option, CHART_PX.width, CHART_PX.height)), width: CONTENT_WIDTH, margin: [0, 6, 0, 6] };
}

export function reportDocument(r: WeeklyReport, lang: PdfLang): TDocumentDefinitions {
  const x = REPORT_TEXTS[lang];
  const c = x.columns;
  const s = x.sections;
  const outcomes = x.charts.funnel.outcomes;
  const steps = x.charts.funnel.steps;
  const date = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  const content: Content[] = [
    t(x.title, { bold: true, fontSize: 18 }),
    t(`${r.scopeName[lang]} · ${x.week} ${r.week} · ${date(r.from)} — ${date(r.to)}`, { fontSize: 12 }),
    t(`${x.terminals}: ${integer(r.terminals)} · ${x.generatedAt}: ${formatAlmatyDateTime(r.generatedAt)}`, { fontSize: 9 }),

    heading(s.design),
    table(
      [c.figure, c.design, c.actual],
      [
        [x.design.serviceTime, `${DESIGN_SERVICE_MINUTES}${NBSP}${x.units.minutes}`, `${c.median} ${minutes(r.serviceTime.medianS, x)}; ${c.overShare}: ${percent(r.serviceTime.over5MinShare)}`],
        [x.design.perDay, integer(DESIGN_APPLICATIONS_A_DAY), orDash(r.throughput.perTerminalDay, (v) => decimal(v))],
        [x.design.perMonth, integer(DESIGN_APPLICATIONS_A_MONTH), orDash(r.throughput.perTerminalMonth, (v) => decimal(v))],
      ],
      x,
      ['*', 'auto', '*'],
    ),

    chart(funnelChart(r, x.charts)),
    chart(serviceTimeChart(r, x.charts)),
    chart(throughputChart(r, x.charts)),

    heading(s.journeys),
    table(
      [c.started, c.applications, c.completionRate, c.folded],
      [[integer(r.journeys.started), integer(r.journeys.applications), percent(r.journeys.completionRate), integer(r.journeys.folded)]],
      x,
    ),
    heading(s.byService),
    table(
      [c.service, c.document, c.started, c.applications],
      r.journeys.byService.map((b) => [b.service ?? '—', b.document ?? '—', integer(b.started), integer(b.applications)]),
      x,
    ),
    heading(s.funnel),
    table(
      [c.step, c.reached, c.left],
      r.funnel.map((f) => [
        steps[f.step] ?? f.step,
        integer(f.reached),
        f.left
          .filter((l) => l.count > 0)
          .sort((a, b) => JOURNEY_OUTCOMES.indexOf(a.outcome) - JOURNEY_OUTCOMES.indexOf(b.outcome))
          .map((l) => `${outcomes[l.outcome] ?? l.outcome}: ${integer(l.count)}`)
          .join('; '),
      ]),
      x,
      ['auto', 'auto', '*'],
    ),
    heading(s.refusals),
    table([c.code, c.count], r.refusals.map((f) => [f.code, integer(f.count)]), x),
    heading(s.operator),
    table([c.cause, c.count], r.operator.map((o) => [o.cause, integer(o.count)]), x),
    heading(s.serviceTime),
    table(
      [c.measured, c.median, c.p90, c.overShare],
      [[integer(r.serviceTime.measured), minutes(r.serviceTime.medianS, x), minutes(r.serviceTime.p90S, x), percent(r.serviceTime.over5MinShare)]],
      x,
    ),
    heading(s.throughput),
    table(
      [c.perTerminalDay, c.perTerminalMonth, c.openHours, c.utilisation],
      [
        [
          orDash(r.throughput.perTerminalDay, (v) => decimal(v)),
          orDash(r.throughput.perTerminalMonth, (v) => decimal(v)),
          decimal(r.throughput.openHours),
          percent(r.throughput.utilisation),
        ],
      ],
      x,
    ),
    table([c.date, c.journeys, c.applications], r.throughput.days.map((d) => [date(d.date), integer(d.journeys), integer(d.applications)]), x),
    heading(s.offline),
    table(
      [c.offlineShare, c.arrivals, c.median, c.p95, c.max],
      [
        [
          percent(r.offline.journeyShare),
          integer(r.offline.arrival.applications),
          minutes(r.offline.arrival.medianS, x),
          minutes(r.offline.arrival.p95S, x),
          minutes(r.offline.arrival.maxS, x),
        ],
      ],
      x,
    ),
    heading(s.outOfOrder),
    table([c.fault, c.minutes], r.outOfOrder.map((o) => [o.fault, decimal(o.minutes, 0)]), x),
    heading(s.deviceFaults),
    table([c.device, c.code, c.count], r.deviceFaults.map((d) => [d.device, d.code, integer(d.count)]), x),
    heading(s.fees),
    table(
      [c.kind, c.journeys, c.amount],
      [
        [x.fees.paid, integer(r.fees.paid.journeys), formatTiyn(r.fees.paid.tiyn, lang)],
        [x.fees.exempt, integer(r.fees.exempt.journeys), '—'],
        [x.fees.deferred, integer(r.fees.deferred.journeys), formatTiyn(r.fees.deferred.tiyn, lang)],
      ],
      x,
    ),
    heading(s.problems),
    table(
      [c.happenedAt, c.centre, c.category, c.description, c.actionTaken, c.status],
      r.problems.map((p) => [
        formatAlmatyDateTime(p.happenedAt),
        p.terminalId ? `${p.centreId} / ${p.terminalId}` : p.centreId,
        `${problemWord(x, p.category)} (${problemWord(x, p.source)})`,
        p.description,
        p.actionTaken,
        problemWord(x, p.status),
      ]),
      x,
      [52, 70, 55, '*', '*', 52],
    ),
  ];
  return {
    info: { title: `${x.title} ${r.week} ${r.scopeName[lang]}`, creator: 'documentation-kiosk' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: DEFAULT_FAMILY, fontSize: 10 },
    footer: (page, pages) => ({ text: `${r.week} · ${page} / ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 10, 0, 0] }),
    content,
  };
}

/** The report as PDF bytes. */
export async function reportPdf(report: WeeklyReport, lang: PdfLang): Promise<Buffer> {
  return pdfMake.createPdf(reportDocument(report, lang)).getBuffer();
}
