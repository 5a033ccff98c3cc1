import { PHOTO_MEASURES, type PhotoMeasure, type PhotoQuality } from '../protocol/photo-quality';
import { CROWN_OVER_EYES } from './crop';
import type { Box, DetectedFace, Point } from './face-analysis';
import { estimatePitch, estimateRoll, estimateYaw, eyeCentres } from './head-pose';
import { laplacianVariance, luminanceStats, sampleLuminance, type PixelImage } from './image-measures';
import { eyesOpenness, mouthOpening } from './photo-quality-landmarks';

/*
 * The ICAO portrait checks, measured on every camera frame. Names follow OFIQ (ISO/IEC 29794-5)
 * so that a reader can set ours beside theirs; the values are our own simpler measures, not OFIQ's
 * quality scores. Each failing measure maps to one plain instruction for the citizen.
 */

export type { PhotoMeasure };

export interface Measure {
  value: number;
  ok: boolean;
}

export type PhotoAssessment = Readonly<Record<PhotoMeasure, Measure>>;

export interface PhotoInput {
  /** Every face the worker found in the frame. */
  faces: readonly DetectedFace[];
  frame: { width: number; height: number };
  /** The portrait rectangle in frame pixels (`portraitCrop`). */
  crop: Box;
  /** RGBA pixels of the frame, or of any part of it at any scale (see `pixelsArea`). */
  pixels: PixelImage;
  /** The frame area, in frame pixels, that `pixels` shows; the whole frame when left out. Pass `crop` when `pixels` holds the crop. */
  pixelsArea?: Box;
}

/** Goes with the measures into each application: change it whenever a limit below changes. */
export const PHOTO_LIMITS_VERSION = 'photo-2026-11-25.1';

/** Limits, each with why. Angles in degrees; luminance on 0–255 (Rec. 601 luma). */
export const PHOTO_LIMITS = {
  /** ICAO 9303 / ISO 19794-5: yaw and pitch within ±5°, roll within ±8°. */
  maxYaw: 5,
  /** ICAO's ±5°, though our pitch's zero is only good to about ±6° per person (see estimatePitch). */
  maxPitch: 5,
  maxRoll: 8,
  /**
   * Eye aspect ratio of the less open eye. Open eyes on the registry faces read 0.20–0.35 (the
   * lowest a downward gaze); the registry has no shut eye, the synthetic one reads 0.10. 0.15
   * leaves room for naturally narrow eyes, common in Kazakhstan, which 0.2 (the usual blink
   * threshold) would refuse; it lets a half-shut eye through.
   */
  minEyesOpen: 0.15,
  /** Inner-lip gap over mouth width: closed lips read 0.02–0.08 on the registry faces, a smile showing teeth 0.12–0.36. */
  maxMouthOpening: 0.1,
  /**
   * face-api's expression net's probability that the face is neutral. On the 18 registry faces the
   * neutral ones read 0.52–1.00 and the smiles 0.00–0.07, closed-lip smiles included, which the
   * mouth's width could not tell (see docs/biometrics.md); 0.5 is the net's own decision point.
   */
  minNeutral: 0.5,
  /** ICAO: chin to crown 70–80% of the image height (crown estimated as in portraitCrop). */
  minHeadShare: 0.7,
  maxHeadShare: 0.8,
  /**
   * Eye centres at least this many frame pixels apart. The 413×531 portrait puts them ~120 px
   * apart, so below 60 the crop is enlarged more than 2× and looks soft.
   */
  minInterEyeDistance: 60,
  /** ISO 19794-5: the face's vertical midline within ±5% of the image's width from its centre. */
  maxEyeOffset: 0.05,
  /**
   * Laplacian variance over luminance variance (‰) on the inner face at SHARPNESS_COLUMNS wide.
   * The 18 registry faces read 8–79 as they are, 3–15 after a 3×3 box blur ×3 (σ ≈ 1.4 px) and
   * 2–8 after ×6: faces differ in their own fine detail as much as blur changes one face, so this
   * only catches clear blur. Dividing by the variance makes it blind to exposure and skin tone.
   */
  minSharpness: 7,
  /**
   * Mean inner-face luminance. The registry faces read 62–157 as they are (the lowest a dim shot,
   * not dark skin), 25–63 darkened ×0.4, 111–237 brightened ×1.8 (12 of 18 over 200). Set wide so
   * that darker skin, well lit, is never sent to find more light.
   */
  minLuminance: 60,
  maxLuminance: 200,
  /** 5–95 percentile spread of face luminance: the registry faces read 80–140, darkened ×0.4 33–57. */
  minDynamicRange: 50,
  /**
   * Standard deviation of luminance beside the head. The registry's walls (rooms, crowds) read
   * 18–98; 15 leaves a plain wall room for camera noise and a soft light gradient. Check on the
   * kiosk's own backdrop at the pilot.
   */
  maxBackgroundStd: 15,
  /** ICAO asks for a light background; mid-grey (~128) and up reads as light. */
  minBackgroundLuminance: 120,
} as const;

