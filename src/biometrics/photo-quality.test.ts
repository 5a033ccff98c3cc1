import { describe, expect, it } from 'vitest';
import { portraitCrop } from './crop';
import type { Box, DetectedFace } from './face-analysis';
import type { PixelImage } from './image-measures';
import { Value } from '@sinclair/typebox/value';
import { PHOTO_MEASURES, PhotoQuality } from '../protocol/photo-quality';
import { assessPhoto, firstProblem, PHOTO_LIMITS, PHOTO_LIMITS_VERSION, photoQuality, type PhotoAssessment, type PhotoInstruction, type PhotoMeasure } from './photo-quality';
import { syntheticFace } from './synthetic-face';
import { syntheticPhoto, type PhotoScene } from './synthetic-photo';

const frame = { width: 640, height: 480 };
type Pose = NonNullable<Parameters<typeof syntheticFace>[0]>;

// size 100: eyes 90 px apart, the portrait crop 396 px high, inside the 640×480 frame.
function assess(pose: Pose = {}, scene: PhotoScene = {}, crop?: (face: DetectedFace) => Box): PhotoAssessment {
  const face = syntheticFace({ size: 100, neutral: 0.95, ...pose });
  return assessPhoto({ faces: [face], frame, crop: crop ? crop(face) : portraitCrop(face, frame), pixels: syntheticPhoto(face, scene) });
}

const failing = (a: PhotoAssessment) => (Object.keys(a) as PhotoMeasure[]).filter((name) => !a[name].ok);

describe('assessPhoto', () => {
  const good = assess();

  it('passes every measure for one centred, level, neutral, sharp face on a light plain wall', () => {
    expect(failing(good)).toEqual([]);
    expect(firstProblem(good)).toBeNull();
  });

  // Each case: what changes, the one measure it must fail, the instruction it must give.
  const cases: Array<[string, PhotoMeasure, PhotoInstruction, Pose, PhotoScene]> = [
    ['too far (eyes 54 px apart)', 'InterEyeDistance', 'come_closer', { size: 60 }, {}],
    ['turned 10°', 'HeadPoseYaw', 'face_the_camera', { yaw: 10 }, {}],
    ['chin up 10°', 'HeadPosePitch', 'lower_your_chin', { pitch: 10 }, {}],
    ['bowed 10°', 'HeadPosePitch', 'raise_your_chin', { pitch: -10 }, {}],
    ['tilted 12°', 'HeadPoseRoll', 'level_your_head', { roll: 12 }, {}],
    ['eyes shut', 'EyesOpen', 'open_your_eyes', { eyeOpen: 0.3 }, {}],
    ['mouth open', 'MouthClosed', 'close_your_mouth', { mouthOpen: 0.25 }, {}],
    ['smiling (the expression net says 0.05 neutral)', 'ExpressionNeutrality', 'neutral_face', { smile: 0.5, neutral: 0.05 }, {}],
    ['no expression reading (the worker was not asked)', 'ExpressionNeutrality', 'neutral_face', { neutral: undefined }, {}],
    ['dim', 'Luminance', 'more_light', {}, { gain: 0.35 }],
    ['blown out', 'Luminance', 'less_light', {}, { gain: 1.6 }],
    ['flat and grey', 'DynamicRange', 'less_light', {}, { contrast: 0.3 }],
    ['blurred', 'Sharpness', 'hold_still', {}, { blur: 14 }],
    ['busy wall', 'BackgroundUniformity', 'plain_background', {}, { background: 'busy' }],
    ['dark wall', 'BackgroundLuminance', 'plain_background', {}, { background: 'dark' }],
  ];
  it.each(cases)('%s: fails %s and says %s', (_, measure, instruction, pose, scene) => {
    const a = assess(pose, scene);
    expect(a[measure].ok).toBe(false);
    expect(firstProblem(a)).toBe(instruction);
  });

  it('passes the same measures just inside their limits', () => {
    expect(failing(assess({ yaw: 3, roll: 6, pitch: 3 }))).toEqual([]);
    expect(failing(assess({ eyeOpen: 0.6, mouthOpen: 0.06, smile: 0.1, neutral: 0.55 }))).toEqual([]);
    expect(failing(assess({}, { gain: 0.8, blur: 1 }))).toEqual([]);
  });

  it('counts faces: none asks for a face, two ask for one only', () => {
    const face = syntheticFace({ size: 100, neutral: 0.95 });
    const crop = portraitCrop(face, frame);
    const pixels = syntheticPhoto(face);
    const none = assessPhoto({ faces: [], frame, crop, pixels });
    expect(none.SingleFacePresent).toEqual({ value: 0, ok: false });
    expect(firstProblem(none)).toBe('no_face');
    const two = assessPhoto({ faces: [syntheticFace({ size: 40, cx: 80 }), face], frame, crop, pixels });
    expect(two.SingleFacePresent).toEqual({ value: 2, ok: false });
    expect(firstProblem(two)).toBe('one_face_only');
    // The rest is measured on the larger face, which is fine.
    expect(failing(two)).toEqual(['SingleFacePresent']);
  });

  it('reads the head share of the crop: too large when the frame cannot hold the crop, too small in an over-wide crop', () => {
    const near = assess({ size: 140 });
    expect(near.HeadSize.value).toBeGreaterThan(PHOTO_LIMITS.maxHeadShare);
    expect(firstProblem(near)).toBe('move_back');
    expect(good.HeadSize.value).toBeCloseTo(0.75, 6);
    const wide = assess({}, {}, (face) => {
      const c = portraitCrop(face, frame);
      return { x: c.x - c.width * 0.1, y: c.y - c.height * 0.1, width: c.width * 1.2, height: c.height * 1.2 };
    });
    expect(wide.HeadSize.value).toBeLessThan(PHOTO_LIMITS.minHeadShare);
    expect(firstProblem(wide)).toBe('come_closer');
  });

  it('asks to centre a face whose crop had to slide at the frame edge', () => {
    const side = assess({ cx: 130 });
    expect(side.CropOfTheFaceImage.value).toBeLessThan(-PHOTO_LIMITS.maxEyeOffset);
    expect(firstProblem(side)).toBe('centre_face');
  });

  it('gives the same verdicts from the crop alone at half scale as from the whole frame', () => {
    const face = syntheticFace({ size: 100 });
    const crop = portraitCrop(face, frame);
    for (const pixels of [syntheticPhoto(face), syntheticPhoto(face, { background: 'busy' })]) {
      const fromFrame = assessPhoto({ faces: [face], frame, crop, pixels });
      const fromCrop = assessPhoto({ faces: [face], frame, crop, pixels: cut(pixels, crop, 0.5), pixelsArea: crop });
      expect(failing(fromCrop)).toEqual(failing(fromFrame));
      expect(fromCrop.Luminance.value).toBeCloseTo(fromFrame.Luminance.value, -1);
    }
  });
});

