import { centred, screenLight, type ScreenColour } from './colour-palette';

/*
 * Skin or glass: how the colour came back. Skin (and paper) reflects diffusely: the screen's light is
 * multiplied by the surface's own colour, so each channel changes by the same share whatever the
 * skin's colour: face = albedo · (ambient + k · screen). Glass in front of a picture mirrors the
 * screen's light on top of what the picture emits: face = emission + g · screen, so a channel the
 * picture is dim in (blue, on a face) changes by a much larger share. Fitting both models to the
 * steps' colours tells which one the camera saw, whatever the amount of light.
 * In ratios to green (so the camera's exposure drops out), centred over the steps. The room's light,
 * as the camera's white balance leaves it, may be a little warm or cool: the skin model allows
 * ±20% between red and blue (AMBIENT_TINTS), far less than the factor of 2–3 between a face's own red
 * and blue that the glass model's changes follow.
 */

const AMBIENT_TINTS = [-0.2, -0.15, -0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2];

export interface ReflectionFit {
  /** log10 of (diffuse model's residual / mirror model's residual): below 0 skin-like, above 0 glass-like. */
  glassLikeness: number;
  /** The diffuse model's k: the screen's share of the light on the face, per unit of the room's. */
  screenLight: number;
}

type Rgb = readonly [number, number, number];

const ratios = ([r, g, b]: Rgb): [number, number] => [Math.log(r / g), Math.log(b / g)];

/** Smallest squared residual over a log grid of the model's one parameter, and the parameter there. `observed`: centred, stacked. */
function bestFit(observed: readonly number[], predict: (p: number) => [number, number][]): { residual: number; parameter: number } {
  let best = { residual: Infinity, parameter: 0 };
  for (let i = 0; i <= 400; i++) {
    const parameter = 0.0005 * 1.03 ** i; // 0.0005 … 70
    const predicted = centred(predict(parameter));
    let residual = 0;
    for (let j = 0; j < observed.length; j++) residual += (observed[j]! - predicted[j]!) ** 2;
    if (residual < best.residual) best = { residual, parameter };
  }
  return best;
}

/** `faces`: each measured step's face colour in linear light; `colours`: what the screen showed then. Null when a channel is black. */
export function fitReflection(faces: readonly Rgb[], colours: readonly ScreenColour[]): ReflectionFit | null {
  if (faces.some((f) => f.some((v) => !(v > 0)))) return null;
  const observed = centred(faces.map(ratios));
  const light = colours.map(screenLight);
  const base = [0, 1, 2].map((c) => faces.reduce((s, f) => s + f[c]!, 0) / faces.length) as unknown as Rgb;
  const diffuse = AMBIENT_TINTS.map((w) => bestFit(observed, (k) => light.map((s) => ratios([1 + w + k * s[0], 1 + k * s[1], 1 - w + k * s[2]])))).reduce((a, b) =>
    b.residual < a.residual ? b : a,
  );
  const mirror = bestFit(observed, (g) => light.map((s) => ratios([base[0] + g * s[0], base[1] + g * s[1], base[2] + g * s[2]])));
  // A tiny floor: two perfect fits (noise-free test data) are a tie, not a division by zero.
  const floor = 1e-12;
  return { glassLikeness: Math.log10((diffuse.residual + floor) / (mirror.residual + floor)), screenLight: diffuse.parameter };
}