/**
 * Inner-face resampling width for Sharpness, Luminance and DynamicRange, so they do not depend on
 * distance: about the inner face's width in the 413×531 portrait, so blur counts as it will show there.
 */
export const SHARPNESS_COLUMNS = 128;
/** The head's width over the jaw outline's (0–16), hair included: the background bands start beyond it. */
const HEAD_OVER_JAW = 1.25;
/** Background bands are sampled in cells this fraction of the crop's width: camera noise averages out, a busy wall does not. */
const BACKGROUND_CELL = 1 / 48;

const INNER_FACE_FIRST = 17; // brows, nose, eyes, mouth: skin and features, no hair or background
const CHIN = 8;
const JAW_LEFT = 0;
const JAW_RIGHT = 16;

const fail: Measure = { value: NaN, ok: false };
const within = (value: number, min: number, max: number): Measure => ({ value, ok: value >= min && value <= max });

export function assessPhoto(input: PhotoInput): PhotoAssessment {
  const face = largestFace(input.faces);
  const single = { value: input.faces.length, ok: input.faces.length === 1 };
  if (!face) {
    return {
      SingleFacePresent: single,
      InterEyeDistance: fail,
      HeadSize: fail,
      CropOfTheFaceImage: fail,
      HeadPoseYaw: fail,
      HeadPosePitch: fail,
      HeadPoseRoll: fail,
      EyesOpen: fail,
      MouthClosed: fail,
      ExpressionNeutrality: fail,
      Luminance: fail,
      DynamicRange: fail,
      Sharpness: fail,
      BackgroundUniformity: fail,
      BackgroundLuminance: fail,
    };
  }
  const L = PHOTO_LIMITS;
  const { landmarks } = face;
  const { crop } = input;
  const { left, right } = eyeCentres(landmarks);
  const eyes: Point = [(left[0] + right[0]) / 2, (left[1] + right[1]) / 2];
  const eyesToChin = distance(eyes, point(landmarks, CHIN));
  const yaw = estimateYaw(landmarks);
  const pitch = estimatePitch(landmarks);
  const roll = estimateRoll(landmarks);

  const toPixels = pixelMapping(input);
  const inner = toPixels(boundsOf(landmarks.slice(INNER_FACE_FIRST)));
  const rows = Math.max(8, Math.round((SHARPNESS_COLUMNS * inner.height) / Math.max(1, inner.width)));
  const grid = sampleLuminance(input.pixels, inner, SHARPNESS_COLUMNS, rows);
  const exposure = luminanceStats(grid.values);
  const background = luminanceStats(backgroundSamples(input, toPixels, face, eyes, eyesToChin));

  return {
    SingleFacePresent: single,
    InterEyeDistance: { value: distance(left, right), ok: distance(left, right) >= L.minInterEyeDistance },
    HeadSize: within((eyesToChin * (1 + CROWN_OVER_EYES)) / crop.height, L.minHeadShare, L.maxHeadShare),
    CropOfTheFaceImage: within((eyes[0] - (crop.x + crop.width / 2)) / crop.width, -L.maxEyeOffset, L.maxEyeOffset),
    HeadPoseYaw: within(yaw, -L.maxYaw, L.maxYaw),
    HeadPosePitch: within(pitch, -L.maxPitch, L.maxPitch),
    HeadPoseRoll: within(roll, -L.maxRoll, L.maxRoll),
    EyesOpen: atLeast(eyesOpenness(landmarks), L.minEyesOpen),
    MouthClosed: atMost(mouthOpening(landmarks), L.maxMouthOpening),
    // Without the expression net's answer (the worker was not asked) the face cannot pass as neutral.
    ExpressionNeutrality: face.neutral === undefined ? fail : atLeast(face.neutral, L.minNeutral),
    Luminance: within(exposure.mean, L.minLuminance, L.maxLuminance),
    DynamicRange: atLeast(exposure.p95 - exposure.p05, L.minDynamicRange),
    Sharpness: atLeast(exposure.std > 0 ? (1000 * laplacianVariance(grid)) / exposure.std ** 2 : 0, L.minSharpness),
    BackgroundUniformity: atMost(background.std, L.maxBackgroundStd),
    BackgroundLuminance: atLeast(background.mean, L.minBackgroundLuminance),
  };
}

/** One plain instruction per problem; the kiosk words them in kk/ru/en. */
export type PhotoInstruction =
  | 'no_face'
  | 'one_face_only'
  | 'come_closer'
  | 'move_back'
  | 'centre_face'
  | 'face_the_camera'
  | 'raise_your_chin'
  | 'lower_your_chin'
  | 'level_your_head'
  | 'open_your_eyes'
  | 'close_your_mouth'
  | 'neutral_face'
  | 'more_light'
  | 'less_light'
  | 'hold_still'
  | 'plain_background';

/**
 * What to fix first: where the citizen stands, then how they hold their head, then their face,
 * then what only a steady pose and the kiosk's light decide (light before blur, since a dim face
 * is also a blurred one), and the background last, as the citizen can least change it.
 */
