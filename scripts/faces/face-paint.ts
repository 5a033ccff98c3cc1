import { CROWN_OVER_EYES } from '../../src/biometrics/crop';
import type { Point } from '../../src/biometrics/face-analysis';
import { FRAME_HEIGHT, FRAME_WIDTH, type PlacedFace } from './frames';

/*
 * Edits a still frame as the face in it would change: eyelids shut for a blink, the room behind
 * the head swapped for a plain wall. Both work from the placed face's 68 landmarks.
 */

type Rgb = [number, number, number];

/** The six points round each eye and the brow above it (iBUG 68). */
const EYES = [
  { eye: 36, brow: [18, 19, 20] },
  { eye: 42, brow: [23, 24, 25] },
] as const;

/**
 * Paints both eyes shut: each eye's outline, widened a little to take the lashes, is filled with
 * the skin just above it with a feathered edge, and a dark lash line is drawn along the lower lid
 * where closed lids meet. `amount` 0–1 blends from open to shut, for the frames halfway through a blink.
 */
export function closeEyes(frame: Uint8Array, landmarks: readonly Point[], amount: number): Uint8Array {
  const out = new Uint8Array(frame);
  if (amount <= 0) return out;
  for (const { eye, brow } of EYES) {
    const outline = Array.from({ length: 6 }, (_, i) => at(landmarks, eye + i));
    const centre = mean(outline);
    const width = Math.hypot(outline[3]![0] - outline[0]![0], outline[3]![1] - outline[0]![1]);
    const lid = outline.map(([x, y]): Point => [centre[0] + (x - centre[0]) * 1.15, centre[1] + (y - centre[1]) * 1.6]);
    // Skin between the upper lid and the brow, nearer the lid: the brow's hairs would darken it.
    const upper = mean([outline[1]!, outline[2]!]);
    const browAt = mean(brow.map((i) => at(landmarks, i)));
    const skin = averageColour(frame, [upper[0], upper[1] + (browAt[1] - upper[1]) * 0.45], width * 0.18);
    const lash: Rgb = [skin[0] * 0.45, skin[1] * 0.42, skin[2] * 0.4];
    const lower = [outline[0]!, outline[5]!, outline[4]!, outline[3]!];
    const feather = Math.max(1.5, width * 0.08);
    const xs = lid.map((p) => p[0]);
    const ys = lid.map((p) => p[1]);
    const x0 = Math.max(0, Math.floor(Math.min(...xs) - feather));
    const x1 = Math.min(FRAME_WIDTH - 1, Math.ceil(Math.max(...xs) + feather));
    const y0 = Math.max(0, Math.floor(Math.min(...ys) - feather));
    const y1 = Math.min(FRAME_HEIGHT - 1, Math.ceil(Math.max(...ys) + feather));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const p: Point = [x + 0.5, y + 0.5];
        const edge = insidePolygon(lid, p) ? 0 : distanceToPath(lid, p, true);
        const skinAlpha = amount * (1 - smoothstep(edge / feather));
        const lashAlpha = amount * (1 - smoothstep(distanceToPath(lower, p, false) / (width * 0.05 + 0.6)));
        const i = (y * FRAME_WIDTH + x) * 3;
        for (let c = 0; c < 3; c++) {
          const painted = out[i + c]! * (1 - skinAlpha) + skin[c]! * skinAlpha;
          out[i + c] = Math.round(painted * (1 - lashAlpha) + lash[c]! * lashAlpha);
        }
      }
    }
  }
  return out;
}

/**
 * Replaces everything but the head, neck and shoulders with `wall`. The head is an ellipse from
 * the crown (estimated from the eye–chin distance, as portraitCrop does, plus some hair) to the
 * chin, a little wider than the jaw; the neck widens into shoulders below the chin. Narrow enough
 * that the crop's top corners, where photo-quality reads the background, hold only the wall.
 */
