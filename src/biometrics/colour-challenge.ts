import type { ColourEvidence, ColourFailure } from '../protocol/liveness';
import { centred, chromaticity, correlation, linear, screenChromaticity, type ScreenColour } from './colour-palette';
import type { ColourSample } from './colour-regions';
import { fitReflection } from './colour-reflection';

/*
 * The colour challenge: the screen around the oval shows a random sequence of colours, the skin of a
 * face half a metre away reflects each one, in time and with the right sign per channel; a phone's
 * own light does not follow, and a photo filling the view reflects it as its background does. Pure:
 * the identify step feeds it timed samples (colour-regions.ts) and reads the colour to show; the
 * back office judges the evidence again (judgeColour) from the per-step responses it is sent.
 */

export const COLOUR_THRESHOLDS = {
  version: 'colour-2026-12-07.1',
  /** 5 colours of 300 ms: 1.5 s, within the 2 s the check may add. */
  steps: 5,
  stepMs: 300,
  /** With reduced motion asked for: fewer changes, each held longer (2.5 a second instead of 3.3). */
  calmSteps: 4,
  calmStepMs: 400,
  /**
   * Each step's first part is not measured: the screen takes a frame to change, the camera a frame
   * or more to expose and deliver it. 150 ms covers a USB camera's usual 60–120 ms; the pilot's
   * camera must be measured (docs/biometrics.md), as a late camera reads every step as the one before.
   */
  settleMs: 150,
  /** Steps without a sample the check can do without; more, and it cannot tell. */
  maxUnmeasuredSteps: 1,
  /** How far the face's chromaticity moves, relative to the reference, per unit of the screen's. Chosen on the bench's data. */
  minAmplitude: 0.03,
  /** How well the response follows the asked sequence. Chosen on the bench's data. */
  minCorrelation: 0.7,
  /** The reference's gain over the face's: a wall a metre behind a face takes a quarter of its light or less. Chosen on the bench's data. */
  maxReferenceShare: 0.5,
  /**
   * The skin model must explain the colours at least twice as well as the glass model (log10 ratio
   * −0.3, colour-reflection.ts): a phone's glare fits glass, and a recording of an earlier colour
   * session that happens to correlate fits neither. Chosen on the bench's data: genuine ≤ −0.49, attacks ≥ −0.10.
   */
  maxGlassLikeness: -0.3,
  /** A face this bright or this clipped takes too little of the screen's light to measure: "too bright to tell". */
  brightLuma: 200,
  brightClipped: 0.15,
} as const;

/** The limits as a type, so the bench can try others on the same evidence. */
export type ColourThresholds = { [K in keyof typeof COLOUR_THRESHOLDS]: (typeof COLOUR_THRESHOLDS)[K] extends string ? string : number };

const T = COLOUR_THRESHOLDS;

export interface ColourPlan {
  sequence: ScreenColour[];
  stepMs: number;
  /** The back office's challenge id when it chose the sequence; null when the kiosk did (offline). */
  nonce: string | null;
  source: 'back_office' | 'kiosk';
}

export interface ColourRun {
  plan: ColourPlan;
  /** When the first colour was on the screen. */
  startedAt: number;
  samples: { at: number; sample: ColourSample }[];
}

export function startColour(plan: ColourPlan, startedAt: number): ColourRun {
  return { plan, startedAt, samples: [] };
}

/** The colour to show at `now`, null once the sequence is over. */
export function colourAt(run: ColourRun, now: number): ScreenColour | null {
  const index = Math.floor((now - run.startedAt) / run.plan.stepMs);
  return index >= 0 ? (run.plan.sequence[index] ?? null) : null;
}

export function colourOver(run: ColourRun, now: number): boolean {
  return now - run.startedAt >= run.plan.sequence.length * run.plan.stepMs;
}

/** `at` is when the camera frame was taken, as near as the kiosk can tell. */
export function addColourSample(run: ColourRun, sample: ColourSample, at: number): ColourRun {
  return { ...run, samples: [...run.samples, { at, sample }] };
}

/** Chromaticity of a region's mean sRGB, in linear light. */
export function regionChromaticity([r, g, b]: readonly [number, number, number]): [number, number] {
  return chromaticity([linear(r), linear(g), linear(b)]);
}

export interface ColourJudgement {
  status: 'passed' | 'failed';
  reason: ColourFailure | null;
  correlation: number | null;
  amplitude: number | null;
  referenceShare: number | null;
  glassLikeness: number | null;
  screenLight: number | null;
}

type MeanRgb = [number, number, number];

export interface ColourSteps {
  sequence: readonly ScreenColour[];
  /** Per step, the face's and the reference's mean sRGB (null: nothing measured). */
  face: readonly (MeanRgb | null)[];
  reference: readonly (MeanRgb | null)[];
  faceLuma: number;
  clipped: number;
}

/**
 * The decision on per-step colours, the same in the kiosk and in the back office. The face's
 * amplitude (in chromaticity) says whether it took on the screen's colours at all (a phone's own light
 * does not); its correlation with the screen's whether in the asked order and sense (a recording of
 * another sequence, a copy one step late do not); the reflection fit whether skin or glass sent the
 * colours back (a phone's glass mirrors them on top of its picture); the reference's share of the
 * face's gain whether face and background stood at one distance from the screen, as on a print (a
 * face half a metre from the screen takes four times the light of a wall a metre behind it).
 */
