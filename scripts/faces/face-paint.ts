import { CROWN_OVER_EYES } from '../../src/biometrics/crop';
import type { Point } from '../../src/biometrics/face-analysis';
import { FRAME_HEIGHT, FRAME_WIDTH, smoothstep, type PlacedFace } from './frames';

/*
 * Edits a still frame: the room behind the head swapped for a plain wall, from the placed face's
 * 68 landmarks. (Painted eyelids were tried for a blink; face-api's landmarks barely follow them.)
 */

type Rgb = [number, number, number];

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
