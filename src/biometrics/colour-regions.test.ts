import { describe, expect, it } from 'vitest';
import { colourRegions, sampleColour } from './colour-regions';
import type { DetectedFace, Point } from './face-analysis';
import { syntheticFace } from './synthetic-face';

const WIDTH = 640;
const HEIGHT = 480;

/** A frame: `wall` everywhere, `skin` inside the face box, painted at scale `scale`. */
function frame(face: DetectedFace, skin: number[], wall: number[], scale = 1) {
  const width = Math.round(WIDTH * scale);
  const height = Math.round(HEIGHT * scale);
  const data = new Uint8ClampedArray(width * height * 4);
  const { x, y, width: w, height: h } = face.box;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const inFace = px / scale >= x && px / scale < x + w && py / scale >= y && py / scale < y + h;
      data.set([...(inFace ? skin : wall), 255], (py * width + px) * 4);
    }
  }
  return { width, height, data };
}

describe('colour regions', () => {
  const face = syntheticFace();

  it('put the forehead and both cheeks inside the face, and the reference in the top corners', () => {
    const regions = colourRegions(face, WIDTH, HEIGHT);
    expect(regions.face).toHaveLength(3);
    for (const box of regions.face) {
      expect(box.x).toBeGreaterThanOrEqual(face.box.x);
      expect(box.x + box.width).toBeLessThanOrEqual(face.box.x + face.box.width);
      expect(box.y).toBeGreaterThanOrEqual(face.box.y - 0.3 * face.box.height); // the forehead may reach above the detector's box
      expect(box.width * box.height).toBeGreaterThan(100);
    }
    const [forehead, left, right] = regions.face as [typeof face.box, typeof face.box, typeof face.box];
    expect(forehead.y + forehead.height).toBeLessThan(left.y);
    expect(left.x + left.width).toBeLessThan(right.x);
    expect(regions.reference.map((b) => [b.x, b.y])).toEqual([
      [0, 0],
      [WIDTH - regions.reference[1]!.width, 0],
    ]);
  });

  it('read the mean colour of each, at full size or from a quarter-size copy', () => {
    const skin = [200, 150, 120];
    const wall = [90, 100, 110];
    const boxed: DetectedFace = { ...face, box: { x: 160, y: 60, width: 320, height: 380 } };
    const regions = colourRegions(face, WIDTH, HEIGHT);
    for (const scale of [1, 0.25]) {
      const sample = sampleColour(frame(boxed, skin, wall, scale), regions, scale);
      expect(sample?.face.map(Math.round)).toEqual(skin);
      expect(sample?.reference?.map(Math.round)).toEqual(wall);
      expect(sample?.faceLuma).toBeCloseTo(0.299 * 200 + 0.587 * 150 + 0.114 * 120, 6);
      expect(sample?.clipped).toBe(0);
    }
  });

  it('leave out a reference too dark to read, and count clipped skin', () => {
    const boxed: DetectedFace = { ...face, box: { x: 160, y: 60, width: 320, height: 380 } };
    const sample = sampleColour(frame(boxed, [255, 240, 230], [10, 12, 15]), colourRegions(face, WIDTH, HEIGHT));
    expect(sample?.reference).toBeNull();
    expect(sample?.clipped).toBe(1);
  });

  it('read nothing where the face regions fall outside the frame', () => {
    const gone: DetectedFace = { ...face, landmarks: face.landmarks.map(([x, y]): Point => [x + 2000, y]) };
    const regions = colourRegions(gone, WIDTH, HEIGHT);
    expect(regions.face).toHaveLength(0);
    expect(sampleColour(frame(face, [1, 2, 3], [4, 5, 6]), regions)).toBeNull();
  });
});