export function judgeColour(input: ColourSteps, thresholds: ColourThresholds = COLOUR_THRESHOLDS): ColourJudgement {
  const T = thresholds;
  const unjudged = { correlation: null, amplitude: null, referenceShare: null, glassLikeness: null, screenLight: null };
  const steps = input.sequence.flatMap((colour, i) => {
    const face = input.face[i];
    return face ? [{ colour, screen: screenChromaticity(colour), face, reference: input.reference[i] ?? null }] : [];
  });
  if (input.sequence.length - steps.length > T.maxUnmeasuredSteps || steps.length < 3) {
    return { status: 'failed', reason: 'colour_unmeasured', ...unjudged };
  }
  const screen = centred(steps.map((s) => s.screen));
  const face = centred(steps.map((s) => regionChromaticity(s.face)));
  const power = dot(screen, screen);
  const amplitude = Math.sqrt(dot(face, face) / power);
  const r = correlation(screen, face);
  const faceGain = dot(screen, face) / power;
  // A reference too dark to read in most steps (a dark room behind) is one that took no light.
  const referenced = steps.filter((s) => s.reference).length >= steps.length - T.maxUnmeasuredSteps;
  const referenceGain = referenced ? dot(screen, centred(steps.map((s) => regionChromaticity(s.reference ?? s.face)))) / power : 0;
  const share = faceGain > 0 ? referenceGain / faceGain : null;
  const fit = fitReflection(
    steps.map((s) => s.face.map(linear) as MeanRgb),
    steps.map((s) => s.colour),
  );
  const figures = {
    correlation: round(r),
    amplitude: round(amplitude),
    referenceShare: share === null ? null : round(share),
    glassLikeness: fit ? round(fit.glassLikeness) : null,
    screenLight: fit ? round(fit.screenLight) : null,
  };
  if (amplitude < T.minAmplitude) {
    const tooBright = input.faceLuma >= T.brightLuma || input.clipped >= T.brightClipped;
    return { status: 'failed', reason: tooBright ? 'too_bright' : 'no_colour_response', ...figures };
  }
  if (r < T.minCorrelation) return { status: 'failed', reason: 'colour_mismatch', ...figures };
  if (!fit || fit.glassLikeness > T.maxGlassLikeness) return { status: 'failed', reason: 'glass_reflection', ...figures };
  if (share === null || share > T.maxReferenceShare) return { status: 'failed', reason: 'flat_reflection', ...figures };
  return { status: 'passed', reason: null, ...figures };
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const round = (v: number) => Math.round(v * 10_000) / 10_000;

/** The run as the evidence the application carries, with its decision. */
export function colourEvidence(run: ColourRun): ColourEvidence {
  const { plan } = run;
  const steps = plan.sequence.map((_colour, i) => {
    const from = run.startedAt + i * plan.stepMs + T.settleMs;
    const to = run.startedAt + (i + 1) * plan.stepMs;
    const inside = run.samples.filter((s) => s.at >= from && s.at < to).map((s) => s.sample);
    const references = inside.flatMap((s) => (s.reference ? [s.reference] : []));
    return {
      startMs: i * plan.stepMs,
      samples: inside.length,
      face: inside.length > 0 ? meanRgb(inside.map((s) => s.face)) : null,
      reference: references.length > 0 ? meanRgb(references) : null,
    };
  });
  const all = run.samples.map((s) => s.sample);
  const faceLuma = all.length > 0 ? all.reduce((s, x) => s + x.faceLuma, 0) / all.length : 0;
  const clipped = all.length > 0 ? all.reduce((s, x) => s + x.clipped, 0) / all.length : 0;
  const judgement = judgeColour({
    sequence: plan.sequence,
    face: steps.map((s) => s.face),
    reference: steps.map((s) => s.reference),
    faceLuma,
    clipped,
  });
  return {
    thresholdsVersion: T.version,
    source: plan.source,
    nonce: plan.nonce,
    stepMs: plan.stepMs,
    sequence: [...plan.sequence],
    steps,
    faceLuma: Math.round(faceLuma),
    clipped: round(clipped),
    ...judgement,
  };
}

/** Judges evidence again from what it carries (the back office, at the identify route and at sync). */
export function rejudgeColour(evidence: ColourEvidence, thresholds: ColourThresholds = COLOUR_THRESHOLDS): ColourJudgement {
  return judgeColour(
    {
    sequence: evidence.sequence,
    face: evidence.steps.map((s) => s.face),
    reference: evidence.steps.map((s) => s.reference),
      faceLuma: evidence.faceLuma,
      clipped: evidence.clipped,
    },
    thresholds,
  );
}

/** Two decimals of a level (0–255) keep what averaging frames adds, and the evidence short. */
function meanRgb(values: readonly (readonly [number, number, number])[]): MeanRgb {
  const mean = (c: number) => Math.round((values.reduce((s, v) => s + v[c]!, 0) / values.length) * 100) / 100;
  return [mean(0), mean(1), mean(2)];
}
