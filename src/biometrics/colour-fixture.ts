import type { ColourEvidence } from '../protocol/liveness';
import { addColourSample, colourEvidence, startColour } from './colour-challenge';
import { screenLight, srgbLevel, type ScreenColour } from './colour-palette';

/**
 * Colour-challenge evidence recorded by `npm run bench:liveness` on 2026-12-07 (the held-out run, seeds
 * from 3 000 000): simulated sessions (scripts/faces/colour-scenes.ts) measured by the kiosk's face
 * worker in Chromium, one or two of each kind, as the kiosk would carry them. The decision's tests
 * judge them again (colour-fixture.test.ts); the first genuine one is the packets' fixture too (src/sync/packet-fixture.ts).
 */
export interface RecordedColour {
  kind: string;
  faceId: string;
  seed: number;
  evidence: ColourEvidence;
}

export const RECORDED_COLOUR: readonly RecordedColour[] = [
  {
    kind: 'genuine',
    faceId: 'f01',
    seed: 3000001,
    evidence: {
      thresholdsVersion: 'colour-2026-12-07.1',
      source: 'kiosk',
      nonce: null,
      stepMs: 300,
      sequence: ['orange', 'green', 'amber', 'orange', 'cyan'],
      steps: [
        { startMs: 0, samples: 5, face: [215.16, 146.87, 96.24], reference: [155.46, 148.43, 117.92] },
        { startMs: 300, samples: 5, face: [177.53, 168.53, 102.88], reference: [162.32, 157.53, 124.9] },
        { startMs: 600, samples: 4, face: [210.05, 162.25, 102.01], reference: [164.99, 158.63, 126.01] },
        { startMs: 900, samples: 4, face: [226.58, 155.07, 101.99], reference: [164.58, 157.17, 125.12] },
        { startMs: 1200, samples: 4, face: [178.24, 169.46, 119.88], reference: [164.85, 159.98, 127.78] },
      ],
      faceLuma: 166,
      clipped: 0.0007,
      status: 'passed',
      reason: null,
      correlation: 0.9614,
      amplitude: 0.2074,
      referenceShare: 0.0465,
      glassLikeness: -2.9285,
      screenLight: 0.2482,
    },
  },
  {
    kind: 'genuine',
    faceId: 'f01',
    seed: 3000004,
    evidence: {
      thresholdsVersion: 'colour-2026-12-07.1',
      source: 'kiosk',
      nonce: null,
      stepMs: 300,
      sequence: ['orange', 'magenta', 'amber', 'blue', 'orange'],
      steps: [
        { startMs: 0, samples: 5, face: [222.17, 143.44, 89.76], reference: [152.22, 141.3, 108.54] },
        { startMs: 300, samples: 5, face: [228.78, 146.12, 132.17], reference: [160.15, 148.71, 116.19] },
        { startMs: 600, samples: 5, face: [214.65, 159.96, 94.7], reference: [161.49, 150.95, 115.94] },
        { startMs: 900, samples: 5, face: [188.96, 164.34, 139.82], reference: [164.56, 154.81, 120.89] },
        { startMs: 1200, samples: 5, face: [237.34, 153.76, 96.3], reference: [163.48, 151.82, 116.84] },
      ],
      faceLuma: 168,
      clipped: 0.0392,
      status: 'passed',
      reason: null,
      correlation: 0.925,
      amplitude: 0.2544,
      referenceShare: 0.0492,
      glassLikeness: -2.587,
      screenLight: 0.3238,
    },
  },
  {
    kind: 'too_bright',
    faceId: 'f01',
    seed: 3000100,
    evidence: {
      thresholdsVersion: 'colour-2026-12-07.1',
      source: 'kiosk',
      nonce: null,
      stepMs: 300,
      sequence: ['orange', 'blue', 'amber', 'orange', 'amber'],
      steps: [
        { startMs: 0, samples: 4, face: [252.5, 233.76, 161.23], reference: [230.91, 207.56, 157.8] },
        { startMs: 300, samples: 5, face: [252.48, 234.57, 163.42], reference: [231.16, 207.8, 157.91] },
        { startMs: 600, samples: 5, face: [252.62, 234.75, 162.1], reference: [231.22, 207.81, 157.88] },
        { startMs: 900, samples: 5, face: [252.68, 234.56, 162.03], reference: [231.1, 207.67, 157.81] },
        { startMs: 1200, samples: 4, face: [252.52, 234.43, 161.46], reference: [231.1, 207.73, 157.84] },
      ],
      faceLuma: 232,
      clipped: 0.9414,
      status: 'failed',
      reason: 'too_bright',
      correlation: 0.8649,
      amplitude: 0.0046,
      referenceShare: 0.0249,
      glassLikeness: 0.2318,
      screenLight: 0.0045,
    },
  },
  {
    kind: 'phone_replay',
    faceId: 'f01',
    seed: 3000202,
    evidence: {
      thresholdsVersion: 'colour-2026-12-07.1',
      source: 'kiosk',
      nonce: null,
      stepMs: 300,
      sequence: ['cyan', 'orange', 'cyan', 'magenta', 'blue'],
      steps: [
        { startMs: 0, samples: 5, face: [191.62, 165.57, 118.82], reference: [85.68, 96.61, 76.34] },
        { startMs: 300, samples: 4, face: [193.31, 165.74, 118.52], reference: [87.63, 96.65, 75.99] },
        { startMs: 600, samples: 4, face: [192.61, 166.54, 119.57], reference: [86.18, 97.21, 76.74] },
        { startMs: 900, samples: 5, face: [193.6, 166.2, 120.58], reference: [87.68, 96.64, 77.46] },
        { startMs: 1200, samples: 5, face: [193.04, 166.78, 120.91], reference: [86.4, 97.03, 77.71] },
      ],
      faceLuma: 169,
      clipped: 0,
      status: 'failed',
      reason: 'no_colour_response',
      correlation: 0.9277,
      amplitude: 0.0075,
      referenceShare: 2.1677,
      glassLikeness: 0.3159,
      screenLight: 0.0065,
    },
  },
  {
    kind: 'phone_replay',
    faceId: 'f04',
    seed: 3030202,
    evidence: {
      thresholdsVersion: 'colour-2026-12-07.1',
      source: 'kiosk',
      nonce: null,
      stepMs: 300,
      sequence: ['cyan', 'amber', 'magenta', 'cyan', 'green'],
      steps: [
        { startMs: 0, samples: 4, face: [131.37, 95.03, 67.34], reference: [115.5, 119.58, 144.9] },
        { startMs: 300, samples: 4, face: [146.22, 97.84, 55.28], reference: [123.41, 126.75, 152.88] },
        { startMs: 600, samples: 5, face: [151.82, 95.09, 85.13], reference: [125.5, 128.22, 156.5] },
        { startMs: 900, samples: 4, face: [142.16, 103.09, 73.24], reference: [124.51, 128.85, 155.98] },
        { startMs: 1200, samples: 5, face: [142.81, 104.02, 58.76], reference: [124.64, 128.97, 155.33] },
      ],
      faceLuma: 108,
      clipped: 0,
      status: 'failed',
      reason: 'glass_reflection',
      correlation: 0.894,
      amplitude: 0.1082,
      referenceShare: 0.0679,
      glassLikeness: 1.301,
      screenLight: 0.1902,
    },
  },
  {
    kind: 'recorded_session',
    faceId: 'f01',
    seed: 3000301,
    evidence: {
      thresholdsVersion: 'colour-2026-12-07.1',
      source: 'kiosk',
      nonce: null,
      stepMs: 300,
      sequence: ['cyan', 'magenta', 'blue', 'amber', 'green'],
      steps: [
        { startMs: 0, samples: 4, face: [186.52, 165.91, 135.59], reference: [79.76, 96.99, 111.74] },
        { startMs: 300, samples: 5, face: [198.88, 165.99, 124.84], reference: [81.21, 97.33, 112.98] },
        { startMs: 600, samples: 4, face: [186.96, 170.17, 126.47], reference: [80.82, 98, 113.62] },
        { startMs: 900, samples: 4, face: [204.52, 163.53, 134.09], reference: [81.05, 97.77, 112.24] },
        { startMs: 1200, samples: 4, face: [195.94, 171.29, 128.19], reference: [77.36, 94.19, 108.09] },
      ],
      faceLuma: 171,
      clipped: 0,
      status: 'failed',
      reason: 'colour_mismatch',
      correlation: 0.4838,
      amplitude: 0.0733,
      referenceShare: 0.1897,
      glassLikeness: -0.0191,
      screenLight: 0.0118,
    },
  },
  {
    kind: 'late_follower',
    faceId: 'f01',
    seed: 3000402,
    evidence: {
      thresholdsVersion: 'colour-2026-12-07.1',
      source: 'kiosk',
      nonce: null,
      stepMs: 300,
      sequence: ['orange', 'green', 'blue', 'orange', 'amber'],
      steps: [
        { startMs: 0, samples: 4, face: [186.03, 163.97, 120.49], reference: [47.34, 64.02, 54.54] },
        { startMs: 300, samples: 4, face: [197.54, 152.27, 107.76], reference: [50.12, 68.28, 58.22] },
        { startMs: 600, samples: 4, face: [171.39, 166.21, 117.14], reference: [52.46, 71.18, 61.21] },
        { startMs: 900, samples: 5, face: [180.18, 163.45, 138.07], reference: [53.94, 72.46, 61.87] },
        { startMs: 1200, samples: 4, face: [206.31, 157.7, 111.71], reference: [53.14, 71.67, 61.13] },
      ],
      faceLuma: 164,
      clipped: 0,
      status: 'failed',
      reason: 'colour_mismatch',
      correlation: -0.2372,
      amplitude: 0.1412,
      referenceShare: null,
      glassLikeness: -0.0025,
      screenLight: 0.0005,
    },
  },
  {
    kind: 'print_flat',
    faceId: 'f01',
    seed: 3000501,
    evidence: {
      thresholdsVersion: 'colour-2026-12-07.1',
      source: 'kiosk',
      nonce: null,
      stepMs: 300,
      sequence: ['orange', 'amber', 'orange', 'amber', 'green'],
      steps: [
        { startMs: 0, samples: 5, face: [198.04, 142.8, 96.35], reference: [178.7, 146.31, 111.81] },
        { startMs: 300, samples: 4, face: [192.79, 151.27, 99.61], reference: [174.7, 155.53, 115.7] },
        { startMs: 600, samples: 5, face: [205.9, 148.7, 100.44], reference: [186.82, 153.07, 117.23] },
        { startMs: 900, samples: 4, face: [194.71, 152.77, 100.58], reference: [175.93, 156.67, 116.53] },
        { startMs: 1200, samples: 5, face: [177.03, 158.71, 102.22], reference: [160.18, 163.05, 119.06] },
      ],
      faceLuma: 158,
      clipped: 0,
      status: 'failed',
      reason: 'flat_reflection',
      correlation: 0.975,
      amplitude: 0.1315,
      referenceShare: 0.9646,
      glassLikeness: -1.6485,
      screenLight: 0.1502,
    },
  },
  {
    kind: 'print_bent',
    faceId: 'f01',
    seed: 3000600,
    evidence: {
      thresholdsVersion: 'colour-2026-12-07.1',
      source: 'kiosk',
      nonce: null,
      stepMs: 300,
      sequence: ['orange', 'green', 'blue', 'magenta', 'orange'],
      steps: [
        { startMs: 0, samples: 4, face: [204.29, 142.94, 103.8], reference: [189.49, 151.81, 125.61] },
        { startMs: 300, samples: 5, face: [160.2, 167.18, 111.77], reference: [152.21, 176.03, 135.22] },
        { startMs: 600, samples: 5, face: [171.58, 163.3, 151.26], reference: [162.17, 172.74, 164.63] },
        { startMs: 900, samples: 4, face: [216.3, 150.43, 147.02], reference: [200.87, 160.42, 163.22] },
        { startMs: 1200, samples: 4, face: [217.26, 152.29, 110.83], reference: [201.91, 162.22, 134.45] },
      ],
      faceLuma: 163,
      clipped: 0,
      status: 'failed',
      reason: 'flat_reflection',
      correlation: 0.9593,
      amplitude: 0.2461,
      referenceShare: 0.8472,
      glassLikeness: -2.6086,
      screenLight: 0.2877,
    },
  },
];

/**
 * Evidence of a face that took on `sequence` as skin does (k 0.15, before a wall taking 0.02): what a
 * genuine citizen's kiosk would send for a sequence a test chose, e.g. the back office's.
 */
export function litColourEvidence(sequence: readonly ScreenColour[], stepMs: number, nonce: string | null): ColourEvidence {
  const skin = [0.42, 0.27, 0.19];
  const wall = [0.5, 0.48, 0.43];
  const encode = (v: number) => Math.round(100 * srgbLevel(v)) / 100;
  const lit = (albedo: number[], k: number, colour: ScreenColour) => {
    const light = screenLight(colour);
    return albedo.map((a, c) => encode(a * (1 + k * light[c]!))) as [number, number, number];
  };
  let run = startColour({ sequence: [...sequence], stepMs, nonce, source: nonce ? 'back_office' : 'kiosk' }, 0);
  for (let t = 0; t < sequence.length * stepMs; t += 33) {
    const colour = sequence[Math.floor(t / stepMs)]!;
    run = addColourSample(run, { face: lit(skin, 0.15, colour), reference: lit(wall, 0.02, colour), faceLuma: 120, clipped: 0 }, t);
  }
  return colourEvidence(run);
}
