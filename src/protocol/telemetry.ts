import { Type, type Static } from '@sinclair/typebox';
import { STEP_IDS } from '../flow/steps';
import { DocumentKind, IsoDate, IsoDateTime, Lang, MAX_INT32, ServiceCode, Uuid } from './common';

/*
 * The pilot's telemetry (docs/pilot-report.md): one anonymous record per journey, kept by the kiosk
 * in IndexedDB and sent with the drain, signed as every terminal request is
 * (src/protocol/terminal-request.ts, which also names the terminal). No IIN, name, phone, image or
 * application id: step ids, codes, times and the fee, so a record says nothing about who it was.
 */

export const TELEMETRY_VERSION = 1;

export const StepIdSchema = Type.Union(STEP_IDS.map((step) => Type.Literal(step)));

/** A refusal's code, a fault's code, the cause of sending to an operator: a pattern, so a newer kiosk's code is still heard. */
export const TelemetryCode = Type.String({ pattern: '^[a-z][a-z0-9_]{0,47}$' });

/**
 * How a journey ended: `receipt` (the citizen took their receipt), `cancel` (pressed cancel),
 * `idle` (walked away), `refused` (the rules said no: `code`), `operator` (sent to an operator:
 * `code` is the cause — face_not_matched, liveness_failed, camera_missing…), `interrupted` (the
 * kiosk reloaded or restarted in the middle; closed at the next start).
 */
export const JOURNEY_OUTCOMES = ['receipt', 'cancel', 'idle', 'refused', 'operator', 'interrupted'] as const;
export type JourneyOutcome = (typeof JOURNEY_OUTCOMES)[number];
export const JourneyOutcomeSchema = Type.Union(JOURNEY_OUTCOMES.map((o) => Type.Literal(o)));

export const FEE_KINDS = ['paid', 'exempt', 'deferred'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

/** Bounds that keep one record small whatever a kiosk does (a citizen going back and forth). */
export const MAX_RECORD_STEPS = 64;
export const MAX_RECORD_FAULTS = 16;

export const JourneyRecord = Type.Object(
  {
    v: Type.Literal(TELEMETRY_VERSION),
    sessionId: Uuid,
    /** The first touch. */
    startedAt: IsoDateTime,
    endedAt: IsoDateTime,
    lang: Type.Union([Lang, Type.Null()]),
    service: Type.Union([ServiceCode, Type.Null()]),
    document: Type.Union([DocumentKind, Type.Null()]),
    /** Each step entered, in order, with when. */
    steps: Type.Array(Type.Object({ step: StepIdSchema, at: IsoDateTime }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: MAX_RECORD_STEPS,
    }),
    outcome: JourneyOutcomeSchema,
    /** The step the journey ended at. */
    outcomeStep: StepIdSchema,
    /** The refusal's code, or the cause of sending to an operator; null for the other outcomes. */
    outcomeCode: Type.Union([TelemetryCode, Type.Null()]),
    /** Steps that went on without the back office (src/flow/offline-policy.ts). */
    offlineSteps: Type.Array(StepIdSchema, { maxItems: STEP_IDS.length, uniqueItems: true }),
    faults: Type.Array(
      Type.Object(
        { device: Type.Union([Type.Literal('printer'), Type.Literal('scanner'), Type.Literal('camera'), Type.Literal('pad')]), code: TelemetryCode },
        { additionalProperties: false },
      ),
      { maxItems: MAX_RECORD_FAULTS },
    ),
    /** First touch to the receipt taken, for a journey that ended with a receipt; null otherwise. */
    serviceMs: Type.Union([Type.Integer({ minimum: 0, maximum: MAX_INT32 }), Type.Null()]),
    /** The fee as the journey settled it; null where it never got that far. */
    fee: Type.Union([
      Type.Object(
        {
          kind: Type.Union(FEE_KINDS.map((k) => Type.Literal(k))),
          /** Null for `exempt`, and for `deferred` when the kiosk did not know the amount. */
          amountTiyn: Type.Union([Type.Integer({ minimum: 0, maximum: 100_000_000 }), Type.Null()]),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);
export type JourneyRecord = Static<typeof JourneyRecord>;

/**
 * Journeys a kiosk kept only as counts when its store ran short: the oldest records, folded into
 * one count per Kazakhstan day, outcome and step. `foldId` is made when folding: sent again, adds nothing.
 */
export const FoldedCounts = Type.Object(
  {
    foldId: Uuid,
    rows: Type.Array(
      Type.Object(
        { day: IsoDate, outcome: JourneyOutcomeSchema, outcomeStep: StepIdSchema, journeys: Type.Integer({ minimum: 1, maximum: MAX_INT32 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type FoldedCounts = Static<typeof FoldedCounts>;

export const MAX_BATCH_JOURNEYS = 200;

/** POST /api/v1/terminals/telemetry (signed by the terminal). */
export const TelemetryBatch = Type.Object(
  {
    v: Type.Literal(TELEMETRY_VERSION),
    journeys: Type.Array(JourneyRecord, { maxItems: MAX_BATCH_JOURNEYS }),
    folds: Type.Array(FoldedCounts, { maxItems: 16 }),
  },
  { additionalProperties: false },
);
export type TelemetryBatch = Static<typeof TelemetryBatch>;

/**
 * 200: every record and fold of the batch is now the back office's (new or already held), and may
 * leave the kiosk; `conflicts` are session ids the back office holds with another body — kept there
 * as first received, dropped by the kiosk and written to its technician log.
 */
export const TelemetryReceived = Type.Object(
  {
    journeys: Type.Array(Uuid),
    folds: Type.Array(Uuid),
    conflicts: Type.Array(Uuid),
  },
  { additionalProperties: false },
);
export type TelemetryReceived = Static<typeof TelemetryReceived>;
