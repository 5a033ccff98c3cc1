import { cropResize, decodeJpeg, encodeJpeg, type RgbaImage } from '../../server/face/rgb-image';

/*
 * Small changes a camera makes to a photo (crops, scale, light, blur, mirror, compression): the
 * "photo-genuine" set of the threshold study re-describes each registry portrait after one of them.
 */

export type Augment = (image: RgbaImage) => RgbaImage;

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

export const AUGMENTS: Record<string, Augment> = {
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
