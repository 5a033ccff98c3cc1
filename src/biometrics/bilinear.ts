/**
 * The value at a fractional pixel position, interpolated between the four pixels around it; `at`
 * reads one channel of a whole pixel. Positions outside the image are clamped to its edge.
 */
export function bilinear(width: number, height: number, fx: number, fy: number, at: (x: number, y: number) => number): number {
  const x = Math.min(Math.max(fx, 0), width - 1);
  const y = Math.min(Math.max(fy, 0), height - 1);
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const ax = x - x0;
  const ay = y - y0;
  const top = at(x0, y0) * (1 - ax) + at(x1, y0) * ax;
  const bottom = at(x0, y1) * (1 - ax) + at(x1, y1) * ax;
  return top * (1 - ay) + bottom * ay;
}
