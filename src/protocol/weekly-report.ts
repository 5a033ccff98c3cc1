import { Type, type Static } from '@sinclair/typebox';
import { DocumentKind, IsoDate, IsoDateTime, ServiceCode } from './common';
import { JourneyOutcomeSchema, StepIdSchema } from './telemetry';

/*
 * The weekly pilot report (docs/pilot-report.md): what server/reports/ computes for one ISO week
 * (Monday to Sunday on Kazakhstan's time, UTC+5) and one scope, what the console draws and the CSV
 * and PDF exports print. Counts and times only: never one citizen's data, so an analyst may read it.
 * GET /api/v1/staff/reports/weekly?week=2026-W49&scope=…&format=json|csv|pdf
 */

export const REPORT_VERSION = 1;

/** '2026-W49': ISO 8601 week-numbering year and week. */
export const IsoWeek = Type.String({ pattern: '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$' });

/** 'country', 'region:<code>', 'branch:<id>', 'centre:<id>', 'terminal:<id>'. */
export const ReportScope = Type.String({ pattern: '^(country|(region|branch|centre|terminal):[A-Za-z0-9_-]{1,32})$' });

/** The pilot order's design figures for one terminal. */
export const DESIGN_SERVICE_MINUTES = 5;
export const DESIGN_APPLICATIONS_A_DAY = 108;
export const DESIGN_APPLICATIONS_A_MONTH = 2376;

const Count = Type.Integer({ minimum: 0 });
/** 0…1, null where there is nothing to divide by. */
const Share = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
/** Seconds, null where there were no journeys to measure. */
const Seconds = Type.Union([Type.Number({ minimum: 0 }), Type.Null()]);

export const WeeklyReport = Type.Object(
  {
    v: Type.Literal(REPORT_VERSION),
    week: IsoWeek,
    /** Monday and Sunday of the week, Kazakhstan's dates. */
    from: IsoDate,
    to: IsoDate,
    scope: ReportScope,
    /** The scope's name in Russian and Kazakh ('Казахстан' for the country, the terminal's id or name). */
    scopeName: Type.Object({ ru: Type.String(), kk: Type.String() }),
    generatedAt: IsoDateTime,
    /** Terminals in the scope that sent anything this week (telemetry or a heartbeat). */
    terminals: Count,

    journeys: Type.Object({
      started: Count,
      /** Journeys that ended with a receipt. */
      applications: Count,
      completionRate: Share,
      /** Of `started`, the journeys a terminal kept only as counts (no times, faults or fees). */
      folded: Count,
      byService: Type.Array(
        Type.Object({ service: Type.Union([ServiceCode, Type.Null()]), document: Type.Union([DocumentKind, Type.Null()]), started: Count, applications: Count }),
      ),
    }),

    /** Each step of the journey in order: how many reached it, and how those who stopped there ended. */
    funnel: Type.Array(
      Type.Object({
        step: StepIdSchema,
        reached: Count,
        left: Type.Array(Type.Object({ outcome: JourneyOutcomeSchema, count: Count })),
      }),
    ),
    refusals: Type.Array(Type.Object({ code: Type.String(), count: Count })),
    /** Identifications sent to an operator, by cause. */
    operator: Type.Array(Type.Object({ cause: Type.String(), count: Count })),

    /** Of the journeys that ended with a receipt, first touch to receipt taken. */
    serviceTime: Type.Object({
      measured: Count,
      medianS: Seconds,
      p90S: Seconds,
      /** Share of measured journeys over DESIGN_SERVICE_MINUTES. */
      over5MinShare: Share,
    }),

    throughput: Type.Object({
      /** Monday to Sunday. */
      days: Type.Array(Type.Object({ date: IsoDate, journeys: Count, applications: Count })),
      /** Applications a day per terminal, over the days its centre was open. */
      perTerminalDay: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
      designDay: Type.Literal(DESIGN_APPLICATIONS_A_DAY),
      /** perTerminalDay × the working days of a month (2,376 / 108 = 22). */
      perTerminalMonth: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
      designMonth: Type.Literal(DESIGN_APPLICATIONS_A_MONTH),
      /** Hours the scope's terminals' centres were open this week, summed over terminals. */
      openHours: Type.Number({ minimum: 0 }),
      /** Time in journeys over the open hours. */
      utilisation: Share,
    }),

    offline: Type.Object({
      /** Of the journeys started, those with a step that went on offline. */
      journeyShare: Share,
      /** Of the applications that arrived this week by their receipt's time, receipt to arrival at the back office. */
      arrival: Type.Object({ applications: Count, medianS: Seconds, p95S: Seconds, maxS: Seconds }),
    }),

    /** Minutes out of order by the start screen's reason, clipped to the week. */
    outOfOrder: Type.Array(Type.Object({ fault: Type.String(), minutes: Type.Number({ minimum: 0 }) })),
    deviceFaults: Type.Array(Type.Object({ device: Type.String(), code: Type.String(), count: Count })),

    fees: Type.Object({
      paid: Type.Object({ journeys: Count, tiyn: Count }),
      exempt: Type.Object({ journeys: Count }),
      /** Amounts where the kiosk knew them. */
      deferred: Type.Object({ journeys: Count, tiyn: Count }),
    }),

    /** The problems register's entries of the week in this scope, with their status. */
    problems: Type.Array(
      Type.Object({
        id: Type.String(),
        centreId: Type.String(),
        terminalId: Type.Union([Type.String(), Type.Null()]),
        category: Type.String(),
        source: Type.String(),
        description: Type.String(),
        happenedAt: IsoDateTime,
        actionTaken: Type.String(),
        status: Type.String(),
      }),
    ),
  },
  { additionalProperties: false },
);
export type WeeklyReport = Static<typeof WeeklyReport>;
