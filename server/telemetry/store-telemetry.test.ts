import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openTestDatabase } from '../db/test-database';
import { cancelledJourney, journeyRecord, telemetryBatch } from './journey-fixture';
import { storeTelemetry } from './store-telemetry';

// The same batch taken at once by two back-office processes (a kiosk's retry racing its first
// try): each journey and fold kept once, and neither answer calls the other's copy a conflict.

describe('storeTelemetry, the same batch at once', () => {
  let db: Database;
  const now = new Date('2026-12-06T12:00:00.000Z');
  const sender = { terminalId: 'RACE-1', centreId: 'AST-03' };
  beforeAll(async () => {
    db = await openTestDatabase();
    await db.query(`INSERT INTO terminals (terminal_id, centre_id, created_at) VALUES ($1, $2, $3)`, [sender.terminalId, sender.centreId, now]);
  }, 60_000);
  afterAll(() => db.close(), 60_000);

  it('keeps each record once and answers each as stored, whatever the order', async () => {
    const batch = telemetryBatch({
      journeys: Array.from({ length: 40 }, (_, i) => (i % 2 ? journeyRecord(new Date(now.getTime() - (i + 1) * 600_000)) : cancelledJourney(new Date(now.getTime() - (i + 1) * 600_000)))),
      folds: [{ foldId: '6f1c2a9e-3b7d-4e21-9a55-0c8d1e2f3a4b', rows: [{ day: '2026-12-01', outcome: 'idle', outcomeStep: 'iin', journeys: 7 }] }],
    });
    // The retry reordered, as a kiosk's store may give the records back in another order.
    const reordered = { ...batch, journeys: [...batch.journeys].reverse() };
    const answers = await Promise.all([storeTelemetry(db, sender, batch, now), storeTelemetry(db, sender, reordered, now), storeTelemetry(db, sender, batch, now)]);
    const expected = { journeys: batch.journeys.map((r) => r.sessionId), folds: [batch.folds[0]!.foldId], conflicts: [] };
    expect(answers).toEqual([expected, { ...expected, journeys: [...expected.journeys].reverse() }, expected]);
    const { rows } = await db.query<{ journeys: number; counted: number }>(
      'SELECT (SELECT count(*)::int FROM journey_telemetry) AS journeys, (SELECT sum(journeys)::int FROM journey_telemetry_counts) AS counted',
    );
    expect(rows[0]).toEqual({ journeys: 40, counted: 7 });
  });
});
