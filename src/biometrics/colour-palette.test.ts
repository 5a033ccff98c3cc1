import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/seeded-random';
import { ScreenColourName } from '../protocol/liveness';
import {
  cryptoRandomInt,
  lateCopyCorrelation,
  MAX_LATE_COPY_CORRELATION,
  pickColourSequence,
  redShare,
  relativeLuminance,
  SCREEN_COLOUR_NAMES,
  SCREEN_COLOURS,
  type Rgb,
} from './colour-palette';

const seeded = (seed: number) => {
  const random = seededRandom(seed);
  return (n: number) => Math.floor(random() * n);
};

/** The kiosk's page around the sequence (its background, #ebebeb-ish white). */
const PAGE: Rgb = [235, 235, 235];

/**
 * WCAG 2.3.1 flashes in the timeline page → colours → page, counted per second at the worst: a flash
 * is a pair of opposing changes of relative luminance of 10% or more where the darker is below 0.80.
 */
function worstFlashesPerSecond(sequence: readonly Rgb[], stepMs: number): number {
  const timeline = [PAGE, ...sequence, PAGE];
  const changes: { at: number; sign: number }[] = [];
  for (let i = 1; i < timeline.length; i++) {
    const before = relativeLuminance(timeline[i - 1]!);
    const after = relativeLuminance(timeline[i]!);
    if (Math.abs(after - before) >= 0.1 && Math.min(before, after) < 0.8) changes.push({ at: i * stepMs, sign: Math.sign(after - before) });
  }
  let worst = 0;
  for (const first of changes) {
    const inSecond = changes.filter((c) => c.at >= first.at && c.at < first.at + 1000);
    let flashes = 0;
    for (let i = 1; i < inSecond.length; i++) if (inSecond[i]!.sign !== inSecond[i - 1]!.sign) flashes += 0.5;
    worst = Math.max(worst, Math.ceil(flashes));
  }
  return worst;
}

describe('the screen colours', () => {
  it('keep one luminance, so no change between two of them is a flash, and none is a saturated red', () => {
    for (const rgb of Object.values(SCREEN_COLOURS)) {
      expect(relativeLuminance(rgb)).toBeGreaterThan(0.27);
      expect(relativeLuminance(rgb)).toBeLessThan(0.31);
      expect(redShare(rgb)).toBeLessThan(0.8);
    }
  });

  it('flash at most once a second however the sequence goes (WCAG 2.3.1: three)', () => {
    for (let seed = 0; seed < 200; seed++) {
      const sequence = pickColourSequence(seeded(seed), 5).map((name) => SCREEN_COLOURS[name]);
      expect(worstFlashesPerSecond(sequence, 300)).toBeLessThanOrEqual(1);
    }
    // The count is real: white and black every 300 ms would be two flashes a second and more.
    expect(worstFlashesPerSecond([[0, 0, 0], PAGE, [0, 0, 0], PAGE, [0, 0, 0]], 300)).toBeGreaterThan(1);
  });

  it('are the names the evidence schema accepts, and only those', () => {
    for (const name of SCREEN_COLOUR_NAMES) expect(Value.Check(ScreenColourName, name)).toBe(true);
    expect(Value.Check(ScreenColourName, 'red')).toBe(false);
    expect(SCREEN_COLOUR_NAMES).toHaveLength(6);
  });
});

describe('pickColourSequence', () => {
  it('never shows a colour twice in a row or more than twice, and a copy one step late cannot follow it', () => {
    for (let seed = 0; seed < 500; seed++) {
      const sequence = pickColourSequence(seeded(seed), 5);
      expect(sequence).toHaveLength(5);
      for (let i = 1; i < sequence.length; i++) expect(sequence[i]).not.toBe(sequence[i - 1]);
      for (const name of sequence) expect(sequence.filter((c) => c === name).length).toBeLessThanOrEqual(2);
      expect(lateCopyCorrelation(sequence)).toBeLessThanOrEqual(MAX_LATE_COPY_CORRELATION);
    }
  });

  it('draws different sequences from different randomness', () => {
    const drawn = new Set(Array.from({ length: 100 }, (_, seed) => pickColourSequence(seeded(seed), 5).join(',')));
    expect(drawn.size).toBeGreaterThan(80);
  });

  it('works from the crypto source, and refuses a random source that always says the same', () => {
    expect(pickColourSequence(cryptoRandomInt, 4)).toHaveLength(4);
    expect(() => pickColourSequence(() => 0, 5)).toThrow(/random source/);
    expect(() => pickColourSequence(cryptoRandomInt, 2)).toThrow(RangeError);
  });
});
