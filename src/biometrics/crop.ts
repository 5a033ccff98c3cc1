import type { Box, Point } from './face-analysis';
import { eyeCentres } from './head-pose';

/** The document photo's shape: 35 mm wide, 45 mm high. */
export const PORTRAIT_ASPECT = 35 / 45;
/** Where the eye line falls, from the top, as a fraction of the photo's height. */
export const EYE_LINE = 0.45;
/** Chin to crown as a fraction of the photo's height (ICAO: 70–80%). */
export const HEAD_SHARE = 0.75;
/**
 * Crown above the eyes, as a multiple of the eyes-to-chin distance. The eyes sit near the middle
 * of the head's height; hair adds a little above the skull.
 */
export const CROWN_OVER_EYES = 1.05;

const CHIN = 8;

/**
 * The 35:45 portrait rectangle for a face, in frame pixels. Where the frame is too small it shrinks
 * about the eyes (keeping 35:45 and the eye line), then slides to stay inside the frame.
 */
export function portraitCrop(face: { box: Box; landmarks: readonly Point[] }, frame: { width: number; height: number }): Box {
  const { left, right } = eyeCentres(face.landmarks);
  const eyeX = (left[0] + right[0]) / 2;
  const eyeY = (left[1] + right[1]) / 2;
  const chin = face.landmarks[CHIN];
  const eyesToChin = chin ? chin[1] - eyeY : face.box.height * 0.6;
  const headHeight = eyesToChin * (1 + CROWN_OVER_EYES);

  let height = headHeight / HEAD_SHARE;
  let width = height * PORTRAIT_ASPECT;
  const scale = Math.min(1, frame.width / width, frame.height / height);
  width *= scale;
  height *= scale;

  const x = clamp(eyeX - width / 2, 0, frame.width - width);
  const y = clamp(eyeY - EYE_LINE * height, 0, frame.height - height);
  return { x, y, width, height };
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(Math.max(v, min), max);
}
