import { STEP_IDS } from '../flow/steps';
import { TELEMETRY_VERSION, type JourneyRecord } from '../protocol/telemetry';

/** For tests: the n-th session id, a valid v4-shaped uuid. */
export const sessionIdOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * For tests: a full journey, first touch `startedAt` (ms), through every step to the receipt, paid,
 * with one step offline and one printer fault: as big as an ordinary record gets.
 */
export function journeyRecord(n: number, startedAt: number): JourneyRecord {
  const steps = STEP_IDS.slice(1).map((step, i) => ({ step, at: new Date(startedAt + i * 30_000).toISOString() }));
  const endedAt = startedAt + (steps.length - 1) * 30_000;
  return {
    v: TELEMETRY_VERSION,
    sessionId: sessionIdOf(n),
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(endedAt).toISOString(),
    lang: 'kk',
    service: '09',
    document: 'id_card',
    steps,
    outcome: 'receipt',
    outcomeStep: 'done',
    outcomeCode: null,
    offlineSteps: ['payment'],
    faults: [{ device: 'printer', code: 'paper_low' }],
    serviceMs: endedAt - startedAt,
    fee: { kind: 'paid', amountTiyn: 86_500 },
  };
}
