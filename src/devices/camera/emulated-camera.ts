import { CameraError, playInto, type Camera, type CameraHandle } from './camera';
import { cacheStorageClips, type ClipStore } from './clip-store';
import { frameAt, jpegFrames, msToNextFrame } from './mjpeg-clip';

/**
 * The citizen the emulated camera shows, under the site root: face f06 on a plain wall, turning
 * left and right (the test profile's liveness challenges) with still moments the photo step takes.
 * Made at build time by scripts/faces/emulated-camera-clip.ts. Not precached, as no real kiosk plays
 * it: the emulated camera keeps the clip it fetched itself (clip-store.ts), so a tester's kiosk plays it offline.
 */
export const EMULATED_CAMERA_CLIP = 'camera/f06-live.mjpeg';
/** The rate the clip was made for (Chromium's fake capture plays MJPEG at 30 fps too). */
export const CLIP_FPS = 30;

/**
 * A camera for a desktop without one: plays a recorded citizen into the <video> through a canvas's
 * captureStream, frames decoded as they fall due and the clip looped, so the face worker, liveness
 * and the photo step run on it as on a webcam's picture.
 */
export class EmulatedCamera implements Camera {
  readonly #url: string;
  readonly #store: ClipStore;
  /** The clip's frames, fetched once for the kiosk's life; a failed fetch is tried again next time. */
  #frames: Promise<Blob[]> | null = null;

  constructor(url = `/${EMULATED_CAMERA_CLIP}`, store: ClipStore = cacheStorageClips(globalThis.caches)) {
    this.#url = url;
    this.#store = store;
  }

  /**
   * Present when the clip can be played: fetched (and kept) at the first readiness check, so a
   * tester's kiosk that loses its link before the identify step, or starts with none, still has it.
   */
  async present(): Promise<boolean> {
    return this.#load().then(
      () => true,
      () => false,
    );
  }

  async open(video: HTMLVideoElement): Promise<CameraHandle> {
    const frames = await this.#load();
    const first = await decode(frames[0]!);
    const canvas = document.createElement('canvas');
    canvas.width = first.width;
    canvas.height = first.height;
    const context = canvas.getContext('2d');
    if (!context) throw new CameraError('camera_failed');
    const stream = canvas.captureStream(CLIP_FPS);
    const started = performance.now();
    let shown = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const draw = (bitmap: ImageBitmap, index: number) => {
      if (!stopped) context.drawImage(bitmap, 0, 0);
      bitmap.close();
      shown = index;
    };
    // One frame at a time: a frame still decoding when the next falls due is simply late, as a
    // busy camera drops frames, and the clip keeps to its clock.
    const tick = async () => {
      const index = frameAt(performance.now() - started, CLIP_FPS, frames.length);
      if (index !== shown) {
        try {
          draw(await decode(frames[index]!), index);
        } catch {
          shown = index; // a frame that does not decode is skipped, not retried
        }
      }
      if (!stopped) timer = setTimeout(() => void tick(), msToNextFrame(performance.now() - started, CLIP_FPS));
    };
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream.getTracks()) track.stop();
      if (video.srcObject === stream) video.srcObject = null;
    };
    draw(first, 0);
    void tick();
    await playInto(video, stream, stop);
    return { video, width: canvas.width, height: canvas.height, stop };
  }

  #load(): Promise<Blob[]> {
    this.#frames ??= fetchFrames(this.#url, this.#store).catch((error: unknown) => {
      this.#frames = null;
      throw error;
    });
    return this.#frames;
  }
}

/**
 * The clip as one Blob per JPEG: slices of one download, so nothing is copied. From the network
 * first, so a rebuilt clip replaces the kept one (the server's ETag makes that a 304 when unchanged);
 * the kept copy when the network fails or answers with no clip (Vite's dev server answers an
 * address it has no file for with the app's page). Only a clip with frames in it is kept.
 */
async function fetchFrames(url: string, store: ClipStore): Promise<Blob[]> {
  let failure: unknown;
  let bytes: Uint8Array<ArrayBuffer> | null = null;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    failure = cause;
  }
  let ranges = bytes ? jpegFrames(bytes) : [];
  if (bytes && ranges.length > 0) {
    // Not keeping it costs only the offline try; the clip plays all the same.
    await store.put(url, bytes).catch(() => undefined);
  } else {
    failure ??= new Error(`${url}: no JPEG frames`);
    bytes = await store.get(url).catch(() => null);
    ranges = bytes ? jpegFrames(bytes) : [];
  }
  if (!bytes || ranges.length === 0) throw new CameraError('camera_missing', { cause: failure });
  const whole = new Blob([bytes]);
  return ranges.map(({ start, end }) => whole.slice(start, end, 'image/jpeg'));
}

async function decode(frame: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(frame);
  } catch (cause) {
    throw new CameraError('camera_failed', { cause });
  }
}
