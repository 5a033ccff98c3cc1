import { describe, expect, it } from 'vitest';
import { judgeColour } from '../../biometrics/colour-challenge';
import { SCREEN_COLOUR_NAMES, type ScreenColour } from '../../biometrics/colour-palette';
import { ScreenLightLog } from '../../ui/screen-light';
import { mixedTables, reflectionTables } from './screen-lit-camera';

describe('the simulated reflection', () => {
  it('only darkens, keeping the order of levels and black black', () => {
    for (const colour of SCREEN_COLOUR_NAMES) {
      for (const table of reflectionTables(colour, 0.3)) {
        expect(table[0]).toBe(0);
        for (let v = 1; v < 256; v++) {
          expect(table[v]!).toBeLessThanOrEqual(v);
          expect(table[v]!).toBeGreaterThanOrEqual(table[v - 1]!);
        }
      }
    }
  });

  it('lights a face so the colour challenge passes it as skin, and a wall so little it reads as the room behind', () => {
    const sequence: ScreenColour[] = ['blue', 'amber', 'green', 'magenta', 'orange'];
    const lit = (srgb: number[], k: number, colour: ScreenColour) => {
      const tables = reflectionTables(colour, k);
      return srgb.map((v, c) => tables[c]![v]!) as [number, number, number];
    };
    const judged = judgeColour({
      sequence,
      face: sequence.map((c) => lit([190, 140, 115], 0.3, c)),
      reference: sequence.map((c) => lit([150, 150, 140], 0.02, c)),
      faceLuma: 150,
      clipped: 0,
    });
    expect(judged).toMatchObject({ status: 'passed' });
    expect(judged.glassLikeness).toBeLessThan(-1);
  });
});

describe('the face and room mixes', () => {
  it("are the face's reflection at the centre, the room's at the corners, and between them between", () => {
    const mixed = mixedTables('magenta');
    const face = reflectionTables('magenta', 0.3);
    const room = reflectionTables('magenta', 0.02);
    const at = (step: number, c: number, v: number) => mixed[(step * 3 + c) * 256 + v]!;
    for (let c = 0; c < 3; c++) {
      for (let v = 0; v < 256; v++) {
        expect(at(32, c, v)).toBe(face[c]![v]);
        expect(at(0, c, v)).toBe(room[c]![v]);
        const [low, high] = [Math.min(face[c]![v]!, room[c]![v]!), Math.max(face[c]![v]!, room[c]![v]!)];
        expect(at(16, c, v)).toBeGreaterThanOrEqual(low);
        expect(at(16, c, v)).toBeLessThanOrEqual(high);
      }
    }
  });
});

describe('the screen light log', () => {
  it('answers what the screen showed at a past moment', () => {
    const log = new ScreenLightLog();
    expect(log.at(0)).toBeNull();
    log.set('blue', 100);
    log.set('green', 400);
    log.set(null, 700);
    expect(log.at(99)).toBeNull();
    expect(log.at(100)).toBe('blue');
    expect(log.at(450)).toBe('green');
    expect(log.at(800)).toBeNull();
  });
});
