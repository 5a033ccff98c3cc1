/**
 * Chooses FACE_MATCH_THRESHOLD from data: genuine distances (a registry face against itself under
 * small changes a camera makes: crops, scale, light, blur, mirror) against impostor distances
 * (every pair of different registry faces). Prints both distributions and FMR/FNMR per threshold.
 * Usage: node --import tsx scripts/faces/threshold-study.ts   (about a minute on two cores)
 */
import { describeFace, loadRegistryFaces } from '../../server/face/registry-faces';
import { cropResize, decodeJpeg, encodeJpeg, type RgbaImage } from '../../server/face/rgb-image';
import { FACE_MATCH_THRESHOLD, faceDistance } from '../../src/biometrics/face-match';

type Augment = (image: RgbaImage) => RgbaImage;

const crop = (keep: number, shiftX: number, shiftY: number): Augment => (img) => {
  const width = img.width * keep;
  const height = img.height * keep;
  const rect = { cx: img.width / 2 + shiftX * img.width, cy: img.height / 2 + shiftY * img.height, width, height, angle: 0 };
  return cropResize(img, rect, Math.round(width), Math.round(height));
};
const scale = (factor: number): Augment => (img) =>
  cropResize(img, { cx: img.width / 2, cy: img.height / 2, width: img.width, height: img.height, angle: 0 }, Math.round(img.width * factor), Math.round(img.height * factor));
const rotate = (degrees: number): Augment => (img) =>
  cropResize(img, { cx: img.width / 2, cy: img.height / 2, width: img.width, height: img.height, angle: (degrees * Math.PI) / 180 }, img.width, img.height);
const perPixel = (f: (v: number) => number): Augment => (img) => {
  const data = new Uint8Array(img.data);
  for (let i = 0; i < data.length; i++) if (i % 4 !== 3) data[i] = Math.max(0, Math.min(255, Math.round(f(data[i]!))));
  return { ...img, data };
};
const blur = (passes: number): Augment => (img) => {
  let data = new Uint8Array(img.data);
  for (let p = 0; p < passes; p++) {
    const out = new Uint8Array(data);
    for (let y = 1; y < img.height - 1; y++) {
      for (let x = 1; x < img.width - 1; x++) {
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) sum += data[((y + j) * img.width + x + i) * 4 + c]!;
          out[(y * img.width + x) * 4 + c] = Math.round(sum / 9);
        }
      }
    }
    data = out;
  }
  return { ...img, data };
};
const flip: Augment = (img) => {
  const data = new Uint8Array(img.data.length);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      data.set(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4), (y * img.width + (img.width - 1 - x)) * 4);
    }
  }
  return { ...img, data };
};

const AUGMENTS: Record<string, Augment> = {
  'crop 90%': crop(0.9, 0, 0),
  'crop 85% shifted': crop(0.85, 0.05, 0.04),
  'scale 0.6': scale(0.6),
  'rotate 5°': rotate(5),
  'darker ×0.7': perPixel((v) => v * 0.7),
  'brighter ×1.3': perPixel((v) => v * 1.3),
  'low contrast': perPixel((v) => 128 + (v - 128) * 0.6),
  'blur 3×3 ×3': blur(3),
  'mirror': flip,
  'jpeg q40': (img) => decodeJpeg(encodeJpeg(img, 40)),
};

function stats(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `n=${s.length} min ${s[0]!.toFixed(3)} p05 ${q(0.05).toFixed(3)} median ${q(0.5).toFixed(3)} p95 ${q(0.95).toFixed(3)} max ${s.at(-1)!.toFixed(3)}`;
}

async function main(): Promise<void> {
  const faces = await loadRegistryFaces();
  const genuine: number[] = [];
  const byAugment: Record<string, number[]> = {};
  let lost = 0;
  for (const face of faces) {
    const image = decodeJpeg(face.jpeg);
    for (const [name, augment] of Object.entries(AUGMENTS)) {
      const descriptor = await describeFace(encodeJpeg(augment(image), 92));
      if (!descriptor) {
        lost++;
        continue;
      }
      const d = faceDistance(descriptor, face.descriptor);
      genuine.push(d);
      (byAugment[name] ??= []).push(d);
    }
  }
  const impostor: number[] = [];
  let closest = { d: Infinity, pair: '' };
  for (let i = 0; i < faces.length; i++) {
    for (let j = i + 1; j < faces.length; j++) {
      const d = faceDistance(faces[i]!.descriptor, faces[j]!.descriptor);
      impostor.push(d);
      if (d < closest.d) closest = { d, pair: `${faces[i]!.faceId}–${faces[j]!.faceId}` };
    }
  }

  console.log(`registry faces: ${faces.length}; augmented images where no face was found: ${lost}`);
  console.log(`genuine  ${stats(genuine)}`);
  for (const [name, values] of Object.entries(byAugment)) console.log(`  ${name.padEnd(18)} ${stats(values)}`);
  console.log(`impostor ${stats(impostor)}; closest pair ${closest.pair} at ${closest.d.toFixed(3)}`);
  console.log('threshold  FMR (impostors accepted)  FNMR (genuine refused)');
  for (let t = 0.3; t <= 0.651; t += 0.05) {
    const fmr = impostor.filter((d) => d < t).length / impostor.length;
    const fnmr = genuine.filter((d) => d >= t).length / genuine.length;
    const mark = Math.abs(t - FACE_MATCH_THRESHOLD) < 1e-9 ? '  ← FACE_MATCH_THRESHOLD' : '';
    console.log(`  ${t.toFixed(2)}     ${(fmr * 100).toFixed(2).padStart(6)} %              ${(fnmr * 100).toFixed(2).padStart(6)} %${mark}`);
  }
}

await main();
