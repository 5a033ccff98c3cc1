// What a reviewer reads of the colour challenge's evidence (src/biometrics/colour-challenge.ts):
// the colours the screen showed beside the colour the face took in each step, and the four figures
// the decision is made on, each beside its limit, judged again here as the back office judges them.
// Pure, so the page only lays it out.
import { COLOUR_THRESHOLDS as T, rejudgeColour } from '../src/biometrics/colour-challenge';
import { SCREEN_COLOURS } from '../src/biometrics/colour-palette';
import type { ColourEvidence } from '../src/protocol/liveness';

export interface ColourStepLine {
  startMs: number;
  shown: ColourEvidence['sequence'][number];
  /** CSS colours of the screen and of the face's regions as measured (null: no frame in the step). */
  screenCss: string;
  faceCss: string | null;
  samples: number;
}

export interface ColourMeasureLine {
  /** The console's key suffix: colour.<measure>. */
  measure: 'amplitude' | 'correlation' | 'glass' | 'share' | 'light' | 'luma';
  value: string;
  limit: string;
  /** This figure is what refused it. */
  failing: boolean;
}

const css = (rgb: readonly number[]) => `rgb(${rgb.map((v) => Math.round(v)).join(' ')})`;
const fixed = (v: number | null, places = 3) => (v === null ? '—' : v.toFixed(places));

export function colourSteps(evidence: ColourEvidence): ColourStepLine[] {
  return evidence.sequence.map((shown, i) => {
    const step = evidence.steps[i];
    return { startMs: step?.startMs ?? i * evidence.stepMs, shown, screenCss: css(SCREEN_COLOURS[shown]), faceCss: step?.face ? css(step.face) : null, samples: step?.samples ?? 0 };
  });
}

/** The figures judged again from the per-step measurements (the kiosk's own figures are not trusted). */
export function colourMeasures(evidence: ColourEvidence): { lines: ColourMeasureLine[]; status: 'passed' | 'failed'; reason: string | null } {
  const judged = rejudgeColour(evidence);
  const failing = (reasons: string[]) => judged.reason !== null && reasons.includes(judged.reason);
  return {
    status: judged.status,
    reason: judged.reason,
    lines: [
      { measure: 'amplitude', value: fixed(judged.amplitude), limit: `≥ ${T.minAmplitude}`, failing: failing(['no_colour_response', 'too_bright']) },
      { measure: 'correlation', value: fixed(judged.correlation), limit: `≥ ${T.minCorrelation}`, failing: failing(['colour_mismatch']) },
      { measure: 'glass', value: fixed(judged.glassLikeness, 2), limit: `≤ ${T.maxGlassLikeness}`, failing: failing(['glass_reflection']) },
      { measure: 'share', value: fixed(judged.referenceShare), limit: `≤ ${T.maxReferenceShare}`, failing: failing(['flat_reflection']) },
      { measure: 'light', value: fixed(judged.screenLight), limit: '', failing: false },
      { measure: 'luma', value: String(evidence.faceLuma), limit: `< ${T.brightLuma}`, failing: failing(['too_bright']) },
    ],
  };
}
