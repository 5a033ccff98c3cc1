import { linear, SCREEN_COLOUR_NAMES, screenLight as lightOf, srgbLevel, type ScreenColour } from '../../biometrics/colour-palette';
import { screenLight as kioskScreen, type ScreenLightLog } from '../../ui/screen-light';
import { CameraError, playInto, type Camera, type CameraHandle } from './camera';

/*
 * A simulated citizen's face in the screen's light, for tests and testers' desktops: the picture of
 * another camera (Chromium's fake capture playing a clip, or the emulated camera) with the kiosk
 * screen's colour reflected as a face half a metre away reflects it. Diffuse, as skin is: each
 * channel's light multiplied by (1 + k · light) / (1 + k · white) in linear light, strongest round the
 * frame's centre where the face is and weak at the edges, where the room behind is. Without it the colour challenge
 * rightly refuses a recorded clip as the replay it is. Used only where the camera driver is the
 * emulated one or a test profile asks for it (createDevices): never on a terminal's real camera.
 */

/** The screen's light on the face and on the room behind it, relative to the room's own (see colour-scenes.ts): a bright hall's 0.05 would be as real, but the e2e camera's few frames a second need a clear signal. */
const K_FACE = 0.3;
const K_ROOM = 0.02;
/** The page's white, in the same units (a palette colour is 1). */
const PAGE_WHITE = 2.86;
/**
 * How late the light shows in a frame after the page set it: the screen's paint and the camera's
 * exposure. A real camera's frame carries its capture time, so its delivery is not in the kiosk's
 * reckoning; this frame's time is when it reached the video, so its delivery (tens of ms, more on a
 * busy machine) comes on top, within the kiosk's 150 ms settling.
 */
const LAG_MS = 40;
const FPS = 30;

/**
 * Per channel, each sRGB level (0–255) as it is with `k`'s share of the light in `colour` instead of
 * the page's white: the light's gain applied in linear light, exactly, then encoded again.
 */
export function reflectionTables(colour: ScreenColour, k: number): [Uint8ClampedArray, Uint8ClampedArray, Uint8ClampedArray] {
  const light = lightOf(colour);
  const gains = light.map((s) => (1 + k * s) / (1 + k * PAGE_WHITE));
  // The camera's exposure keeps the brightest channel where it was.
  const top = Math.max(...gains);
  return gains.map((g) => Uint8ClampedArray.from({ length: 256 }, (_, v) => srgbLevel((g / top) * linear(v)))) as [Uint8ClampedArray, Uint8ClampedArray, Uint8ClampedArray];
}

/** How finely the face's share of a pixel is kept: the two tables differ by a few levels at most, so 32 steps are below one level. */
const WEIGHT_STEPS = 32;

/** Per pixel, which of the WEIGHT_STEPS + 1 mixes it takes: all face round the frame's centre (the face the oval guides there), all room at its corners, smooth between. */
function faceWeights(width: number, height: number): Uint8Array {
  const weights = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r = Math.hypot(x - width / 2, y - height / 2) / (0.6 * height);
      const w = r <= 0.55 ? 1 : r >= 1 ? 0 : (1 - r) / 0.45;
      weights[y * width + x] = Math.round(w * WEIGHT_STEPS);
    }
  }
  return weights;
}

/**
 * One table for every mix of face and room, so relighting a pixel is three lookups, not six
 * multiplications: the sooner a frame is drawn, the closer its light is to LAG_MS late, which on a
 * busy test machine it otherwise was not. Index: (weight · 3 + channel) · 256 + level.
 */
export function mixedTables(colour: ScreenColour): Uint8ClampedArray {
  const face = reflectionTables(colour, K_FACE);
  const room = reflectionTables(colour, K_ROOM);
  const mixed = new Uint8ClampedArray((WEIGHT_STEPS + 1) * 3 * 256);
  for (let step = 0; step <= WEIGHT_STEPS; step++) {
    const w = step / WEIGHT_STEPS;
    for (let c = 0; c < 3; c++) {
      for (let v = 0; v < 256; v++) mixed[(step * 3 + c) * 256 + v] = w * face[c]![v]! + (1 - w) * room[c]![v]!;
    }
  }
  return mixed;
}

export class ScreenLitCamera implements Camera {
  constructor(
    private readonly inner: Camera,
    private readonly light: ScreenLightLog = kioskScreen,
  ) {}

  present(): Promise<boolean> {
    return this.inner.present();
  }

  async open(video: HTMLVideoElement): Promise<CameraHandle> {
    const source = document.createElement('video');
    const inner = await this.inner.open(source);
    const canvas = document.createElement('canvas');
    canvas.width = inner.width;
    canvas.height = inner.height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) {
      inner.stop();
      throw new CameraError('camera_failed');
    }
    const { width, height } = canvas;
    // Each frame is handed on when it is drawn (requestFrame), not at the stream's own pace: the
    // kiosk reads a frame's time as when it reached the video, and the light in it is LAG_MS before.
    const stream = canvas.captureStream(0);
    const [track] = stream.getVideoTracks() as CanvasCaptureMediaStreamTrack[];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const weights = faceWeights(width, height);
    const tables = new Map(SCREEN_COLOUR_NAMES.map((colour) => [colour, mixedTables(colour)]));
    const draw = () => {
      if (stopped) return;
      const started = performance.now();
      // The source's frame first (the slow part on a busy machine), then the light as it is now: the
      // rest takes a few milliseconds, so the frame leaves about LAG_MS after the light it shows.
      context.drawImage(source, 0, 0, width, height);
      const colour = this.light.at(performance.now() - LAG_MS);
      // Only while a colour shows (1.5 s a try) is each pixel relit; the rest of the time the picture passes as it is.
      if (colour) {
        const mixed = tables.get(colour)!;
        const frame = context.getImageData(0, 0, width, height);
        const data = frame.data;
        for (let i = 0, o = 0; i < weights.length; i++, o += 4) {
          const base = weights[i]! * 768;
          data[o] = mixed[base + data[o]!]!;
          data[o + 1] = mixed[base + 256 + data[o + 1]!]!;
          data[o + 2] = mixed[base + 512 + data[o + 2]!]!;
        }
        context.putImageData(frame, 0, 0);
      }
      track?.requestFrame();
      timer = setTimeout(draw, Math.max(0, 1000 / FPS - (performance.now() - started)));
    };
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream.getTracks()) track.stop();
      if (video.srcObject === stream) video.srcObject = null;
      inner.stop();
    };
    draw();
    await playInto(video, stream, stop);
    return { video, width, height, stop };
  }
}
