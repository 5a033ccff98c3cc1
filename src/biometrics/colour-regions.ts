import type { Box, DetectedFace } from './face-analysis';
import type { PixelImage } from './image-measures';

/*
 * Where the colour challenge looks, and what it reads there. The face regions are skin a screen
 * half a metre away lights: the forehead and both cheeks, from the 68 landmarks. The reference is
 * the frame's two top corners: behind a citizen the wall (or the queue) is a metre or more further
 * from the screen, so it takes a small share of the screen's light, and it shares everything the
 * whole picture does (the camera's white balance and exposure, the room's light). A photo or a
 * phone held up close fills the corners with itself, or leaves the room there: either way its face
 * moves with the reference, or not at all.
 */

export interface ColourRegions {
  face: Box[];
  reference: Box[];
}

/** Mean sRGB values (0–255) of the regions in one camera frame. */
export interface ColourSample {
  face: [number, number, number];
  /** null when the corners are too dark to read a colour in (a dark room behind the citizen). */
  reference: [number, number, number] | null;
  /** Rec. 601 luma of the face regions, 0–255. */
  faceLuma: number;
  /** Share of the face regions' pixels with a channel at 250 or more: light the camera cannot measure. */
  clipped: number;
}

/** Share of the frame's width and height each top corner takes. */
const CORNER = { width: 0.14, height: 0.2 } as const;
/** Below this luma a region's colour is mostly sensor noise. */
const DARKEST_READABLE = 24;

const mid = (a: readonly number[], b: readonly number[]): [number, number] => [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);

function boxAround(x0: number, y0: number, x1: number, y1: number): Box {
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}

/** The regions for one face in a frame of width × height (the raw camera frame's pixels). */
export function colourRegions(face: DetectedFace, width: number, height: number): ColourRegions {
  const p = face.landmarks;
  const point = (i: number) => p[i]!;
  const leftEye = mid(point(36), point(39));
  const rightEye = mid(point(42), point(45));
  const eyes = distance(leftEye, rightEye);
  const browTop = Math.min(point(19)[1], point(24)[1]);
  const noseTip = point(30)[1];
  // Above the brows, between their middles: skin on nearly every forehead, under a fringe the least.
  const forehead = boxAround(point(19)[0], browTop - 0.35 * eyes, point(24)[0], browTop - 0.08 * eyes);
  // Under each eye, as wide as the eye, down to the nose tip's height: the cheekbones.
  const cheek = (outer: number, inner: number, lower: number) =>
    boxAround(point(outer)[0], point(lower)[1] + 0.2 * eyes, point(inner)[0], noseTip);
  const skin = [forehead, cheek(36, 39, 41), cheek(45, 42, 46)].map((b) => clip(b, width, height)).filter((b) => b.width >= 2 && b.height >= 2);
  const cw = CORNER.width * width;
  const ch = CORNER.height * height;
  return {
    face: skin,
    reference: [
      { x: 0, y: 0, width: cw, height: ch },
      { x: width - cw, y: 0, width: cw, height: ch },
    ],
  };
}

function clip(box: Box, width: number, height: number): Box {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  return { x, y, width: Math.max(0, Math.min(width, box.x + box.width) - x), height: Math.max(0, Math.min(height, box.y + box.height) - y) };
}

/** Regions measured in `frame` coordinates, read from `image`, which is the frame scaled by `scale` (the worker reads a small copy). */
export function sampleColour(image: PixelImage, regions: ColourRegions, scale = 1): ColourSample | null {
  const face = meanOf(image, regions.face, scale);
  if (!face || face.count === 0) return null;
  const reference = meanOf(image, regions.reference, scale);
  const refLuma = reference ? luma(reference.mean) : 0;
  return {
    face: face.mean,
    reference: reference && refLuma >= DARKEST_READABLE ? reference.mean : null,
    faceLuma: luma(face.mean),
    clipped: face.clipped / face.count,
  };
}

function luma([r, g, b]: readonly number[]): number {
  return 0.299 * r! + 0.587 * g! + 0.114 * b!;
}

function meanOf(image: PixelImage, boxes: readonly Box[], scale: number): { mean: [number, number, number]; count: number; clipped: number } | null {
  let r = 0;
  let g = 0;
  let b = 0;
  let count = 0;
  let clipped = 0;
  const { width, height, data } = image;
  for (const box of boxes) {
    const x0 = Math.max(0, Math.floor(box.x * scale));
    const y0 = Math.max(0, Math.floor(box.y * scale));
    const x1 = Math.min(width, Math.ceil((box.x + box.width) * scale));
    const y1 = Math.min(height, Math.ceil((box.y + box.height) * scale));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const o = (y * width + x) * 4;
        const pr = data[o]!;
        const pg = data[o + 1]!;
        const pb = data[o + 2]!;
        r += pr;
        g += pg;
        b += pb;
        if (pr >= 250 || pg >= 250 || pb >= 250) clipped++;
        count++;
      }
    }
  }
  return count === 0 ? null : { mean: [r / count, g / count, b / count], count, clipped };
}
