import type { MrpByYear } from '../../src/domain/fees';
import type { Queryable } from '../db/database';

/**
 * The MRP by year as the back office holds it (table mrp_by_year): read at each fee, so a figure
 * entered today counts from the next request, in every process, with no release.
 */
export async function mrpByYear(db: Queryable): Promise<MrpByYear> {
  const { rows } = await db.query<{ year: number; mrp_kzt: number }>('SELECT year, mrp_kzt FROM mrp_by_year');
  return Object.fromEntries(rows.map((row) => [row.year, row.mrp_kzt]));
}
