import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { ColourEvidence } from '../protocol/liveness';
import { addColourSample, colourAt, colourEvidence, colourOver, COLOUR_THRESHOLDS, judgeColour, rejudgeColour, startColour, type ColourSteps } from './colour-challenge';
import { linear, screenLight, srgbLevel, type ScreenColour } from './colour-palette';
import type { ColourSample } from './colour-regions';

/*
 * The decision on per-step colours made with the two reflection models written out: skin and
 * paper multiply the screen's light by their own colour, glass adds it on top. The bench
 * (bench:liveness) runs the same decision on simulated camera frames; colour-recorded.test.ts on
 * responses it recorded.
 */

type Rgb = [number, number, number];
const SEQUENCE: ScreenColour[] = ['blue', 'amber', 'green', 'magenta', 'orange'];
/** A face's skin and a wall, in linear light under the room's light alone. */
const SKIN: Rgb = [0.42, 0.27, 0.19];
const WALL: Rgb = [0.5, 0.48, 0.43];

const encode = srgbLevel;
const srgb = (rgb: readonly number[]): Rgb => [encode(rgb[0]!), encode(rgb[1]!), encode(rgb[2]!)];

/** Diffuse: albedo · (1 + k · screen), brought back to the unlit level (the camera's exposure). */
function diffuse(albedo: Rgb, k: number, colour: ScreenColour | null): Rgb {
  const s = colour ? screenLight(colour) : [0, 0, 0];
  const lit = albedo.map((a, c) => a * (1 + k * s[c]!));
  const exposure = (0.2126 * albedo[0] + 0.7152 * albedo[1] + 0.0722 * albedo[2]) / (0.2126 * lit[0]! + 0.7152 * lit[1]! + 0.0722 * lit[2]!);
  return srgb(lit.map((v) => v * exposure));
}

/** Glass: a picture's own light plus `g` of the screen's, mirrored. */
function mirrored(emission: Rgb, g: number, colour: ScreenColour): Rgb {
  const s = screenLight(colour);
  return srgb(emission.map((e, c) => e + g * s[c]!));
}

function steps(face: (colour: ScreenColour, i: number) => Rgb | null, reference: (colour: ScreenColour, i: number) => Rgb | null, faceLuma = 130): ColourSteps {
  return { sequence: SEQUENCE, face: SEQUENCE.map(face), reference: SEQUENCE.map(reference), faceLuma, clipped: 0 };
}

const wall = (colour: ScreenColour) => diffuse(WALL, 0.02, colour);

describe('judgeColour', () => {
  it('passes a face half a metre from the screen before a wall behind it', () => {
    const judged = judgeColour(steps((c) => diffuse(SKIN, 0.15, c), wall));
    expect(judged).toMatchObject({ status: 'passed', reason: null });
    expect(judged.correlation).toBeGreaterThan(0.95);
    expect(judged.referenceShare).toBeLessThan(0.25);
    expect(judged.glassLikeness).toBeLessThan(0);
    // The skin model's k is the light put in.
    expect(judged.screenLight).toBeGreaterThan(0.12);
    expect(judged.screenLight).toBeLessThan(0.18);
  });

  it('passes the same face before a room too dark to read a colour in', () => {
    expect(judgeColour(steps((c) => diffuse(SKIN, 0.15, c), () => null))).toMatchObject({ status: 'passed' });
  });

  it('refuses a face that did not take on the colours: a phone’s own light (no_colour_response)', () => {
    expect(judgeColour(steps(() => srgb(SKIN), wall))).toMatchObject({ status: 'failed', reason: 'no_colour_response' });
  });

  it('calls the same "too bright to tell" when the face is at the top of the camera’s range', () => {
    expect(judgeColour(steps((c) => diffuse(SKIN, 0.003, c), wall, 225))).toMatchObject({ status: 'failed', reason: 'too_bright' });
    expect(judgeColour({ ...steps((c) => diffuse(SKIN, 0.003, c), wall), clipped: 0.3 })).toMatchObject({ reason: 'too_bright' });
  });

  it('refuses colours that came back one step late (colour_mismatch)', () => {
    const late = steps((_c, i) => diffuse(SKIN, 0.15, i === 0 ? null : SEQUENCE[i - 1]!), wall);
    expect(judgeColour(late)).toMatchObject({ status: 'failed', reason: 'colour_mismatch' });
  });

  it('refuses colours mirrored by glass over a picture (glass_reflection)', () => {
    const judged = judgeColour(steps((c) => mirrored(SKIN, 0.03, c), wall));
    expect(judged).toMatchObject({ status: 'failed', reason: 'glass_reflection' });
    expect(judged.correlation).toBeGreaterThan(COLOUR_THRESHOLDS.minCorrelation); // in time, in sense: only the way it came back differs
  });

  it('refuses a print whose background took the colours as its face did (flat_reflection)', () => {
    const judged = judgeColour(steps((c) => diffuse(SKIN, 0.15, c), (c) => diffuse(WALL, 0.15, c)));
    expect(judged).toMatchObject({ status: 'failed', reason: 'flat_reflection' });
    expect(judged.referenceShare).toBeGreaterThan(0.9);
  });

  it('cannot judge with more than one step unmeasured (colour_unmeasured), and can with one', () => {
    const gaps = (missing: number[]) => steps((c, i) => (missing.includes(i) ? null : diffuse(SKIN, 0.15, c)), wall);
    expect(judgeColour(gaps([1, 3]))).toMatchObject({ status: 'failed', reason: 'colour_unmeasured', correlation: null });
    expect(judgeColour(gaps([2]))).toMatchObject({ status: 'passed' });
  });
});