describe('firstProblem', () => {
  it('follows the fixed order: where to stand, the head, the face, the light, blur, the background', () => {
    const all = assess({ size: 60, yaw: 10, pitch: 10, roll: 12, eyeOpen: 0.3, mouthOpen: 0.3 }, { gain: 0.3, background: 'busy' });
    const order: Array<[PhotoMeasure, PhotoInstruction]> = [
      ['SingleFacePresent', 'one_face_only'],
      ['InterEyeDistance', 'come_closer'],
      ['HeadSize', 'move_back'],
      ['CropOfTheFaceImage', 'centre_face'],
      ['HeadPoseYaw', 'face_the_camera'],
      ['HeadPosePitch', 'lower_your_chin'],
      ['HeadPoseRoll', 'level_your_head'],
      ['EyesOpen', 'open_your_eyes'],
      ['MouthClosed', 'close_your_mouth'],
      ['ExpressionNeutrality', 'neutral_face'],
      ['Luminance', 'more_light'],
      ['DynamicRange', 'more_light'],
      ['Sharpness', 'hold_still'],
      ['BackgroundUniformity', 'plain_background'],
      ['BackgroundLuminance', 'plain_background'],
    ];
    // Fail everything with values that pick the instructions above, then fix one measure at a time.
    let a: PhotoAssessment = {
      ...all,
      SingleFacePresent: { value: 2, ok: false },
      HeadSize: { value: 0.9, ok: false },
      CropOfTheFaceImage: { value: 0.1, ok: false },
      ExpressionNeutrality: { value: 0.4, ok: false },
      DynamicRange: { value: 10, ok: false },
      Sharpness: { value: 1, ok: false },
      BackgroundLuminance: { value: 50, ok: false },
    };
    expect(failing(a)).toHaveLength(order.length);
    for (const [measure, instruction] of order) {
      expect(firstProblem(a)).toBe(instruction);
      a = { ...a, [measure]: { ...a[measure], ok: true } };
    }
    expect(firstProblem(a)).toBeNull();
  });
});

/** The crop's pixels at `scale`, nearest sample: what the kiosk would read back from a small canvas. */
function cut(image: PixelImage, crop: Box, scale: number): PixelImage {
  const width = Math.round(crop.width * scale);
  const height = Math.round(crop.height * scale);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.floor(crop.x + (x + 0.5) / scale));
      const sy = Math.min(image.height - 1, Math.floor(crop.y + (y + 0.5) / scale));
      data.set(image.data.subarray((sy * image.width + sx) * 4, (sy * image.width + sx) * 4 + 4), (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

describe('photoQuality', () => {
  it('carries every measure of the assessment, rounded, with the limits version', () => {
    const quality = photoQuality(assess());
    expect(quality.limitsVersion).toBe(PHOTO_LIMITS_VERSION);
    expect(Object.keys(quality.measures).sort()).toEqual([...PHOTO_MEASURES].sort());
    expect(quality.measures.SingleFacePresent).toBe(1);
    expect(quality.measures.HeadSize).toBeCloseTo(0.75, 2);
    expect(Value.Check(PhotoQuality, quality)).toBe(true);
  });
});
