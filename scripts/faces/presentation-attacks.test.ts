import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../server/face/rgb-image';
import { boxBlur, glareBand, grain, halftone, pixelGrid, printedPhoto, screenReplay, tone } from './presentation-attacks';

function flat(width: number, height: number, rgb: [number, number, number]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([...rgb, 255], i);
  return { width, height, data };
}

/** A horizontal ramp, dark to light, the same on every channel. */
function ramp(width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([0, 1, 2].map(() => Math.round((255 * x) / (width - 1))).concat(255), (y * width + x) * 4);
  }
  return { width, height, data };
}

function channel(image: RgbaImage, c: number): number[] {
  return Array.from({ length: image.width * image.height }, (_, i) => image.data[i * 4 + c]!);
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const std = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));

describe('pixelGrid', () => {
  const grey = flat(48, 48, [120, 120, 120]);
  const shown = pixelGrid(grey, 2.7, 3);

  it('keeps a flat image’s mean brightness', () => {
    for (const c of [0, 1, 2]) expect(mean(channel(shown, c))).toBeCloseTo(120, -1);
  });

  it('shows the display grid as a pattern the flat image lacks', () => {
    expect(std(channel(shown, 0))).toBeGreaterThan(10);
  });

  it('leaves its input alone', () => {
    expect(grey.data[0]).toBe(120);
  });
});

describe('halftone', () => {
  it('turns mid grey into ink and paper with about half of each', () => {
    const dots = halftone(flat(60, 60, [128, 128, 128]), 4);
    const red = channel(dots, 0);
    expect(mean(red)).toBeGreaterThan(100);
    expect(mean(red)).toBeLessThan(156);
    expect(std(red)).toBeGreaterThan(70); // two-valued (0 and 255, half each) would be 127
  });

  it('leaves white paper bare and covers black', () => {
    expect(Math.min(...channel(halftone(flat(20, 20, [255, 255, 255]), 4), 1))).toBe(255);
    expect(Math.max(...channel(halftone(flat(20, 20, [0, 0, 0]), 4), 1))).toBeLessThan(20);
  });
});

describe('tone', () => {
  it('maps black to the lift and white to gain + lift, times the cast', () => {
    const image = ramp(256, 1);
    const toned = tone(image, { gamma: 1, gain: 0.5, lift: 40, cast: [1, 1, 0.5] });
    expect(toned.data[0]).toBe(40);
    expect(toned.data[255 * 4]).toBe(168);
    expect(toned.data[255 * 4 + 2]).toBe(84);
  });
});

describe('glareBand', () => {
  it('brightens along its line and barely away from it', () => {
    const image = flat(100, 100, [100, 100, 100]);
    const lit = glareBand(image, 0.4);
    const at = (x: number, y: number) => lit.data[(y * 100 + x) * 4]!;
    expect(at(30, 30)).toBeGreaterThan(195); // on x + y = 60
    expect(at(99, 99)).toBeLessThan(105);
  });
});

describe('boxBlur and grain', () => {
  it('spreads a bright pixel over its neighbours', () => {
    const image = flat(5, 5, [0, 0, 0]);
    image.data.set([255, 255, 255], (2 * 5 + 2) * 4);
    const blurred = boxBlur(image, 1);
    expect(blurred.data[(2 * 5 + 2) * 4]).toBe(28);
    expect(blurred.data[(1 * 5 + 1) * 4]).toBe(28);
    expect(blurred.data[0]).toBe(0);
  });

  it('adds noise of about sigma, the same for the same seed', () => {
    const image = flat(64, 64, [128, 128, 128]);
    const a = grain(image, 5, 7);
    expect(std(channel(a, 0))).toBeGreaterThan(4);
    expect(std(channel(a, 0))).toBeLessThan(6);
    expect(grain(image, 5, 7).data).toEqual(a.data);
  });
});

describe('the composed attacks', () => {
  const face = ramp(64, 64);

  it('a replay raises the blacks and lights a band', () => {
    const replay = screenReplay(face, { pitch: 2.4, gridDegrees: 2, gamma: 0.9, gain: 0.85, lift: 20, glare: 0.3, blurPasses: 1 });
    expect(replay.width).toBe(64);
    expect(Math.min(...channel(replay, 1))).toBeGreaterThan(10);
  });

  it('a print stays inside the paper’s range', () => {
    const print = printedPhoto(face, { cell: 3, black: 30, white: 220, cast: [1, 1, 1], grainSigma: 0, blurPasses: 1, seed: 1 });
    const green = channel(print, 1);
    expect(Math.min(...green)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...green)).toBeLessThanOrEqual(220);
  });
});
