/*
 * Where a seated citizen can touch the screen (issue 14's low layout). EN 301 549 §8.3.2.x takes
 * the reach ranges of the ADA / ISO 21542: an operable part between 380 mm and 1,220 mm above the
 * floor, forward or side reach. The profile gives the visible screen's height and the height of its
 * lower edge; the kiosk keeps every control within the share of the screen that lies in that range.
 */

export const REACH_MM = { low: 380, high: 1220 } as const;

/** The visible screen: its height and the height of its lower edge above the floor, in mm. */
export interface ScreenGeometry {
  heightMm: number;
  bottomMm: number;
}

/**
 * A 32" portrait floor kiosk: a 16:9 panel 708 mm tall (32" diagonal × 16/√337), its lower edge
 * 850 mm above the floor, so that its middle is at a standing adult's eye line (about 1,200 mm).
 */
export const DEFAULT_SCREEN: Readonly<ScreenGeometry> = { heightMm: 708, bottomMm: 850 };

/** What the profile accepts, in mm: a screen from a tablet's to a wall's, its edge from the floor to above a head. */
export const SCREEN_LIMITS = {
  heightMm: { min: 100, max: 3000 },
  bottomMm: { min: 0, max: 2500 },
} as const satisfies Record<keyof ScreenGeometry, { min: number; max: number }>;

/**
 * The band of the screen within reach, as shares of its height counted from its top edge (0 the
 * top, 1 the bottom), with the band's heights above the floor; null when no part is within reach.
 */
export interface ReachBand {
  top: number;
  bottom: number;
  fromMm: number;
  toMm: number;
}

export function reachBand(screen: ScreenGeometry): ReachBand | null {
  const topMm = screen.bottomMm + screen.heightMm;
  const toMm = Math.min(topMm, REACH_MM.high);
  const fromMm = Math.max(screen.bottomMm, REACH_MM.low);
  if (screen.heightMm <= 0 || toMm <= fromMm) return null;
  return { top: (topMm - toMm) / screen.heightMm, bottom: (topMm - fromMm) / screen.heightMm, fromMm, toMm };
}

export type MillimetreProblem = 'not_a_number' | 'out_of_range';

/** A length typed by a technician or given in the query string: whole millimetres within the field's limits. */
export function readMillimetres(field: keyof ScreenGeometry, text: string): { ok: true; mm: number } | { ok: false; problem: MillimetreProblem } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: 'not_a_number' };
  const mm = Number(trimmed);
  const { min, max } = SCREEN_LIMITS[field];
  return mm < min || mm > max ? { ok: false, problem: 'out_of_range' } : { ok: true, mm };
}
