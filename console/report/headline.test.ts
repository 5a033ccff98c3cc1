import { describe, expect, it } from 'vitest';
import { headlineFigures, isEmptyWeek, type Figure, type FigureId } from './headline';
import { Value } from '@sinclair/typebox/value';
import { WeeklyReport } from '../../src/protocol/weekly-report';
import { reportFixture as fullWeek } from '../../src/reports/report-fixture';

/** A week of 2026-W49 with the figures these tests speak of. */
function reportFixture(): WeeklyReport {
  const report = fullWeek();
  report.serviceTime.medianS = 270;
  report.serviceTime.over5MinShare = 0.25;
  report.throughput.perTerminalDay = 60.6;
  report.throughput.perTerminalMonth = 1333.2;
  report.journeys.completionRate = 0.786;
  return report;
}

const figure = (figures: Figure[], id: FigureId) => figures.find((f) => f.id === id)!;

describe("the report's headline figures", () => {
  it('reads the report as the back office sends it', () => {
    expect(Value.Check(WeeklyReport, reportFixture())).toBe(true);
  });

  it('holds each figure against the design one: 5 minutes, 108 a day, 2,376 a month', () => {
    const figures = headlineFigures(reportFixture(), null);
    expect(figure(figures, 'serviceMedian')).toMatchObject({ value: 4.5, design: 5, meetsDesign: true, change: null, tone: null });
    const perDay = figure(figures, 'perDay');
    expect(perDay.design).toBe(108);
    expect(perDay.meetsDesign).toBe(false);
    expect(figure(figures, 'perMonth')).toMatchObject({ design: 2376, meetsDesign: false });
    expect(figure(figures, 'completion')).toMatchObject({ design: null, meetsDesign: null });
  });

  it('says each change from the week before, and whether it is for the better', () => {
    const before = reportFixture();
    before.serviceTime.medianS = 300; // 5.0 min, now 4.5: shorter is better
    before.serviceTime.over5MinShare = 0.2; // 20 %, now 25 %: more over 5 minutes is worse
    before.journeys.completionRate = 0.7; // now 78.6 %
    const figures = headlineFigures(reportFixture(), before);
    expect(figure(figures, 'serviceMedian')).toMatchObject({ change: -0.5, tone: 'better' });
    expect(figure(figures, 'over5')).toMatchObject({ change: 5, tone: 'worse' });
    expect(figure(figures, 'completion')).toMatchObject({ change: 8.6, tone: 'better' });
    expect(figure(figures, 'offline')).toMatchObject({ change: 0, tone: 'same' }); // not changed above
    expect(figure(figures, 'started')).toMatchObject({ change: 0, tone: 'same' });
  });

  it('calls a change below what is shown no change, and has none where a week had nothing to measure', () => {
    const before = reportFixture();
    before.journeys.completionRate = reportFixture().journeys.completionRate! - 0.0004;
    before.serviceTime.medianS = null;
    const figures = headlineFigures(reportFixture(), before);
    expect(figure(figures, 'completion')).toMatchObject({ change: 0, tone: 'same' });
    expect(figure(figures, 'serviceMedian')).toMatchObject({ value: 4.5, change: null, tone: null });
  });

  it('knows a week without journeys', () => {
    const empty = reportFixture();
    expect(isEmptyWeek(empty)).toBe(false);
    empty.journeys.started = 0;
    expect(isEmptyWeek(empty)).toBe(true);
  });
});
