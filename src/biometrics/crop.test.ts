import { describe, expect, it } from 'vitest';
import { CROWN_OVER_EYES, EYE_LINE, HEAD_SHARE, PORTRAIT_ASPECT, portraitCrop } from './crop';
import { eyeCentres } from './head-pose';
import { syntheticFace } from './synthetic-face';

const frame = { width: 640, height: 480 };

describe('portraitCrop', () => {
  it('makes a 35:45 rectangle with the eyes on the 45% line and the head at about 75% of the height', () => {
    const face = syntheticFace({ size: 60 });
    const crop = portraitCrop(face, frame);
    expect(crop.width / crop.height).toBeCloseTo(PORTRAIT_ASPECT, 6);
    const { left, right } = eyeCentres(face.landmarks);
    const eyeY = (left[1] + right[1]) / 2;
    expect((eyeY - crop.y) / crop.height).toBeCloseTo(EYE_LINE, 6);
    const chinY = face.landmarks[8]![1];
    const head = (chinY - eyeY) * (1 + CROWN_OVER_EYES);
    expect(head / crop.height).toBeCloseTo(HEAD_SHARE, 6);
    expect(head / crop.height).toBeGreaterThanOrEqual(0.7);
    expect(head / crop.height).toBeLessThanOrEqual(0.8);
  });

  it('centres the rectangle on the eyes', () => {
    const crop = portraitCrop(syntheticFace({ size: 60, cx: 300 }), frame);
    expect(crop.x + crop.width / 2).toBeCloseTo(300, 6);
  });

  it('slides into the frame when the face is near an edge', () => {
    const crop = portraitCrop(syntheticFace({ size: 60, cx: 60, cy: 90 }), frame);
    expect(crop.x).toBe(0);
    expect(crop.y).toBe(0);
    expect(crop.width / crop.height).toBeCloseTo(PORTRAIT_ASPECT, 6);
  });

  it('shrinks, keeping 35:45, when the face is too large for the frame', () => {
    const crop = portraitCrop(syntheticFace({ size: 150 }), frame);
    expect(crop.height).toBeCloseTo(480, 6);
    expect(crop.width / crop.height).toBeCloseTo(PORTRAIT_ASPECT, 6);
    expect(crop.y).toBeGreaterThanOrEqual(0);
    expect(crop.x + crop.width).toBeLessThanOrEqual(640);
  });
});
