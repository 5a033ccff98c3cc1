// The report's headline: each figure of the pilot order against its design value, with its change
// from the week before and whether that change is for the better. Arithmetic only; the words and
// number formats are the page's (Headline.svelte through report-format.ts).
import { DESIGN_APPLICATIONS_A_DAY, DESIGN_APPLICATIONS_A_MONTH, DESIGN_SERVICE_MINUTES, type WeeklyReport } from '../../src/protocol/weekly-report';

export const FIGURE_IDS = ['started', 'applications', 'serviceMedian', 'over5', 'perDay', 'perMonth', 'completion', 'offline'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** How a figure is written: a count, minutes, a share (its change in percentage points), a decimal. */
export type FigureUnit = 'count' | 'minutes' | 'share' | 'decimal';
export type Tone = 'better' | 'worse' | 'same';

export type Figure = {
  id: FigureId;
  unit: FigureUnit;
  /** In the unit's own terms: minutes for 'minutes', 0…1 for 'share'. */
  value: number | null;
  /** The design figure it is held against, if the pilot order sets one. */
  design: number | null;
  /** null where there is no design figure or no value. */
  meetsDesign: boolean | null;
  /** value − the week before's; for a share, in percentage points. null where either is missing. */
  change: number | null;
  tone: Tone | null;
};

type Definition = { unit: FigureUnit; better: 'higher' | 'lower' | null; design: number | null; read: (r: WeeklyReport) => number | null };

const minutes = (seconds: number | null) => (seconds === null ? null : seconds / 60);

const DEFINITIONS: Record<FigureId, Definition> = {
  started: { unit: 'count', better: null, design: null, read: (r) => r.journeys.started },
  applications: { unit: 'count', better: 'higher', design: null, read: (r) => r.journeys.applications },
  serviceMedian: { unit: 'minutes', better: 'lower', design: DESIGN_SERVICE_MINUTES, read: (r) => minutes(r.serviceTime.medianS) },
  over5: { unit: 'share', better: 'lower', design: null, read: (r) => r.serviceTime.over5MinShare },
  perDay: { unit: 'decimal', better: 'higher', design: DESIGN_APPLICATIONS_A_DAY, read: (r) => r.throughput.perTerminalDay },
  perMonth: { unit: 'decimal', better: 'higher', design: DESIGN_APPLICATIONS_A_MONTH, read: (r) => r.throughput.perTerminalMonth },
  completion: { unit: 'share', better: 'higher', design: null, read: (r) => r.journeys.completionRate },
  offline: { unit: 'share', better: 'lower', design: null, read: (r) => r.offline.journeyShare },
};

/**
 * A change smaller than what the page shows (0.1 of the unit; 0.1 percentage point) is no change:
 * "+0" next to a green arrow would say the opposite of the figures.
 */
function roundedChange(unit: FigureUnit, value: number, previous: number): number {
  const diff = unit === 'share' ? (value - previous) * 100 : value - previous;
  return Math.round(diff * 10) / 10;
}

function toneOf(change: number, better: Definition['better']): Tone | null {
  if (change === 0) return 'same';
  if (better === null) return null;
  return (change > 0) === (better === 'higher') ? 'better' : 'worse';
}

function meets(id: FigureId, value: number, design: number): boolean {
  return DEFINITIONS[id].better === 'lower' ? value <= design : value >= design;
}

/** The headline figures of a week, each against the week before (null: that week could not be read). */
export function headlineFigures(report: WeeklyReport, previous: WeeklyReport | null): Figure[] {
  return FIGURE_IDS.map((id) => {
    const { unit, better, design, read } = DEFINITIONS[id];
    const value = read(report);
    const before = previous ? read(previous) : null;
    const change = value === null || before === null ? null : roundedChange(unit, value, before);
    return {
      id,
      unit,
      value,
      design,
      meetsDesign: value === null || design === null ? null : meets(id, value, design),
      change,
      tone: change === null ? null : toneOf(change, better),
    };
  });
}

/** A week with no journey at all in the scope: the page says so instead of drawing empty charts. */
export function isEmptyWeek(report: WeeklyReport): boolean {
  return report.journeys.started === 0;
}