export function plainBackground(frame: Uint8Array, face: PlacedFace, wall: Rgb): Uint8Array {
  const lm = face.landmarks;
  const jawL = at(lm, 0);
  const jawR = at(lm, 16);
  const chin = at(lm, 8);
  const eyeY = mean(Array.from({ length: 12 }, (_, i) => at(lm, 36 + i)))[1];
  const eyesToChin = chin[1] - eyeY;
  const jaw = Math.hypot(jawR[0] - jawL[0], jawR[1] - jawL[1]);
  const cx = (jawL[0] + jawR[0]) / 2;
  const top = eyeY - (CROWN_OVER_EYES + 0.12) * eyesToChin;
  const bottom = chin[1] + 0.05 * eyesToChin;
  const cy = (top + bottom) / 2;
  const ry = (bottom - top) / 2;
  const rx = 0.6 * jaw;
  const neckTop = eyeY + 0.3 * eyesToChin;
  const shouldersFrom = chin[1] + 0.35 * eyesToChin;
  const shouldersTo = chin[1] + 1.2 * eyesToChin;
  const neckHalf = (y: number) => {
    const t = smoothstep((y - shouldersFrom) / (shouldersTo - shouldersFrom));
    return jaw * (0.36 + (1.2 - 0.36) * t);
  };
  const feather = 4;
  const out = new Uint8Array(frame);
  for (let y = 0; y < FRAME_HEIGHT; y++) {
    for (let x = 0; x < FRAME_WIDTH; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // Signed distances in pixels, negative inside: the ellipse's is approximate, which a 4-px feather hides.
      const head = (Math.hypot((px - cx) / rx, (py - cy) / ry) - 1) * Math.min(rx, ry);
      const neck = py < neckTop ? Infinity : Math.abs(px - cx) - neckHalf(py);
      const keep = 1 - smoothstep((Math.min(head, neck) + feather / 2) / feather);
      if (keep >= 1) continue;
      const i = (y * FRAME_WIDTH + x) * 3;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(out[i + c]! * keep + wall[c]! * (1 - keep));
    }
  }
  return out;
}

function at(landmarks: readonly Point[], i: number): Point {
  const p = landmarks[i];
  if (!p) throw new RangeError(`landmark ${i} missing: expected 68 points, got ${landmarks.length}`);
  return p;
}

function mean(points: readonly Point[]): Point {
  const sum = points.reduce<Point>((s, p) => [s[0] + p[0], s[1] + p[1]], [0, 0]);
  return [sum[0] / points.length, sum[1] / points.length];
}

function averageColour(frame: Uint8Array, centre: Point, radius: number): Rgb {
  const sum: Rgb = [0, 0, 0];
  let n = 0;
  const r = Math.max(1, Math.round(radius));
  for (let y = Math.round(centre[1]) - r; y <= Math.round(centre[1]) + r; y++) {
    for (let x = Math.round(centre[0]) - r; x <= Math.round(centre[0]) + r; x++) {
      if (x < 0 || y < 0 || x >= FRAME_WIDTH || y >= FRAME_HEIGHT) continue;
      const i = (y * FRAME_WIDTH + x) * 3;
      for (let c = 0; c < 3; c++) sum[c] += frame[i + c]!;
      n++;
    }
  }
  return n > 0 ? [sum[0] / n, sum[1] / n, sum[2] / n] : [0, 0, 0];
}

function insidePolygon(polygon: readonly Point[], [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from `p` to the polyline through `points` (closed: back to the first). */
function distanceToPath(points: readonly Point[], p: Point, closed: boolean): number {
  let best = Infinity;
  const n = closed ? points.length : points.length - 1;
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    const abx = b[0] - a[0];
    const aby = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * abx + (p[1] - a[1]) * aby) / (abx * abx + aby * aby || 1)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * abx, p[1] - a[1] - t * aby));
  }
  return best;
}

function smoothstep(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
}
