import { CROWN_OVER_EYES } from '../../src/biometrics/crop';
import type { Point } from '../../src/biometrics/face-analysis';
import { FRAME_HEIGHT, FRAME_WIDTH, type PlacedFace } from './frames';

/*
 * Edits a still frame as the face in it would change: eyelids shut for a blink, the room behind
 * the head swapped for a plain wall. Both work from the placed face's 68 landmarks.
 */

type Rgb = [number, number, number];

/** The six points round each eye (iBUG 68): corner, two upper-lid points, corner, two lower-lid points. */
const EYES = [36, 42] as const;
/** How far above the upper lid the lid skin is stretched from, in eye widths: about to the crease. */
const LID_SKIN = 0.45;

/**
 * Shuts both eyes as lids do: in each column of the eye the skin above the upper lid is stretched
 * down until the upper lid, lashes and all, lies on the lower lid, hiding the eye. The lid's own
 * texture and lash line stay, so the result reads as a shut eye rather than a painted patch.
 * `amount` 0–1 lowers the lid part way, for the frames halfway through a blink.
 */
export function closeEyes(frame: Uint8Array, landmarks: readonly Point[], amount: number): Uint8Array {
  const out = new Uint8Array(frame);
  if (amount <= 0) return out;
  for (const first of EYES) {
    const p = Array.from({ length: 6 }, (_, i) => at(landmarks, first + i));
    const upper = [p[0]!, p[1]!, p[2]!, p[3]!];
    const lower = [p[0]!, p[5]!, p[4]!, p[3]!];
    const width = p[3]![0] - p[0]![0];
    const x0 = Math.max(0, Math.ceil(p[0]![0]));
    const x1 = Math.min(FRAME_WIDTH - 1, Math.floor(p[3]![0]));
    for (let x = x0; x <= x1; x++) {
      // A little margin so the lashes just below the lower lid line are covered too.
      const yu = polylineY(upper, x + 0.5);
      const yl = polylineY(lower, x + 0.5) + 0.04 * width;
      const yt = yu - LID_SKIN * width;
      const lid = yu + (yl - yu) * amount;
      if (lid - yt < 1) continue;
      for (let y = Math.max(0, Math.floor(yt)); y <= Math.min(FRAME_HEIGHT - 1, Math.ceil(lid)); y++) {
        const fy = y + 0.5;
        if (fy < yt || fy > lid) continue;
        const sy = yt + ((fy - yt) * (yu - yt)) / (lid - yt) - 0.5;
        const ya = Math.max(0, Math.floor(sy));
        const yb = Math.min(FRAME_HEIGHT - 1, ya + 1);
        const t = sy - ya;
        const i = (y * FRAME_WIDTH + x) * 3;
        for (let c = 0; c < 3; c++) out[i + c] = Math.round(frame[(ya * FRAME_WIDTH + x) * 3 + c]! * (1 - t) + frame[(yb * FRAME_WIDTH + x) * 3 + c]! * t);
      }
    }
  }
  return out;
}

/** y of the polyline (points in increasing x) at `x`. */
function polylineY(points: readonly Point[], x: number): number {
  for (let i = 0; i + 1 < points.length; i++) {
    const [xa, ya] = points[i]!;
    const [xb, yb] = points[i + 1]!;
    if (x <= xb || i + 2 === points.length) return xb === xa ? ya : ya + ((yb - ya) * (x - xa)) / (xb - xa);
  }
  return points[0]![1];
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

function smoothstep(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
}
