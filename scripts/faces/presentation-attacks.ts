import type { RgbaImage } from '../../server/face/rgb-image';
import { seededRandom } from '../../src/domain/seeded-random';

/*
 * Synthetic presentation attacks made from a face image: what a camera would see of the same face
 * shown on a phone or monitor, or printed on paper. They model the artefacts a presentation-attack
 * model is said to look for (pixel grid and moiré, screen tone curve and glare; halftone dots,
 * squeezed dynamic range and paper tint), not any particular device. Every function is pure: it
 * returns a new image and leaves its input alone.
 */

export interface ScreenReplay {
  /** One display pixel, in image pixels; not a whole number, so the grid beats against the camera's (moiré). */
  pitch: number;
  /** Turn of the display grid against the camera's rows, degrees: the moiré fringes tilt with it. */
  gridDegrees: number;
  /** Screen tone curve as seen by the camera (see `tone`). */
  gamma: number;
  gain: number;
  lift: number;
  /** Peak brightness added by the reflection band, 0–1 of full scale. */
  glare: number;
  /** Passes of a 3×3 box blur: the camera focused on a screen a little too close. */
  blurPasses: number;
}

export interface PrintedPhoto {
  /** Halftone cell, in image pixels. */
  cell: number;
  /** Darkest and lightest level paper and ink reach (0–255). */
  black: number;
  white: number;
  /** Paper and ink tint: a gain per channel. */
  cast: [number, number, number];
  /** Standard deviation of the paper's grain, in levels. */
  grainSigma: number;
  blurPasses: number;
  seed: number;
}

export function screenReplay(image: RgbaImage, o: ScreenReplay): RgbaImage {
  const shown = tone(pixelGrid(image, o.pitch, o.gridDegrees), { gamma: o.gamma, gain: o.gain, lift: o.lift, cast: [1, 1, 1] });
  return boxBlur(glareBand(shown, o.glare), o.blurPasses);
}

export function printedPhoto(image: RgbaImage, o: PrintedPhoto): RgbaImage {
  const range = o.white - o.black;
  const paper = tone(halftone(image, o.cell), { gamma: 1, gain: range / 255, lift: o.black, cast: o.cast });
  return grain(boxBlur(paper, o.blurPasses), o.grainSigma, o.seed);
}

/** Supersampling per image pixel along each axis for the pattern renderers. */
const SUPERSAMPLE = 4;
/** Share of a display pixel's height that emits light; the rest is the black matrix between rows. */
const ROW_FILL = 0.8;

/**
 * The image shown on an RGB-stripe display of `pitch` image pixels per display pixel, as a camera
 * pixel integrates it: each display pixel holds the image's colour at its centre, each of its three
 * vertical stripes lights one channel. Brightness is scaled so a flat image keeps its mean; the
 * camera lens's own 3×3 spread is applied before the sensor clips, or a pixel that falls on one
 * stripe would saturate and darken the whole.
 */
export function pixelGrid(image: RgbaImage, pitch: number, gridDegrees: number): RgbaImage {
  const { width, height, data } = image;
  const light = new Float32Array(width * height * 3);
  const cos = Math.cos((gridDegrees * Math.PI) / 180);
  const sin = Math.sin((gridDegrees * Math.PI) / 180);
  const boost = 3 / ROW_FILL / (SUPERSAMPLE * SUPERSAMPLE);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let j = 0; j < SUPERSAMPLE; j++) {
        for (let i = 0; i < SUPERSAMPLE; i++) {
          const px = x + (i + 0.5) / SUPERSAMPLE;
          const py = y + (j + 0.5) / SUPERSAMPLE;
          // Display coordinates, in display pixels.
          const u = (px * cos + py * sin) / pitch;
          const v = (-px * sin + py * cos) / pitch;
          if (v - Math.floor(v) > ROW_FILL) continue;
          const stripe = Math.min(2, Math.floor((u - Math.floor(u)) * 3));
          // The display pixel's centre back in image coordinates.
          const cu = (Math.floor(u) + 0.5) * pitch;
          const cv = (Math.floor(v) + 0.5) * pitch;
          const sx = clampInt(cu * cos - cv * sin, width - 1);
          const sy = clampInt(cu * sin + cv * cos, height - 1);
          const at = (y * width + x) * 3 + stripe;
          light[at] = light[at]! + data[(sy * width + sx) * 4 + stripe]! * boost;
        }
      }
    }
  }
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) sum += light[(clampInt(y + dy, height - 1) * width + clampInt(x + dx, width - 1)) * 3 + c]!;
        }
        out[(y * width + x) * 4 + c] = clampByte(sum / 9);
      }
      out[(y * width + x) * 4 + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** Screen angles of the cyan, magenta and yellow dot screens (degrees), as offset printing uses. */
const SCREEN_DEGREES = [15, 75, 0];

/**
 * Colour halftone: each channel becomes round ink dots on a rotated square screen of `cell`
 * pixels, each dot's area the ink coverage (1 − level/255) at its centre, seen from the paper side.
 */
export function halftone(image: RgbaImage, cell: number): RgbaImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let c = 0; c < 3; c++) {
    const angle = (SCREEN_DEGREES[c]! * Math.PI) / 180;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let paper = 0;
        for (let j = 0; j < SUPERSAMPLE; j++) {
          for (let i = 0; i < SUPERSAMPLE; i++) {
            const px = x + (i + 0.5) / SUPERSAMPLE;
            const py = y + (j + 0.5) / SUPERSAMPLE;
            const u = (px * cos + py * sin) / cell;
            const v = (-px * sin + py * cos) / cell;
            const cu = Math.floor(u) + 0.5;
            const cv = Math.floor(v) + 0.5;
            const sx = clampInt((cu * cos - cv * sin) * cell, width - 1);
            const sy = clampInt((cu * sin + cv * cos) * cell, height - 1);
            if (!inked(1 - data[(sy * width + sx) * 4 + c]! / 255, u - cu, v - cv)) paper++;
          }
        }
        const o = (y * width + x) * 4;
        out[o + c] = clampByte((255 * paper) / (SUPERSAMPLE * SUPERSAMPLE));
        out[o + 3] = 255;
      }
    }
  }
  return { width, height, data: out };
}