describe('a colour run', () => {
  const plan = { sequence: SEQUENCE, stepMs: 300, nonce: null, source: 'kiosk' as const };

  it('shows each colour for its step from the start, and nothing after', () => {
    const run = startColour(plan, 1000);
    expect(colourAt(run, 999)).toBeNull();
    expect(colourAt(run, 1000)).toBe('blue');
    expect(colourAt(run, 1299)).toBe('blue');
    expect(colourAt(run, 1300)).toBe('amber');
    expect(colourAt(run, 2499)).toBe('orange');
    expect(colourOver(run, 2499)).toBe(false);
    expect(colourAt(run, 2500)).toBeNull();
    expect(colourOver(run, 2500)).toBe(true);
  });

  const sampleOf = (face: Rgb, reference: Rgb | null): ColourSample => ({ face, reference, faceLuma: 130, clipped: 0 });

  it('measures each step after its settling time only, and carries valid evidence', () => {
    let run = startColour(plan, 0);
    for (let t = 0; t < 1500; t += 33) {
      const step = Math.floor(t / 300);
      const settled = t - step * 300 >= COLOUR_THRESHOLDS.settleMs;
      // Before a step settles the camera still shows the colour before it: it must not count.
      const shown = settled ? SEQUENCE[step]! : (SEQUENCE[step - 1] ?? null);
      run = addColourSample(run, sampleOf(diffuse(SKIN, 0.15, shown), shown ? wall(shown) : diffuse(WALL, 0.02, null)), t);
    }
    const evidence = colourEvidence(run);
    expect(Value.Check(ColourEvidence, evidence), JSON.stringify([...Value.Errors(ColourEvidence, evidence)][0])).toBe(true);
    expect(evidence).toMatchObject({ status: 'passed', source: 'kiosk', nonce: null, stepMs: 300, sequence: SEQUENCE, thresholdsVersion: COLOUR_THRESHOLDS.version });
    expect(evidence.steps.map((s) => s.samples)).toEqual([5, 5, 5, 5, 5]);
    // Each step's colour is its own colour's alone, none of the one before.
    const level = (v: number) => Math.round(v * 100) / 100;
    expect(evidence.steps.map((s) => s.face)).toEqual(SEQUENCE.map((c) => diffuse(SKIN, 0.15, c).map(level)));
    expect(evidence.steps.map((s) => s.startMs)).toEqual([0, 300, 600, 900, 1200]);
    // The back office judges the evidence again from what it carries, and agrees.
    expect(rejudgeColour(evidence)).toMatchObject({ status: 'passed', correlation: evidence.correlation, glassLikeness: evidence.glassLikeness });
  });

  it('says which steps went unmeasured when the worker fell behind', () => {
    let run = startColour(plan, 0);
    for (const t of [200, 1100, 1400]) run = addColourSample(run, sampleOf(diffuse(SKIN, 0.15, SEQUENCE[Math.floor(t / 300)]!), null), t);
    const evidence = colourEvidence(run);
    expect(evidence.steps.map((s) => s.face === null)).toEqual([false, true, true, false, false]);
    expect(evidence).toMatchObject({ status: 'failed', reason: 'colour_unmeasured' });
  });

  it('is refused again at the back office when its figures were changed to pass', () => {
    let run = startColour(plan, 0);
    for (let t = 160; t < 1500; t += 50) run = addColourSample(run, sampleOf(srgb(SKIN), wall(SEQUENCE[Math.floor(t / 300)]!)), t);
    const forged = { ...colourEvidence(run), status: 'passed' as const, reason: null, correlation: 0.99 };
    expect(rejudgeColour(forged)).toMatchObject({ status: 'failed', reason: 'no_colour_response' });
  });
});

it('linear() is the sRGB curve the evidence is read with', () => {
  expect(linear(0)).toBe(0);
  expect(linear(255)).toBeCloseTo(1, 6);
  expect(encode(linear(128))).toBeCloseTo(128, 6);
});
