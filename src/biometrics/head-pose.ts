import type { Point } from './face-analysis';

/*
 * Head pose from the 68 iBUG landmarks, without a 3-D model: coarse, but monotonic and cheap,
 * which is all a turn challenge and a "look at the screen" hint need.
 *
 * Sign convention (the citizen's point of view): yaw > 0 when the citizen turns towards their own
 * LEFT. In the raw camera frame their nose then moves to the image's right; in the mirrored preview
 * it moves to the screen's left, just as they expect.
 */

const JAW_LEFT = [0, 1, 2] as const; // image-left side of the jaw outline
const JAW_RIGHT = [14, 15, 16] as const;
const NOSE_TIP = 30;
const CHIN = 8;
const EYE_A = [36, 37, 38, 39, 40, 41] as const; // image-left eye (the citizen's right eye)
const EYE_B = [42, 43, 44, 45, 46, 47] as const;

const DEG = 180 / Math.PI;

function at(landmarks: readonly Point[], i: number): Point {
  const p = landmarks[i];
  if (!p) throw new RangeError(`landmark ${i} missing: expected 68 points, got ${landmarks.length}`);
  return p;
}

function mean(landmarks: readonly Point[], indices: readonly number[]): Point {
  let x = 0;
  let y = 0;
  for (const i of indices) {
    const p = at(landmarks, i);
    x += p[0];
    y += p[1];
  }
  return [x / indices.length, y / indices.length];
}

export function eyeCentres(landmarks: readonly Point[]): { left: Point; right: Point } {
  return { left: mean(landmarks, EYE_A), right: mean(landmarks, EYE_B) };
}

/**
 * Signed yaw in degrees. The head is taken as a cylinder: the jaw's sides sit at ±R cos θ and the
 * nose tip at R sin θ, so the asymmetry (dl − dr)/(dl + dr) of the nose's distances to both sides
 * is tan θ (the silhouette model gives sin θ; both are close below 30°). Good to about ±45°; beyond
 * that the far jaw side is hidden and the estimate saturates.
 */
export function estimateYaw(landmarks: readonly Point[]): number {
  // Measured along the eye line, so a tilted head (roll) does not read as a turn.
  const { left: eyeL, right: eyeR } = eyeCentres(landmarks);
  const ax = eyeR[0] - eyeL[0];
  const ay = eyeR[1] - eyeL[1];
  const along = (p: Point) => p[0] * ax + p[1] * ay;
  const nose = along(at(landmarks, NOSE_TIP));
  const left = along(mean(landmarks, JAW_LEFT));
  const right = along(mean(landmarks, JAW_RIGHT));
  const dl = nose - left;
  const dr = right - nose;
  const span = dl + dr;
  if (span <= 0) return 0;
  return Math.atan((dl - dr) / span) * DEG;
}

/** Signed roll in degrees: the slope of the line through both eyes (> 0 when it falls to the image's right). */
export function estimateRoll(landmarks: readonly Point[]): number {
  const { left, right } = eyeCentres(landmarks);
  return Math.atan2(right[1] - left[1], right[0] - left[0]) * DEG;
}

/**
 * Where the nose tip sits between the eye line and the chin, 0–1. About 0.45 for a level head;
 * it falls when the head tips back and rises when it bows. A ratio, not degrees: the landmarks
 * carry too little depth for an honest pitch angle.
 */
export function noseHeightRatio(landmarks: readonly Point[]): number {
  const { left, right } = eyeCentres(landmarks);
  const eyeY = (left[1] + right[1]) / 2;
  const chinY = at(landmarks, CHIN)[1];
  const noseY = at(landmarks, NOSE_TIP)[1];
  const span = chinY - eyeY;
  return span > 0 ? (noseY - eyeY) / span : 0;
}

/*
 * Pitch from a mean face: along the face's vertical (perpendicular to the eye line, so roll does
 * not count), the nose tip sits PITCH_NOSE_SHARE of the way from the eye line down to the upper
 * lip when the head is level. The nose tip stands PITCH_NOSE_DEPTH (in eye-to-lip units) in front
 * of the eyes and the upper lip PITCH_LIP_DEPTH, so tipping the head back by θ raises the nose in
 * the image by depth × sin θ relative to the eyes: the share r read in the image gives
 * tan θ = (r₀ − r) / (noseDepth − r × lipDepth).
 *
 * The depths are anthropometric means (the nose tip ~0.45 of the eye-to-lip height in front of the
 * eyes); r₀ = 0.64 is both the anthropometric mean and close to the median of the 18 registry
 * faces (0.66). Honest accuracy: r₀ differs between people by about ±0.04, i.e. ±6° of pitch, and
 * the corners of the upper lip rise in a broad smile (the synthetic smile reads 6° chin down). So the zero is good to
 * about ±6° per person and the slope to about 20%: enough to tell "level" from "clearly up or
 * down", not a calibrated angle. A 3-D template fit over all 68 points would share the same
 * per-person bias, since it too assumes a mean face.
 */
export const PITCH_NOSE_SHARE = 0.64;
export const PITCH_NOSE_DEPTH = 0.45;
export const PITCH_LIP_DEPTH = 0.1;
const UPPER_LIP = [48, 49, 50, 51, 52, 53, 54] as const;

/** Signed pitch in degrees: > 0 when the citizen tips their head back (chin up), < 0 when they bow it. */
export function estimatePitch(landmarks: readonly Point[]): number {
  const { left, right } = eyeCentres(landmarks);
  const ex = right[0] - left[0];
  const ey = right[1] - left[1];
  const eyeDistance = Math.hypot(ex, ey);
  if (eyeDistance === 0) return 0;
  // Unit vector down the face: the eye line turned a quarter clockwise.
  const dx = -ey / eyeDistance;
  const dy = ex / eyeDistance;
  const midX = (left[0] + right[0]) / 2;
  const midY = (left[1] + right[1]) / 2;
  const down = (p: Point) => (p[0] - midX) * dx + (p[1] - midY) * dy;
  const lip = down(mean(landmarks, UPPER_LIP));
  if (lip <= 0) return 0;
  const r = down(at(landmarks, NOSE_TIP)) / lip;
  return Math.atan((PITCH_NOSE_SHARE - r) / (PITCH_NOSE_DEPTH - r * PITCH_LIP_DEPTH)) * DEG;
}
