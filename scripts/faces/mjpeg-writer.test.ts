import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeJpeg } from '../../server/face/rgb-image';
import { jpegFrames } from '../../src/devices/camera/mjpeg-clip';
import { FRAME_HEIGHT, FRAME_WIDTH } from './frames';
import { writeMjpeg } from './mjpeg-writer';

/** A camera frame of the clips' size: the wall's grey, with a dark square at `x` (so each frame is its own; x on the 8-pixel JPEG block grid keeps its edge sharp). */
function frame(x: number): Uint8Array {
  const rgb = new Uint8Array(FRAME_WIDTH * FRAME_HEIGHT * 3).fill(230);
  for (let y = 200; y < 280; y++) rgb.fill(20, (y * FRAME_WIDTH + x) * 3, (y * FRAME_WIDTH + x + 80) * 3);
  return rgb;
}

/** Where the dark square is in a decoded frame: the first dark pixel along its middle row. */
function squareAt(rgba: Uint8Array): number {
  for (let x = 0; x < FRAME_WIDTH; x++) if (rgba[(240 * FRAME_WIDTH + x) * 4]! < 100) return x;
  return -1;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mjpeg-writer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeMjpeg', () => {
  // jpeg-js takes a few hundred ms a frame on a busy machine: room for that, not a speed check.
  it("writes a clip the kiosk's emulated camera splits into every frame, each a whole 640×480 JPEG, in order", { timeout: 60_000 }, async () => {
    const at = [0, 200, 408, 512];
    const path = join(dir, 'clip.mjpeg');
    // From a generator, as make-camera-videos.ts gives them: frames are made as they are written.
    const made = (function* () {
      for (const x of at) yield frame(x);
    })();
    expect(await writeMjpeg(path, made, FRAME_WIDTH, FRAME_HEIGHT)).toBe(at.length);
    const bytes = new Uint8Array(await readFile(path));
    const frames = jpegFrames(bytes);
    expect(frames).toHaveLength(at.length);
    // Nothing before, between or after the JPEGs: the clip is its frames and only them.
    expect(frames.map((f) => f.end - f.start).reduce((a, b) => a + b)).toBe(bytes.length);
    const decoded = frames.map(({ start, end }) => decodeJpeg(bytes.subarray(start, end)));
    expect(decoded.map((d) => [d.width, d.height])).toEqual(at.map(() => [FRAME_WIDTH, FRAME_HEIGHT]));
    expect(decoded.map((d) => squareAt(d.data))).toEqual(at.map((x) => expect.closeTo(x, 0) as number));
  });

  it('refuses a frame of another size and leaves no clip that looks made', { timeout: 60_000 }, async () => {
    const path = join(dir, 'bad.mjpeg');
    const small = new Uint8Array(320 * 240 * 3);
    await expect(writeMjpeg(path, [frame(0), small], FRAME_WIDTH, FRAME_HEIGHT)).rejects.toThrow(/frame 1: 230400 bytes, not 640×480 RGB/);
    expect(existsSync(path)).toBe(false);
  });
});
