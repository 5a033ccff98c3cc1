import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { WeeklyReport } from '../protocol/weekly-report';
import { registerWireFormats } from '../protocol/formats';
import { applicationsPerTerminal, funnelChart, serviceTimeChart, throughputChart, type ReportChartLabels } from './report-charts';
import { reportChartSvg } from './report-echarts';
import { reportFixture } from './report-fixture';

const labels: ReportChartLabels = {
  thisWeek: 'This week',
  weekBefore: 'Week before',
  funnel: { title: 'Funnel', reached: 'Reached', steps: { iin: 'IIN' }, outcomes: { cancel: 'Cancelled', operator: 'To an operator' } },
  serviceTime: { title: 'Service time', median: 'Median', p90: '90th percentile', minutes: 'min', design: '5 min', overShare: 'Over 5 min' },
  throughput: { title: 'Applications a day per terminal', perTerminal: 'per terminal', design: '108 a day', weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] },
};

type Bar = { id?: string; name?: string; data?: unknown[]; markLine?: { data?: { yAxis?: number }[] } };
const seriesOf = (option: ReturnType<typeof funnelChart>) => option.series as Bar[];
const byId = (option: ReturnType<typeof funnelChart>, id: string) => seriesOf(option).find((s) => s.id === id);

describe('the report fixture', () => {
  it('is a valid WeeklyReport for the week it names', () => {
    registerWireFormats();
    const report = reportFixture({ week: '2026-W53' });
    expect([...Value.Errors(WeeklyReport, report)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
    expect([report.from, report.to]).toEqual(['2026-12-28', '2027-01-03']);
    expect(reportFixture({ week: '2027-W01' }).from).toBe('2027-01-04');
  });
});

describe('funnelChart', () => {
  const report = reportFixture();
  const option = funnelChart(report, labels);

  it('draws how many reached each step, in the report order, named in the reader language', () => {
    expect(byId(option, 'reached')?.data).toEqual(report.funnel.map((s) => s.reached));
    expect((option.xAxis as { data: string[] }).data).toEqual(report.funnel.map((s) => (s.step === 'iin' ? 'IIN' : s.step)));
  });

  it('stacks where the others left, by outcome, with the count of each step', () => {
    const cancelled = byId(option, 'left-cancel');
    expect(cancelled?.name).toBe('Cancelled');
    expect(cancelled?.data).toEqual(report.funnel.map((s) => s.left.find((l) => l.outcome === 'cancel')?.count ?? 0));
    const leftTotal = seriesOf(option).filter((s) => s.id?.startsWith('left-')).reduce((sum, s) => sum + (s.data as number[]).reduce((a, b) => a + b, 0), 0);
    expect(leftTotal).toBe(report.journeys.started - report.journeys.applications);
    expect(byId(option, 'left-receipt')).toBeUndefined();
  });

  it('adds the week before only when given', () => {
    expect(byId(option, 'reached-before')).toBeUndefined();
    const previous = reportFixture({ week: '2026-W48', scale: 0.9 });
    const compared = funnelChart(report, labels, { previous });
    expect(byId(compared, 'reached-before')?.data).toEqual(previous.funnel.map((s) => s.reached));
  });
});

describe('serviceTimeChart', () => {
  it('draws median and p90 in minutes against the 5-minute line, with the share over it', () => {
    const report = reportFixture();
    const option = serviceTimeChart(report, labels);
    const bars = byId(option, 'this-week');
    expect(bars?.data).toEqual([report.serviceTime.medianS! / 60, report.serviceTime.p90S! / 60].map((m) => Math.round(m * 10) / 10));
    expect(bars?.markLine?.data).toEqual([{ yAxis: 5 }]);
    expect((option.title as { subtext: string }).subtext).toBe(`Over 5 min: ${Math.round(report.serviceTime.over5MinShare! * 1000) / 10}%`);
    expect((option.yAxis as { max: number }).max).toBeGreaterThan(5);
  });

  it('shows an empty week as gaps, not zeros', () => {
    const report = reportFixture();
    report.serviceTime = { measured: 0, medianS: null, p90S: null, over5MinShare: null };
    const option = serviceTimeChart(report, labels, { previous: reportFixture({ week: '2026-W48' }) });
    expect(byId(option, 'this-week')?.data).toEqual([null, null]);
    expect(byId(option, 'week-before')?.data).toHaveLength(2);
    expect((option.title as { subtext: string }).subtext).toMatch(/^Over 5 min: — \(Week before: \d/);
  });
});

describe('throughputChart', () => {
  it('draws each day applications per terminal against 108 a day', () => {
    const report = reportFixture({ terminals: 50 });
    const option = throughputChart(report, labels);
    expect(byId(option, 'this-week')?.data).toEqual(report.throughput.days.map((d) => Math.round((d.applications / 50) * 10) / 10));
    expect(byId(option, 'this-week')?.markLine?.data).toEqual([{ yAxis: 108 }]);
    expect((option.xAxis as { data: string[] }).data[0]).toBe('Mo 30.11');
  });

  it('has no per-terminal figure for a scope where no terminal reported', () => {
    const report = reportFixture({ terminals: 0 });
    expect(applicationsPerTerminal(report).every((v) => v === null)).toBe(true);
  });

  it('matches the week before by weekday', () => {
    const previous = reportFixture({ week: '2026-W48', scale: 0.8 });
    const option = throughputChart(reportFixture(), labels, { previous });
    expect(byId(option, 'week-before')?.data).toEqual(applicationsPerTerminal(previous));
  });
});

describe('server-side rendering', () => {
  it('renders each chart to an SVG with its title and the design line', () => {
    const report = reportFixture();
    const svg = reportChartSvg(throughputChart(report, labels), 640, 320);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Applications a day per terminal');
    expect(svg).toContain('108 a day');
    expect(reportChartSvg(funnelChart(report, labels), 640, 320)).toContain('Funnel');
  });
});
