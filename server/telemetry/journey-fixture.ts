import { randomUUID } from 'node:crypto';
import type { JourneyRecord, TelemetryBatch } from '../../src/protocol/telemetry';

/**
 * For tests: a journey that ended with a receipt, begun at `startedAt` and four minutes long, its
 * fields changed by `change`.
 */
export function journeyRecord(startedAt: Date, change: Partial<JourneyRecord> = {}): JourneyRecord {
  const at = (s: number) => new Date(startedAt.getTime() + s * 1000).toISOString();
  return {
    v: 1,
    sessionId: randomUUID(),
    startedAt: at(0),
    endedAt: at(240),
    lang: 'kk',
    service: '04',
    document: 'id_card',
    steps: [
      { step: 'language', at: at(0) },
      { step: 'service', at: at(10) },
      { step: 'iin', at: at(30) },
      { step: 'phone', at: at(60) },
      { step: 'identify', at: at(90) },
      { step: 'photo', at: at(120) },
      { step: 'signature', at: at(150) },
      { step: 'payment', at: at(170) },
      { step: 'receipt', at: at(230) },
    ],
    outcome: 'receipt',
    outcomeStep: 'receipt',
    outcomeCode: null,
    offlineSteps: [],
    faults: [],
    serviceMs: 238_000,
    fee: { kind: 'paid', amountTiyn: 393_200 },
    ...change,
  };
}

/** A journey left at the IIN step by pressing cancel. */
export function cancelledJourney(startedAt: Date, change: Partial<JourneyRecord> = {}): JourneyRecord {
  const at = (s: number) => new Date(startedAt.getTime() + s * 1000).toISOString();
  return journeyRecord(startedAt, {
    endedAt: at(45),
    document: null,
    steps: [
      { step: 'language', at: at(0) },
      { step: 'service', at: at(10) },
      { step: 'iin', at: at(30) },
    ],
    outcome: 'cancel',
    outcomeStep: 'iin',
    serviceMs: null,
    fee: null,
    ...change,
  });
}

export function telemetryBatch(change: Partial<TelemetryBatch> = {}): TelemetryBatch {
  return { v: 1, journeys: [], folds: [], ...change };
}