/**
 * Whether the point (du, dv) of a cell, from its centre, is inked at this coverage (0–1): up to half
 * coverage a round ink dot at the centre, beyond it round paper holes at the corners, each of the
 * area asked — so dots grow into a checkerboard and then close up, as a printed screen does.
 */
function inked(coverage: number, du: number, dv: number): boolean {
  if (coverage <= 0.5) return Math.hypot(du, dv) < Math.sqrt(coverage / Math.PI);
  return Math.hypot(0.5 - Math.abs(du), 0.5 - Math.abs(dv)) >= Math.sqrt((1 - coverage) / Math.PI);
}

export interface Tone {
  gamma: number;
  /** Slope after the gamma, on the 0–255 scale. */
  gain: number;
  /** Level added after the gain: raised blacks. */
  lift: number;
  cast: [number, number, number];
}

/** level → (255 · (level/255)^gamma · gain + lift) · cast, per channel. */
export function tone(image: RgbaImage, t: Tone): RgbaImage {
  const lut = t.cast.map((k) =>
    Uint8Array.from({ length: 256 }, (_, level) => clampByte((255 * (level / 255) ** t.gamma * t.gain + t.lift) * k)),
  );
  return mapChannels(image, (level, c) => lut[c]![level]!);
}

/**
 * A reflection across the screen: a diagonal band through the image's upper left, gaussian across,
 * adding up to `strength` of full scale to every channel.
 */
export function glareBand(image: RgbaImage, strength: number): RgbaImage {
  const { width, height } = image;
  const halfWidth = 0.12 * Math.hypot(width, height);
  return mapPixels(image, (x, y) => {
    // Distance from the line x + y = 0.6 · width, along its normal.
    const d = (x + y - 0.6 * width) / Math.SQRT2;
    return 255 * strength * Math.exp(-((d / halfWidth) ** 2));
  });
}

/** Seeded gaussian noise of `sigma` levels on every channel (paper grain, sensor noise). */
export function grain(image: RgbaImage, sigma: number, seed: number): RgbaImage {
  const random = seededRandom(seed);
  const out = new Uint8Array(image.data);
  for (let i = 0; i < out.length; i++) {
    if (i % 4 === 3) continue;
    const gauss = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out[i] = clampByte(image.data[i]! + sigma * gauss);
  }
  return { ...image, data: out };
}

/** `passes` of a 3×3 box blur; edges repeat. */
export function boxBlur(image: RgbaImage, passes: number): RgbaImage {
  const { width, height } = image;
  let data = image.data;
  for (let p = 0; p < passes; p++) {
    const src = data;
    const out = new Uint8Array(src.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const o = (y * width + x) * 4;
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let dy = -1; dy <= 1; dy++) {
            for (let dx = -1; dx <= 1; dx++) {
              sum += src[(clampInt(y + dy, height - 1) * width + clampInt(x + dx, width - 1)) * 4 + c]!;
            }
          }
          out[o + c] = Math.round(sum / 9);
        }
        out[o + 3] = 255;
      }
    }
    data = out;
  }
  return { width, height, data: passes > 0 ? data : new Uint8Array(data) };
}

function mapChannels(image: RgbaImage, f: (level: number, channel: number) => number): RgbaImage {
  const out = new Uint8Array(image.data);
  for (let i = 0; i < out.length; i++) if (i % 4 !== 3) out[i] = f(image.data[i]!, i % 4);
  return { ...image, data: out };
}

/** Adds `f(x, y)` levels to every channel of each pixel. */
function mapPixels(image: RgbaImage, f: (x: number, y: number) => number): RgbaImage {
  const { width, height } = image;
  const out = new Uint8Array(image.data);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const add = f(x, y);
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = clampByte(image.data[o + c]! + add);
    }
  }
  return { ...image, data: out };
}

function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

function clampInt(v: number, max: number): number {
  const i = Math.floor(v);
  return i < 0 ? 0 : i > max ? max : i;
}
