// The words inside the report's charts (src/reports/report-charts.ts), from the console's catalogue
// in its language, so the charts read as the tables beside them.
import { STEP_IDS, type StepId } from '../../src/flow/steps';
import type { Lang } from '../../src/protocol/common';
import { JOURNEY_OUTCOMES, type JourneyOutcome } from '../../src/protocol/telemetry';
import type { ReportChartLabels } from '../../src/reports/report-charts';
import { translate, type ConsoleKey } from '../i18n';

export function chartLabels(lang: Lang): ReportChartLabels {
  const t = (key: ConsoleKey) => translate(lang, key);
  const steps = Object.fromEntries(STEP_IDS.map((step) => [step, t(`report.step.${step}`)])) as Record<StepId, string>;
  const outcomes = Object.fromEntries(JOURNEY_OUTCOMES.map((outcome) => [outcome, t(`report.outcome.${outcome}`)])) as Record<JourneyOutcome, string>;
  return {
    thisWeek: t('report.chart.thisWeek'),
    weekBefore: t('report.chart.weekBefore'),
    funnel: { title: t('report.chart.funnel'), reached: t('report.col.reached'), steps, outcomes },
    serviceTime: {
      title: t('report.chart.serviceTime'),
      median: t('report.col.median'),
      p90: t('report.col.p90'),
      minutes: t('report.chart.minutes'),
      design: t('report.chart.design5'),
      overShare: t('report.chart.overShare'),
    },
    throughput: {
      title: t('report.chart.throughput'),
      perTerminal: t('report.chart.perTerminal'),
      design: t('report.chart.design108'),
      weekdays: [t('day.mon'), t('day.tue'), t('day.wed'), t('day.thu'), t('day.fri'), t('day.sat'), t('day.sun')],
    },
  };
}
