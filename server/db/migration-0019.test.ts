import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteFeeWith } from '../../src/domain/reference-data';
import { documentInForce } from '../repositories/reference-data';
import type { Database } from './database';
import { migrate } from './migrate';
import { openMigratedBefore } from './test-database';

describe('0019: the MRP rows become version 1 of the reference data', () => {
  const REFERENCE_DATA = '0019_reference_data.sql';
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openMigratedBefore(REFERENCE_DATA, 'refdata'));
  }, 60_000);
  afterAll(() => close(), 60_000);

  it('keeps a year entered by hand before it, and fees are counted with it', async () => {
    // As docs/reference-data.md told operators to, before the console existed.
    await db.query("INSERT INTO mrp_by_year (year, mrp_kzt, source) VALUES (2027, 4593, 'Law on the republican budget for 2027–2029')");
    expect(await migrate(db)).toContain(REFERENCE_DATA);

    const version1 = await documentInForce(db, '2027-01-04');
    expect(version1).toMatchObject({ version: 1, effectiveFrom: '2024-01-01' });
    expect(version1.mrpByYear).toEqual([
      { year: 2024, mrpKzt: 3692 },
      { year: 2025, mrpKzt: 3932 },
      { year: 2026, mrpKzt: 4325 },
      { year: 2027, mrpKzt: 4593 },
    ]);
    // 8 MRP of 4,593 ₸ for a passport made in January 2027.
    expect(quoteFeeWith({ service: '16', document: 'passport', on: '2027-01-04', lostIdCardsThisYear: 0 }, version1).amountTiyn).toBe(3_674_400);
    // One source of truth: the old table is gone.
    await expect(db.query('SELECT 1 FROM mrp_by_year')).rejects.toThrow(/mrp_by_year/);
  });
});
