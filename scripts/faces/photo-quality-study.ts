/**
 * Checks PHOTO_LIMITS against real faces: the 18 registry portraits (face-api's sample photos), each
 * taken as a camera frame, cropped with portraitCrop and assessed. Prints every measure per face,
 * failing ones marked with *, the first instruction, and beside ExpressionNeutrality (the expression
 * net's neutral probability, as the kiosk's worker gives it) the mouth's width over the jaw's, the
 * landmark measure it replaced.
 * These are mostly smiling, turned group-photo faces on busy backgrounds: many rightly fail.
 * Usage: node --import tsx scripts/faces/photo-quality-study.ts   (about 20 s)
 */
import { detectFace, loadRegistryFaces } from '../../server/face/registry-faces';
import { decodeJpeg, type RgbaImage } from '../../server/face/rgb-image';
import { portraitCrop } from '../../src/biometrics/crop';
import { assessPhoto, firstProblem, type PhotoMeasure } from '../../src/biometrics/photo-quality';
import { mouthToFaceWidth } from '../../src/biometrics/photo-quality-landmarks';
import { boxBlur } from './presentation-attacks';

const COLUMNS: Array<[PhotoMeasure, string, number]> = [
  ['InterEyeDistance', 'IED', 0],
  ['HeadSize', 'head', 2],
  ['CropOfTheFaceImage', 'eyeX', 3],
  ['HeadPoseYaw', 'yaw', 1],
  ['HeadPosePitch', 'pitch', 1],
  ['HeadPoseRoll', 'roll', 1],
  ['EyesOpen', 'eyes', 2],
  ['MouthClosed', 'mouth', 2],
  ['ExpressionNeutrality', 'neutral', 2],
  ['Luminance', 'lum', 0],
  ['DynamicRange', 'range', 0],
  ['Sharpness', 'sharp', 0],
  ['BackgroundUniformity', 'bgStd', 1],
  ['BackgroundLuminance', 'bgLum', 0],
];

async function main(): Promise<void> {
  const faces = await loadRegistryFaces();
  const changes: string[] = [];
  console.log(['face', ...COLUMNS.map(([, label]) => label), 'mouth/jaw', 'first problem'].join('\t'));
  for (const registry of faces) {
    const image = decodeJpeg(registry.jpeg);
    const found = await detectFace(registry.jpeg);
    if (!found) {
      console.log(`${registry.faceId}\tno face`);
      continue;
    }
    const face = { box: found.box, score: 1, landmarks: found.landmarks, neutral: found.neutral };
    const frame = { width: image.width, height: image.height };
    const assessment = assessPhoto({ faces: [face], frame, crop: portraitCrop(face, frame), pixels: image });
    const cells = COLUMNS.map(([name, , digits]) => {
      const { value, ok } = assessment[name];
      return `${value.toFixed(digits)}${ok ? '' : '*'}`;
    });
    const widths = mouthToFaceWidth(found.landmarks).toFixed(3);
    console.log([registry.faceId, ...cells, widths, firstProblem(assessment) ?? 'ok'].join('\t'));
    const changed = Object.entries(CHANGES).map(([label, change]) => {
      const measures = assessPhoto({ faces: [face], frame, crop: portraitCrop(face, frame), pixels: change(image) });
      return `${label}: sharp ${measures.Sharpness.value.toFixed(0)} lum ${measures.Luminance.value.toFixed(0)} range ${measures.DynamicRange.value.toFixed(0)}`;
    });
    changes.push(`${registry.faceId}\t${changed.join('\t')}`);
  }
  console.log('\nThe same faces changed as a camera might (Sharpness, Luminance, DynamicRange):');
  for (const line of changes) console.log(line);
}

type Change = (image: RgbaImage) => RgbaImage;

/** Passes of a 3×3 box blur: 1 pass is a slightly soft lens, 3 a clearly blurred face (≈ σ 1.4 px). */
const blur = (passes: number): Change => (image) => boxBlur(image, passes);
const gain = (factor: number): Change => (image) => ({
  ...image,
  data: image.data.map((v, i) => (i % 4 === 3 ? v : Math.min(255, Math.round(v * factor)))),
});

const CHANGES: Record<string, Change> = { 'blur ×1': blur(1), 'blur ×3': blur(3), 'blur ×6': blur(6), 'dark ×0.4': gain(0.4), 'bright ×1.8': gain(1.8) };

void main();
