import { open, rename } from 'node:fs/promises';
import { encodeJpeg, rgbToRgba } from '../../server/face/rgb-image';

/*
 * Motion-JPEG clips written in JavaScript (jpeg-js), so the emulated camera's clip, made by
 * `npm run build`, needs Node alone: no ffmpeg on a fresh machine. The file is what
 * src/devices/camera/mjpeg-clip.ts and Chromium's fake capture read: JPEGs one after another,
 * nothing between them, no rate (both play it at 30 fps).
 */

/**
 * jpeg-js keeps the colour at full resolution (4:4:4), so it needs a higher quality than ffmpeg's
 * 4:2:0 MJPEG for the same brightness detail, which is what the face nets read. At 75 a noisy
 * f06 frame's luma is 42.3 dB from the raw frame, ffmpeg's `-q:v 3` (the clips' former encoder)
 * 42.4 dB, and the camera noise survives alike; the frames are about 35% larger.
 */
const MJPEG_QUALITY = 75;

/** Packed RGB frames of width × height, each encoded as one JPEG; a frame of another size is refused. */
function* mjpegFrames(frames: Iterable<Uint8Array>, width: number, height: number, quality = MJPEG_QUALITY): Generator<Uint8Array> {
  let index = 0;
  for (const frame of frames) {
    if (frame.length !== width * height * 3) {
      throw new Error(`frame ${index}: ${frame.length} bytes, not ${width}×${height} RGB (${width * height * 3})`);
    }
    yield encodeJpeg(rgbToRgba(frame, width, height), quality);
    index++;
  }
}

/**
 * Writes the frames as an MJPEG file at `path`, one at a time (an 18-s clip's raw frames would not
 * fit in memory at once), under a temporary name renamed when whole: a run that fails or is killed
 * leaves no clip that looks made. Returns the number of frames.
 */
export async function writeMjpeg(path: string, frames: Iterable<Uint8Array>, width: number, height: number): Promise<number> {
  const partial = `${path}.part`;
  const file = await open(partial, 'w');
  let count = 0;
  try {
    for (const jpeg of mjpegFrames(frames, width, height)) {
      await file.write(jpeg);
      count++;
    }
  } finally {
    await file.close();
  }
  await rename(partial, path);
  return count;
}