const ORDER: ReadonlyArray<[PhotoMeasure, (m: Measure, a: PhotoAssessment) => PhotoInstruction]> = [
  ['SingleFacePresent', (m) => (m.value === 0 ? 'no_face' : 'one_face_only')],
  ['InterEyeDistance', () => 'come_closer'],
  ['HeadSize', (m) => (m.value > PHOTO_LIMITS.maxHeadShare ? 'move_back' : 'come_closer')],
  ['CropOfTheFaceImage', () => 'centre_face'],
  ['HeadPoseYaw', () => 'face_the_camera'],
  ['HeadPosePitch', (m) => (m.value > 0 ? 'lower_your_chin' : 'raise_your_chin')],
  ['HeadPoseRoll', () => 'level_your_head'],
  ['EyesOpen', () => 'open_your_eyes'],
  ['MouthClosed', () => 'close_your_mouth'],
  ['ExpressionNeutrality', () => 'neutral_face'],
  ['Luminance', (m) => (m.value < PHOTO_LIMITS.minLuminance ? 'more_light' : 'less_light')],
  // A flat face: dim and grey wants light, bright and washed out wants less.
  ['DynamicRange', (_, a) => (a.Luminance.value < 128 ? 'more_light' : 'less_light')],
  ['Sharpness', () => 'hold_still'],
  ['BackgroundUniformity', () => 'plain_background'],
  ['BackgroundLuminance', () => 'plain_background'],
];

/** The one instruction to show, or null when every measure holds. */
export function firstProblem(assessment: PhotoAssessment): PhotoInstruction | null {
  for (const [name, instruction] of ORDER) {
    const measure = assessment[name];
    if (!measure.ok) return instruction(measure, assessment);
  }
  return null;
}

/** The assessment as it goes into the application: each measure's value and the limits' version. */
export function photoQuality(assessment: PhotoAssessment): PhotoQuality {
  const measures = Object.fromEntries(PHOTO_MEASURES.map((name) => [name, round(assessment[name].value)]));
  return { limitsVersion: PHOTO_LIMITS_VERSION, measures: measures as PhotoQuality['measures'] };
}

/** Four significant decimals are more than any measure's accuracy and keep the JSON short. */
function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** The face the photo is of when there are several: the largest, as assessPhoto measures it. */
export function largestFace(faces: readonly DetectedFace[]): DetectedFace | undefined {
  let best: DetectedFace | undefined;
  for (const face of faces) if (!best || face.box.width * face.box.height > best.box.width * best.box.height) best = face;
  return best;
}

/** Frame pixels → pixels of `input.pixels`. */
function pixelMapping({ frame, pixels, pixelsArea }: PhotoInput): (box: Box) => Box {
  const area = pixelsArea ?? { x: 0, y: 0, width: frame.width, height: frame.height };
  const sx = pixels.width / area.width;
  const sy = pixels.height / area.height;
  return (box) => ({ x: (box.x - area.x) * sx, y: (box.y - area.y) * sy, width: box.width * sx, height: box.height * sy });
}

/**
 * Luminance of the crop's top corners beside the head: from the crop's top down to the forehead,
 * from its sides in to the head's estimated width. Cells of 1/48 of the crop's width.
 */
function backgroundSamples(input: PhotoInput, toPixels: (box: Box) => Box, face: DetectedFace, eyes: Point, eyesToChin: number): number[] {
  const { crop, pixels } = input;
  const jaw = distance(point(face.landmarks, JAW_LEFT), point(face.landmarks, JAW_RIGHT));
  const halfHead = (jaw * HEAD_OVER_JAW) / 2;
  const bottom = eyes[1] - eyesToChin * 0.5;
  const bands: Box[] = [
    { x: crop.x, y: crop.y, width: eyes[0] - halfHead - crop.x, height: bottom - crop.y },
    { x: eyes[0] + halfHead, y: crop.y, width: crop.x + crop.width - (eyes[0] + halfHead), height: bottom - crop.y },
  ];
  const cell = crop.width * BACKGROUND_CELL;
  const out: number[] = [];
  for (const band of bands) {
    const inside = clip(toPixels(band), pixels);
    const scale = inside.width / Math.max(1e-9, band.width);
    const cols = Math.floor(inside.width / (cell * scale));
    const rows = Math.floor(inside.height / (cell * scale));
    if (cols < 1 || rows < 1) continue;
    out.push(...sampleLuminance(pixels, inside, cols, rows).values);
  }
  return out;
}

function clip(box: Box, image: PixelImage): Box {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  return { x, y, width: Math.min(image.width, box.x + box.width) - x, height: Math.min(image.height, box.y + box.height) - y };
}

function boundsOf(points: readonly Point[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function point(landmarks: readonly Point[], i: number): Point {
  const p = landmarks[i];
  if (!p) throw new RangeError(`landmark ${i} missing: expected 68 points, got ${landmarks.length}`);
  return p;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

function atLeast(value: number, min: number): Measure {
  return { value, ok: value >= min };
}

function atMost(value: number, max: number): Measure {
  return { value, ok: value <= max };
}
