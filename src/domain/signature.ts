// Is what was drawn on the pad plausibly a signature? Only the obvious failures are caught — an
// accidental tap, a tiny tick, a single line — because the document office compares the
// signature itself; refusing a real but simple signature would strand the citizen.

export type Point = { x: number; y: number };
export type SignatureAssessment = { ok: true } | { ok: false; reason: 'empty' | 'too_small' | 'too_simple' };

/** The signature must span this share of the pad, as on the paper form's signature box. */
const MIN_WIDTH_SHARE = 0.15;
const MIN_HEIGHT_SHARE = 0.1;
const MIN_POINTS = 8;
/** Ink at least this many pad widths long: a short signature written across 15% of the pad already has more. */
const MIN_INK_WIDTHS = 0.25;
/**
 * Ink at least this many times the bounding box's diagonal: a straight stroke has exactly 1, while
 * writing turns back on itself. Even an "L" has 1.4.
 */
const MIN_INK_PER_DIAGONAL = 1.2;

export function assessSignature(strokes: ReadonlyArray<ReadonlyArray<Point>>, pad: { width: number; height: number }): SignatureAssessment {
  if (!(pad.width > 0 && pad.height > 0)) throw new RangeError(`the pad must have a positive size, got ${pad.width}×${pad.height}`);
  const points = strokes.flat();
  const first = points[0];
  if (first === undefined) return { ok: false, reason: 'empty' };

  let minX = first.x;
  let maxX = first.x;
  let minY = first.y;
  let maxY = first.y;
  for (const { x, y } of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  if (width < MIN_WIDTH_SHARE * pad.width || height < MIN_HEIGHT_SHARE * pad.height) return { ok: false, reason: 'too_small' };

  let ink = 0;
  for (const stroke of strokes) {
    for (let i = 1; i < stroke.length; i++) {
      const a = stroke[i - 1];
      const b = stroke[i];
      if (a !== undefined && b !== undefined) ink += Math.hypot(b.x - a.x, b.y - a.y);
    }
  }
  const diagonal = Math.hypot(width, height);
  if (points.length < MIN_POINTS || ink < MIN_INK_WIDTHS * pad.width || ink < MIN_INK_PER_DIAGONAL * diagonal) {
    return { ok: false, reason: 'too_simple' };
  }
  return { ok: true };
}
