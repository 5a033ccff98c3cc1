import { CROWN_OVER_EYES } from './crop';
import type { DetectedFace, Point } from './face-analysis';
import { eyeCentres } from './head-pose';
import type { PixelImage } from './image-measures';

/*
 * A crude camera frame for unit tests: a face-like blob drawn round a synthetic face's landmarks —
 * a skin ellipse from crown to chin with hair on top, dark eyes, brows and mouth, and fine
 * deterministic "pore" noise so that blur has detail to remove — on a plain or busy wall. Not a
 * picture of anyone; just pixels with the statistics the photo checks look at.
 */

export interface PhotoScene {
  width?: number;
  height?: number;
  /** 'plain' a light wall (luma ~200); 'dark' a dark-grey wall; 'busy' bold stripes and blotches. */
  background?: 'plain' | 'dark' | 'busy';
  /** Multiplies every pixel, as exposure would: 0.3 dim, 1.6 blown out. */
  gain?: number;
  /** Squeezes the face's tones towards mid-grey: 1 as drawn, 0.2 a flat, fogged face. */
  contrast?: number;
  /** Passes of a 3×3 box blur over the whole frame. */
  blur?: number;
}

const SKIN = [205, 160, 135] as const;
const HAIR = [60, 45, 35] as const;
const FEATURE = [50, 35, 35] as const;

export function syntheticPhoto(face: DetectedFace, { width = 640, height = 480, background = 'plain', gain = 1, contrast = 1, blur = 0 }: PhotoScene = {}): PixelImage {
  const L = face.landmarks;
  const p = (i: number): Point => L[i] ?? [0, 0];
  const { left, right } = eyeCentres(L);
  const eyes: Point = [(left[0] + right[0]) / 2, (left[1] + right[1]) / 2];
  const eyesToChin = p(8)[1] - eyes[1];
  const crown = eyes[1] - eyesToChin * CROWN_OVER_EYES;
  const head = { cx: eyes[0], cy: (crown + p(8)[1]) / 2, rx: (p(16)[0] - p(0)[0]) * 0.55, ry: (p(8)[1] - crown) / 2 };
  const browY = (p(19)[1] + p(24)[1]) / 2;
  const eyeRx = (p(39)[0] - p(36)[0]) / 2;
  const eyeRy = Math.max(1, Math.abs(p(41)[1] - p(37)[1]) / 2);
  const mouthY = (p(62)[1] + p(66)[1]) / 2;
  const mouthGap = Math.max(1.5, Math.abs(p(66)[1] - p(62)[1]) / 2);

  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff - 0.5;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let rgb: readonly number[] = wall(background, x, y);
      const hx = (x - head.cx) / head.rx;
      const hy = (y - head.cy) / head.ry;
      if (hx * hx + hy * hy <= 1) {
        rgb = y < browY - eyesToChin * 0.25 ? HAIR : SKIN;
        const inEye = [left, right].some(([ex, ey]) => ((x - ex) / eyeRx) ** 2 + ((y - ey) / eyeRy) ** 2 <= 1);
        const onBrow = Math.abs(y - browY) < eyesToChin * 0.04 && Math.abs(Math.abs(x - eyes[0]) - eyeRx * 2.6) < eyeRx * 1.2;
        const inMouth = x > p(48)[0] && x < p(54)[0] && Math.abs(y - mouthY) < mouthGap;
        if (inEye || onBrow || inMouth) rgb = FEATURE;
        // Round-head shading lit from one side: broad tones, as a real face has, with fine grain on top.
        const shade = 1 - 0.45 * (hx * hx + hy * hy) + 0.2 * hx;
        const grain = noise() * 6;
        rgb = rgb.map((v) => 128 + (v * shade + grain - 128) * contrast);
      }
      const o = (y * width + x) * 4;
      data[o] = rgb[0]! * gain;
      data[o + 1] = rgb[1]! * gain;
      data[o + 2] = rgb[2]! * gain;
      data[o + 3] = 255;
    }
  }
  return boxBlur({ width, height, data }, blur);
}

function wall(kind: 'plain' | 'dark' | 'busy', x: number, y: number): readonly number[] {
  if (kind === 'dark') return [60, 60, 65];
  if (kind === 'plain') return [200, 202, 205];
  const stripe = Math.floor(x / 24) % 2 === 0;
  const blotch = Math.sin(x / 37) * Math.cos(y / 29) > 0.3;
  return stripe !== blotch ? [230, 220, 200] : [40, 70, 60];
}

function boxBlur(image: PixelImage, passes: number): PixelImage {
  const { width, height } = image;
  let data = image.data;
  for (let pass = 0; pass < passes; pass++) {
    const out = new Uint8ClampedArray(data);
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) sum += data[((y + j) * width + x + i) * 4 + c]!;
          out[(y * width + x) * 4 + c] = sum / 9;
        }
      }
    }
    data = out;
  }
  return { width, height, data };
}
