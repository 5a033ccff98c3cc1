import { describe, expect, it } from 'vitest';
import { faceGuidance } from './guidance';
import { analysisOf, syntheticFace } from './synthetic-face';

// size 110 → a face box about 0.38 of a 480-px frame high: the right distance.
const good = () => syntheticFace({ size: 110 });

describe('faceGuidance', () => {
  it('says ok for one centred, frontal face at the right distance', () => {
    expect(faceGuidance(analysisOf([good()]))).toBe('ok');
  });

  it('asks for a face, and for one face only', () => {
    expect(faceGuidance(analysisOf([]))).toBe('no_face');
    expect(faceGuidance(analysisOf([good(), syntheticFace({ cx: 100 })]))).toBe('several_faces');
  });

  it('asks to come closer or move back from the face height', () => {
    expect(faceGuidance(analysisOf([syntheticFace({ size: 50 })]))).toBe('come_closer');
    expect(faceGuidance(analysisOf([syntheticFace({ size: 200 })]))).toBe('move_back');
  });

  it('asks to centre a face off to a side or too high', () => {
    expect(faceGuidance(analysisOf([syntheticFace({ size: 110, cx: 180 })]))).toBe('centre_face');
    expect(faceGuidance(analysisOf([syntheticFace({ size: 110, cy: 80 })]))).toBe('centre_face');
  });

  it('asks to look at the screen when the head is turned or tilted', () => {
    expect(faceGuidance(analysisOf([syntheticFace({ size: 110, yaw: 25 })]))).toBe('look_at_screen');
    expect(faceGuidance(analysisOf([syntheticFace({ size: 110, roll: 20 })]))).toBe('look_at_screen');
  });

  it('asks to hold still when the face moved since the previous frame', () => {
    const before = analysisOf([syntheticFace({ size: 110, cx: 300 })]);
    expect(faceGuidance(analysisOf([syntheticFace({ size: 110, cx: 340 })]), before)).toBe('hold_still');
    expect(faceGuidance(analysisOf([syntheticFace({ size: 110, cx: 312 })]), before)).toBe('ok');
  });
});
