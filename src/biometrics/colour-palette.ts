/*
 * The colours the screen shows around the face oval during the colour challenge, and the sequences
 * drawn from them. Pure: the kiosk and the back office both pick sequences with it (each with its own
 * random source), and both judge the reflected response against it (colour-decision.ts).
 *
 * Safe for people sensitive to flashing light (WCAG 2.3.1): every colour has about the same relative
 * luminance (0.29 ± 0.02), so no change between two of them is a flash (WCAG counts a change of 10% of
 * the maximum luminance or more), and none is a saturated red (red share ≥ 0.8), so none is a red
 * flash. What changes is hue, which is what skin reflects and what the measure reads (chromaticity,
 * blind to brightness). The only luminance change is into the sequence and out of it: one flash.
 */

export type Rgb = readonly [number, number, number];

export const SCREEN_COLOURS = {
  blue: [95, 140, 255],
  green: [40, 170, 60],
  magenta: [235, 75, 245],
  amber: [195, 137, 0],
  cyan: [0, 165, 180],
  orange: [245, 105, 40],
} as const satisfies Record<string, Rgb>;

export type ScreenColour = keyof typeof SCREEN_COLOURS;
export const SCREEN_COLOUR_NAMES = Object.keys(SCREEN_COLOURS) as ScreenColour[];

/** sRGB (0–255) to linear light, 0–1. */
export function linear(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light (0–1, clipped at 1) to an sRGB level, 0–255 unrounded: the inverse of `linear`. */
export function srgbLevel(value: number): number {
  const v = Math.max(0, Math.min(1, value));
  return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
}

/** WCAG relative luminance of an sRGB colour, 0–1. */
export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG's "saturated red" reads R / (R + G + B) ≥ 0.8 of the sRGB values. */
export function redShare([r, g, b]: Rgb): number {
  return r + g + b === 0 ? 0 : r / (r + g + b);
}

/**
 * Opponent chromaticity of linear RGB: [red–green, yellow–blue], each over the sum, so a change of
 * brightness alone (auto-exposure, a citizen stepping back) leaves it where it is.
 */
export function chromaticity([r, g, b]: Rgb): [number, number] {
  const sum = r + g + b;
  if (sum <= 0) return [0, 0];
  return [(r - g) / sum, (r + g - 2 * b) / (2 * sum)];
}

/** The screen's own chromaticity for a colour: the light it throws, in linear terms. */
export function screenChromaticity(name: ScreenColour): [number, number] {
  const [r, g, b] = SCREEN_COLOURS[name];
  return chromaticity([linear(r), linear(g), linear(b)]);
}

/** The light a colour throws, linear RGB scaled to unit luminance: the scale the reflection models fit k on. */
export function screenLight(name: ScreenColour): [number, number, number] {
  const rgb = SCREEN_COLOURS[name];
  const y = relativeLuminance(rgb);
  return [linear(rgb[0]) / y, linear(rgb[1]) / y, linear(rgb[2]) / y];
}

/** Minus the mean, per dimension, stacked: [a0, b0, a1, b1, …]. */
export function centred(vectors: readonly (readonly [number, number])[]): number[] {
  const n = vectors.length;
  const mean = [0, 1].map((d) => vectors.reduce((s, v) => s + v[d]!, 0) / n);
  return vectors.flatMap((v) => [v[0] - mean[0]!, v[1] - mean[1]!]);
}

/** Pearson correlation of two stacked, centred vectors; 0 when either does not vary. */
export function correlation(x: readonly number[], y: readonly number[]): number {
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < x.length; i++) {
    xy += x[i]! * y[i]!;
    xx += x[i]! * x[i]!;
    yy += y[i]! * y[i]!;
  }
  return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
}

/**
 * Correlation of a sequence with itself one step late: what a replay that copies the screen's colour
 * a step behind would score. The pre-sequence screen is neutral, so the copy's first step is too.
 */
export function lateCopyCorrelation(sequence: readonly ScreenColour[]): number {
  const asked = sequence.map(screenChromaticity);
  const late: [number, number][] = [[0, 0], ...asked.slice(0, -1)];
  return correlation(centred(asked), centred(late));
}

/** Sequences a copy one step late would match at most this well; the decision's floor is far above. */
export const MAX_LATE_COPY_CORRELATION = 0;

/**
 * A random sequence of `length` colours: no colour twice in a row, every colour at most twice, and
 * one a late copy cannot follow (lateCopyCorrelation ≤ MAX_LATE_COPY_CORRELATION). `randomInt(n)`
 * gives 0 … n−1: crypto.getRandomValues in the kiosk, node:crypto in the back office.
 */
export function pickColourSequence(randomInt: (n: number) => number, length: number): ScreenColour[] {
  if (!Number.isInteger(length) || length < 3 || length > 8) throw new RangeError(`a colour sequence of ${length} steps`);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const sequence: ScreenColour[] = [];
    for (let draws = 0; sequence.length < length && draws < 100; draws++) {
      const next = SCREEN_COLOUR_NAMES[randomInt(SCREEN_COLOUR_NAMES.length)]!;
      if (next === sequence.at(-1) || sequence.filter((c) => c === next).length >= 2) continue;
      sequence.push(next);
    }
    if (sequence.length === length && lateCopyCorrelation(sequence) <= MAX_LATE_COPY_CORRELATION) return sequence;
  }
  // Reached only with a broken random source (one that always says the same).
  throw new Error('no usable colour sequence from this random source');
}

/** crypto.getRandomValues as randomInt, unbiased (rejection of the top remainder). */
export function cryptoRandomInt(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    if (buffer[0]! < limit) return buffer[0]! % n;
  }
}
