import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import { DESIGN_APPLICATIONS_A_DAY, DESIGN_SERVICE_MINUTES, type WeeklyReport } from '../protocol/weekly-report';
import { JOURNEY_OUTCOMES, type JourneyOutcome } from '../protocol/telemetry';
import type { StepId } from '../flow/steps';

/*
 * The weekly report's three charts as Apache ECharts options: pure functions of the report and the
 * reader's texts, so the console (src/reports/report-echarts.ts registers only what these use) and
 * the server's PDF (SSR to SVG) draw the same numbers the CSV prints. No arithmetic beyond
 * presentation (seconds to minutes, a day's applications over the week's terminals): the report's
 * numbers come from SQL.
 */

export type ReportChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TitleComponentOption | TooltipComponentOption
>;

/** Texts in the reader's language; a missing step or outcome name falls back to its id. */
export interface ReportChartLabels {
  thisWeek: string;
  weekBefore: string;
  funnel: { title: string; reached: string; steps: Partial<Record<StepId, string>>; outcomes: Partial<Record<JourneyOutcome, string>> };
  serviceTime: { title: string; median: string; p90: string; minutes: string; design: string; overShare: string };
  throughput: { title: string; perTerminal: string; design: string; weekdays: readonly [string, string, string, string, string, string, string] };
}

/** The week before, when the reader asked to compare; its series are drawn pale beside this week's. */
export interface CompareWith {
  previous?: WeeklyReport | null;
}

const PALE = 0.45;
/** Outcomes of those who left, in the order the stack reads; `receipt` is not leaving. */
const LEAVING: readonly JourneyOutcome[] = JOURNEY_OUTCOMES.filter((o) => o !== 'receipt');

const toMinutes = (seconds: number | null): number | null => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);
const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** The value axis' top: the design line must show even when every bar is below it (a number, not a function, so the option stays plain data). */
function headroom(series: BarSeriesOption[], design: number): number {
  const values = series.flatMap((s) => (Array.isArray(s.data) ? s.data : [])).filter((v): v is number => typeof v === 'number');
  return Math.ceil(Math.max(design, ...values) * 1.15);
}

/**
 * The funnel: for each step in order, how many reached it (a bar) and, stacked beside it, how those
 * who stopped at that step ended (cancel, idle, refused, operator, interrupted).
 */
export function funnelChart(report: WeeklyReport, labels: ReportChartLabels, compare: CompareWith = {}): ReportChartOption {
  const steps = report.funnel.map((s) => s.step);
  const stepName = (step: StepId) => labels.funnel.steps[step] ?? step;
  const series: BarSeriesOption[] = [
    { id: 'reached', name: labels.funnel.reached, type: 'bar', data: report.funnel.map((s) => s.reached) },
  ];
  for (const outcome of LEAVING) {
    const counts = report.funnel.map((s) => s.left.find((l) => l.outcome === outcome)?.count ?? 0);
    if (counts.every((c) => c === 0)) continue;
    series.push({ id: `left-${outcome}`, name: labels.funnel.outcomes[outcome] ?? outcome, type: 'bar', stack: 'left', data: counts });
  }
  const previous = compare.previous;
  if (previous) {
    const reachedBefore = steps.map((step) => previous.funnel.find((s) => s.step === step)?.reached ?? 0);
    series.splice(1, 0, {
      id: 'reached-before',
      name: `${labels.funnel.reached} (${labels.weekBefore})`,
      type: 'bar',
      data: reachedBefore,
      itemStyle: { opacity: PALE },
    });
  }
  return {
    animation: false,
    title: { text: labels.funnel.title, left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 64 },
    xAxis: { type: 'category', data: steps.map(stepName), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

/**
 * Service time: median and p90 in minutes as bars against the design's 5-minute line, with the share
 * of measured journeys over it in the subtitle.
 */
export function serviceTimeChart(report: WeeklyReport, labels: ReportChartLabels, compare: CompareWith = {}): ReportChartOption {
  const l = labels.serviceTime;
  const bars = (r: WeeklyReport) => [toMinutes(r.serviceTime.medianS), toMinutes(r.serviceTime.p90S)];
  const series: BarSeriesOption[] = [
    {
      id: 'this-week',
      name: labels.thisWeek,
      type: 'bar',
      data: bars(report),
      label: { show: true, position: 'top' },
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { type: 'dashed', color: '#c0392b' },
        label: { formatter: l.design, position: 'insideEndTop' },
        data: [{ yAxis: DESIGN_SERVICE_MINUTES }],
      },
    },
  ];
  const previous = compare.previous;
  if (previous) series.push({ id: 'week-before', name: labels.weekBefore, type: 'bar', data: bars(previous), itemStyle: { opacity: PALE } });
  const overBefore = previous ? ` (${labels.weekBefore}: ${percent(previous.serviceTime.over5MinShare)})` : '';
  return {
    animation: false,
    title: { text: l.title, subtext: `${l.overShare}: ${percent(report.serviceTime.over5MinShare)}${overBefore}`, left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 64, bottom: 56 },
    xAxis: { type: 'category', data: [l.median, l.p90] },
    // The line must show even when every journey is quick.
    yAxis: { type: 'value', name: l.minutes, max: headroom(series, DESIGN_SERVICE_MINUTES) },
    series,
  };
}

/** A day's applications over the scope's terminals of the week; null where no terminal reported. */
export function applicationsPerTerminal(report: WeeklyReport): (number | null)[] {
  return report.throughput.days.map((d) => (report.terminals > 0 ? Math.round((d.applications / report.terminals) * 10) / 10 : null));
}

/**
 * Daily throughput: applications per terminal for each day Monday to Sunday against the design's
 * 108 a day; the week before is matched by weekday.
 */
export function throughputChart(report: WeeklyReport, labels: ReportChartLabels, compare: CompareWith = {}): ReportChartOption {
  const l = labels.throughput;
  const dayLabel = (date: string, i: number) => `${l.weekdays[i] ?? ''} ${date.slice(8, 10)}.${date.slice(5, 7)}`;
  const series: BarSeriesOption[] = [
    {
      id: 'this-week',
      name: labels.thisWeek,
      type: 'bar',
      data: applicationsPerTerminal(report),
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { type: 'dashed', color: '#c0392b' },
        label: { formatter: l.design, position: 'insideEndTop' },
        data: [{ yAxis: DESIGN_APPLICATIONS_A_DAY }],
      },
    },
  ];
  const previous = compare.previous;
  if (previous) series.push({ id: 'week-before', name: labels.weekBefore, type: 'bar', data: applicationsPerTerminal(previous), itemStyle: { opacity: PALE } });
  return {
    animation: false,
    title: { text: l.title, left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 64, bottom: 56 },
    xAxis: { type: 'category', data: report.throughput.days.map((d, i) => dayLabel(d.date, i)) },
    yAxis: { type: 'value', name: l.perTerminal, max: headroom(series, DESIGN_APPLICATIONS_A_DAY) },
    series,
  };
}
