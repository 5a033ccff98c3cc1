import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { FoldedCounts } from '../protocol/telemetry';
import { foldRecords, kzDay } from './fold';
import { journeyRecord } from './record-fixture';

let ids = 0;
const newId = () => `10000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

describe('folding the oldest records into counts', () => {
  it('counts journeys by the Kazakhstan day of their first touch, outcome and step', () => {
    const evening = Date.parse('2026-12-06T18:59:00Z'); // 23:59 in Astana
    const records = [
      journeyRecord(1, evening),
      journeyRecord(2, evening + 60_000), // 00:00 the next day in Astana
      { ...journeyRecord(3, evening + 120_000), outcome: 'cancel' as const, outcomeStep: 'identify' as const },
      journeyRecord(4, evening + 180_000),
    ];
    const [fold, ...more] = foldRecords(records, newId);
    expect(more).toEqual([]);
    expect(fold?.rows).toEqual([
      { day: '2026-12-06', outcome: 'receipt', outcomeStep: 'done', journeys: 1 },
      { day: '2026-12-07', outcome: 'cancel', outcomeStep: 'identify', journeys: 1 },
      { day: '2026-12-07', outcome: 'receipt', outcomeStep: 'done', journeys: 2 },
    ]);
    expect(Value.Check(FoldedCounts, fold)).toBe(true);
  });

  it('puts the Kazakhstan day five hours ahead of UTC all year', () => {
    expect(kzDay('2026-06-30T19:00:00.000Z')).toBe('2026-07-01');
    expect(kzDay('2026-12-31T18:59:59.999Z')).toBe('2026-12-31');
  });

  it('measures a full record: about 1 KB of JSON, what the cap of 20,000 is reckoned from', () => {
    const size = new TextEncoder().encode(JSON.stringify(journeyRecord(1, Date.parse('2026-12-07T04:00:00Z')))).length;
    expect(size).toBeGreaterThan(800);
    expect(size).toBeLessThan(1_200);
  });
});
