import type { Polygon } from './receipt-font';

/** A 1-bit image, one byte per dot (1 = black), rows top to bottom: a stretch of receipt paper. */
export interface Bitmap {
  width: number;
  height: number;
  dots: Uint8Array;
}

export function blankBitmap(width: number, height: number): Bitmap {
  return { width, height, dots: new Uint8Array(width * height) };
}

export function fillRect(bitmap: Bitmap, x: number, y: number, width: number, height: number): void {
  for (let row = Math.max(0, y); row < Math.min(bitmap.height, y + height); row++) {
    bitmap.dots.fill(1, row * bitmap.width + Math.max(0, x), row * bitmap.width + Math.min(bitmap.width, x + width));
  }
}

/**
 * Blackens every dot whose centre lies inside the polygons (non-zero winding, as fonts are drawn).
 * Sampling at dot centres, with no grey to threshold, keeps the result exact in any JS engine.
 */
export function fillPolygons(bitmap: Bitmap, polygons: readonly Polygon[]): void {
  const edges: Array<{ x0: number; y0: number; x1: number; y1: number; winding: number }> = [];
  let top = Infinity;
  let bottom = -Infinity;
  for (const polygon of polygons) {
    for (let i = 0; i < polygon.length; i++) {
      const [ax, ay] = polygon[i] as [number, number];
      const [bx, by] = polygon[(i + 1) % polygon.length] as [number, number];
      if (ay === by) continue;
      edges.push(ay < by ? { x0: ax, y0: ay, x1: bx, y1: by, winding: 1 } : { x0: bx, y0: by, x1: ax, y1: ay, winding: -1 });
      top = Math.min(top, ay, by);
      bottom = Math.max(bottom, ay, by);
    }
  }
  const firstRow = Math.max(0, Math.floor(top));
  const lastRow = Math.min(bitmap.height - 1, Math.ceil(bottom));
  const crossings: Array<{ x: number; winding: number }> = [];
  for (let row = firstRow; row <= lastRow; row++) {
    const y = row + 0.5;
    crossings.length = 0;
    for (const edge of edges) {
      if (y < edge.y0 || y >= edge.y1) continue;
      crossings.push({ x: edge.x0 + ((y - edge.y0) * (edge.x1 - edge.x0)) / (edge.y1 - edge.y0), winding: edge.winding });
    }
    crossings.sort((a, b) => a.x - b.x);
    let winding = 0;
    for (let i = 0; i < crossings.length - 1; i++) {
      winding += (crossings[i] as { winding: number }).winding;
      if (winding === 0) continue;
      // Dots whose centre x + 0.5 lies in [from, to).
      const from = Math.max(0, Math.ceil((crossings[i] as { x: number }).x - 0.5));
      const to = Math.min(bitmap.width, Math.ceil((crossings[i + 1] as { x: number }).x - 0.5));
      if (to > from) bitmap.dots.fill(1, row * bitmap.width + from, row * bitmap.width + to);
    }
  }
}
