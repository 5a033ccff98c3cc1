import jpeg from 'jpeg-js';
import { bilinear } from '../../src/biometrics/bilinear';

/** An RGBA raster, as jpeg-js decodes it. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Packed RGB (as ffmpeg's rgb24 and the clip frames are) to RGBA, opaque. */
export function rgbToRgba(rgb: Uint8Array, width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, o = 0; i < rgb.length; i += 3, o += 4) {
    data[o] = rgb[i]!;
    data[o + 1] = rgb[i + 1]!;
    data[o + 2] = rgb[i + 2]!;
    data[o + 3] = 255;
  }
  return { width, height, data };
}

export function decodeJpeg(bytes: Uint8Array): RgbaImage {
  const { width, height, data } = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
  return { width, height, data };
}

export function encodeJpeg(image: RgbaImage, quality = 90): Uint8Array {
  return new Uint8Array(jpeg.encode({ width: image.width, height: image.height, data: image.data }, quality).data);
}

/** A rectangle of the source turned by `angle` radians (clockwise in image coordinates) about its centre. */
export interface TurnedRect {
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
}

/**
 * Cuts `rect` out of `src`, levelled by its angle, and scales it to outWidth × outHeight. Each
 * output pixel averages a grid of bilinear samples over its footprint, so a strong reduction does
 * not alias; outside the source the edge pixels repeat.
 */
export function cropResize(src: RgbaImage, rect: TurnedRect, outWidth: number, outHeight: number): RgbaImage {
  const out = new Uint8Array(outWidth * outHeight * 4);
  const sx = rect.width / outWidth;
  const sy = rect.height / outHeight;
  const nx = Math.max(1, Math.ceil(sx));
  const ny = Math.max(1, Math.ceil(sy));
  const cos = Math.cos(rect.angle);
  const sin = Math.sin(rect.angle);
  const px = [0, 0, 0];
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      px[0] = px[1] = px[2] = 0;
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++) {
          const u = (x + (i + 0.5) / nx) * sx - rect.width / 2;
          const v = (y + (j + 0.5) / ny) * sy - rect.height / 2;
          sample(src, rect.cx + u * cos - v * sin - 0.5, rect.cy + u * sin + v * cos - 0.5, px);
        }
      }
      const o = (y * outWidth + x) * 4;
      const n = nx * ny;
      out[o] = Math.round(px[0]! / n);
      out[o + 1] = Math.round(px[1]! / n);
      out[o + 2] = Math.round(px[2]! / n);
      out[o + 3] = 255;
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}

function sample(src: RgbaImage, fx: number, fy: number, acc: number[]): void {
  for (let c = 0; c < 3; c++) {
    acc[c] = acc[c]! + bilinear(src.width, src.height, fx, fy, (x, y) => src.data[(y * src.width + x) * 4 + c]!);
  }
}
