// A fake-camera clip of a QR code held up to the kiosk's camera: a plain light frame with the code
// in the middle, as MJPEG (Chromium plays it at 30 fps and loops it). Made on first use into
// .cache/camera/, named by a hash of the text, so each code is drawn once.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LaunchOptions } from '@playwright/test';
import { encode } from 'uqr';
import { encodeJpeg } from '../../server/face/rgb-image';
import { CAMERA_DIR } from './camera';
import { chromiumLaunchOptions } from './chromium';

const WIDTH = 640;
const HEIGHT = 480;
/** Dots a module: the code fills about two thirds of the frame's height, as when held at arm's length. */
const MODULE_PX = 6;
/** One second; Chromium loops the file. */
const FRAMES = 30;
const BACKGROUND = 235;

export function qrVideoPath(text: string): string {
  const name = `qr-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.mjpeg`;
  const path = join(CAMERA_DIR, name);
  if (existsSync(path)) return path;
  const { size, data } = encode(text, { border: 4 });
  const side = size * MODULE_PX;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  const rgba = new Uint8Array(WIDTH * HEIGHT * 4).fill(BACKGROUND);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 4;
      const mx = Math.floor((x - left) / MODULE_PX);
      const my = Math.floor((y - top) / MODULE_PX);
      const inCode = mx >= 0 && my >= 0 && mx < size && my < size;
      const value = inCode ? (data[my]?.[mx] ? 20 : 255) : BACKGROUND;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = value;
      rgba[i + 3] = 255;
    }
  }
  const frame = encodeJpeg({ data: rgba, width: WIDTH, height: HEIGHT }, 90);
  mkdirSync(CAMERA_DIR, { recursive: true });
  writeFileSync(path, Buffer.concat(Array.from({ length: FRAMES }, () => frame)));
  return path;
}

/** Chromium whose camera shows `text` as a QR code. */
export function qrCameraLaunchOptions(text: string): LaunchOptions {
  return chromiumLaunchOptions(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${qrVideoPath(text)}`]);
}
