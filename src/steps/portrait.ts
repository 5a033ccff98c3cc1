import type { Box } from '../biometrics/face-analysis';

/** 35×45 mm at 300 dpi: the size document printers expect. */
export const PORTRAIT_SIZE = { width: 413, height: 531 } as const;
const JPEG_QUALITY = 0.9;

/** Cuts the portrait out of the camera's current frame and returns it as base64 JPEG (no data: prefix). */
export function cropToJpeg(source: HTMLVideoElement, crop: Box): string {
  const canvas = document.createElement('canvas');
  canvas.width = PORTRAIT_SIZE.width;
  canvas.height = PORTRAIT_SIZE.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, canvas.width, canvas.height);
  const jpeg = canvas.toDataURL('image/jpeg', JPEG_QUALITY).replace(/^data:image\/jpeg;base64,/, '');
  // The canvas held a face: clear it rather than leave it to the garbage collector.
  context.clearRect(0, 0, canvas.width, canvas.height);
  canvas.width = 0;
  return jpeg;
}
