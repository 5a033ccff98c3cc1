import type { Box } from '../../src/biometrics/face-analysis';
import { linear, relativeLuminance, SCREEN_COLOURS, screenLight, srgbLevel, type ScreenColour } from '../../src/biometrics/colour-palette';
import { seededRandom } from '../../src/domain/seeded-random';
import type { RgbaImage } from '../../server/face/rgb-image';
import { printedPhoto, screenReplay } from './presentation-attacks';

/*
 * Simulated camera frames of a colour challenge (src/biometrics/colour-challenge.ts), for
 * `npm run bench:liveness`: a citizen whose skin reflects the screen's light, and the attacks a
 * recording or a picture makes, built from a registry portrait with nothing downloaded. Every
 * number below is an assumption written down, not a measurement: docs/biometrics.md says which must
 * be measured on the terminal's real camera and light at the pilot.
 *
 * The light model, per pixel and colour channel, in linear light:
 *   radiance = albedo · (ambient + k · screen) + emission · tint + glare · screen
 * `screen` is the screen's colour (linear RGB over the palette's luminance, so 1 is "as bright as a
 * palette colour"), `k` the screen's illuminance at that point relative to the room's light. The
 * camera then exposes (auto-exposure, smoothed), adds its latency and sensor noise, and encodes sRGB.
 */

export const SCENE_WIDTH = 640;
export const SCENE_HEIGHT = 480;

export const BONA_FIDE_KINDS = ['genuine', 'too_bright'] as const;
export const ATTACK_KINDS = ['phone_replay', 'recorded_session', 'late_follower', 'print_flat', 'print_bent'] as const;
export type SceneKind = (typeof BONA_FIDE_KINDS)[number] | (typeof ATTACK_KINDS)[number];

/** What the kiosk shows: the sequence from t = 0, a colour every stepMs; the page's white before and after. */
export interface ScreenTimeline {
  sequence: readonly ScreenColour[];
  stepMs: number;
}

/** A registry portrait and where its face is, in its own pixels (found by the kiosk's worker). */
export interface Portrait {
  image: RgbaImage;
  face: Box;
}

/** RGBA, as ImageData holds it. */
export interface CameraFrame {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface Scene {
  kind: SceneKind;
  /** The parameters drawn for this session, for the bench's tables. */
  params: Record<string, number>;
  /** Frame times (ms on the kiosk's clock, 0 = first colour on the screen), pre-roll included. */
  frameTimes: number[];
  /** The camera frame the kiosk receives at `t` (call in increasing t: the exposure is smoothed). */
  render(t: number): CameraFrame;
}

const PALETTE_LUMINANCE = 0.29;
/** The kiosk's page behind the step, before and after the sequence. */
const PAGE_WHITE = linear(235) / PALETTE_LUMINANCE;
/** Frames before the first colour: the camera's exposure settles on the white page first. */
const PRE_ROLL_MS = 600;
const NOISE_SIGMA = 2.5;
const EXPOSURE_TAU_MS = 200;
const EXPOSURE_MS = 33;

function screenAt(timeline: ScreenTimeline, t: number): [number, number, number] {
  const index = Math.floor(t / timeline.stepMs);
  const colour = t >= 0 ? timeline.sequence[index] : undefined;
  if (!colour) return [PAGE_WHITE, PAGE_WHITE, PAGE_WHITE];
  const [r, g, b] = screenLight(colour);
  const luminance = relativeLuminance(SCREEN_COLOURS[colour]) / PALETTE_LUMINANCE;
  return [r * luminance, g * luminance, b * luminance];
}

/** The screen's light a frame stamped `t` caught: `lag` ms old, averaged over the exposure. */
function exposedScreen(timeline: ScreenTimeline, t: number, lag: number): [number, number, number] {
  const sum = [0, 0, 0];
  for (let i = 0; i < 4; i++) {
    const s = screenAt(timeline, t - lag - (i * EXPOSURE_MS) / 3);
    for (let c = 0; c < 3; c++) sum[c]! += s[c]! / 4;
  }
  return sum as [number, number, number];
}

interface Layers {
  albedo: Float32Array; // 3 per pixel
  k: Float32Array; // 1 per pixel
  emission: Float32Array | null; // 3 per pixel
  /** Where the emission carries a tint that changes (a recording's face), 0–1 per pixel. */
  tintMask: Float32Array | null;
  glare: Float32Array | null; // 1 per pixel
}

interface Camera {
  fps: number;
  lag: number;
  ambient: [number, number, number];
  /** Largest sway of the scene in front of the camera, px. */
  sway: number;
}

const uniform = (random: () => number, a: number, b: number) => a + (b - a) * random();
const logUniform = (random: () => number, a: number, b: number) => Math.exp(uniform(random, Math.log(a), Math.log(b)));
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/**
 * The screen's light on a face half a metre away, relative to the room's: a 300–500 cd/m² screen
 * at a palette colour's luminance (0.29), most of it coloured, 45–60 cm from the face, gives 30–80 lux
 * against a public hall's 250–600 lux.
 */
const K_FACE: [number, number] = [0.05, 0.32];
/** A sunlit terminal: 20–60 thousand lux on the face. */
const K_SUNLIT: [number, number] = [0.002, 0.015];

export function makeScene(kind: SceneKind, portrait: Portrait, timeline: ScreenTimeline, seed: number): Scene {
  const random = seededRandom(seed);
  const camera: Camera = {
    fps: pick(random, [15, 25, 30]),
    lag: uniform(random, 40, 120),
    ambient: tint(uniform(random, -0.15, 0.15)),
    sway: 1.5,
  };
  const faceHeight = uniform(random, 0.32, 0.45) * SCENE_HEIGHT;
  const placed = place(portrait, faceHeight);
  const params: Record<string, number> = { lag: round(camera.lag), fps: camera.fps };
  let layers: Layers;
  let tintAt: ((t: number) => [number, number, number] | null) | null = null;

  if (kind === 'genuine' || kind === 'too_bright') {
    const kFace = kind === 'genuine' ? logUniform(random, ...K_FACE) : logUniform(random, ...K_SUNLIT);
    const faceDistance = uniform(random, 0.45, 0.6);
    const wallDistance = uniform(random, 1, 3);
    const kWall = kFace * (faceDistance / wallDistance) ** 2;
    // In the sun the camera cannot hold the face down: it sits near the top of its range.
    const boost = kind === 'too_bright' ? brightBoost(placed) : 1;
    const near = nearMask(placed.face);
    const albedo = new Float32Array(placed.linear.length);
    for (let i = 0; i < albedo.length; i++) albedo[i] = placed.linear[i]! * boost;
    const k = new Float32Array(near.length);
    for (let i = 0; i < k.length; i++) k[i] = kWall + (kFace - kWall) * near[i]!;
    layers = { albedo, k, emission: null, tintMask: null, glare: null };
    Object.assign(params, { kFace: round(kFace), kWall: round(kWall), wallDistance: round(wallDistance) });
  } else if (kind === 'print_flat' || kind === 'print_bent') {
    camera.sway = 2.5; // held in a hand
    const kPrint = logUniform(random, ...K_FACE);
    const bendRadius = kind === 'print_bent' ? uniform(random, 10, 25) : Infinity;
    const printed = printedPhoto(toImage(placed.linear), {
      cell: uniform(random, 1.5, 3.5),
      black: uniform(random, 15, 40),
      white: uniform(random, 215, 240),
      cast: [uniform(random, 0.97, 1.03), 1, uniform(random, 0.9, 1)],
      grainSigma: uniform(random, 1, 4),
      blurPasses: 1,
      seed: seed + 1,
    });
    const { albedo, k } = kind === 'print_bent' ? bend(printed, bendRadius, kPrint) : { albedo: toLinear(printed), k: new Float32Array(SCENE_WIDTH * SCENE_HEIGHT).fill(kPrint) };
    layers = { albedo, k, emission: null, tintMask: null, glare: null };
    Object.assign(params, { kPrint: round(kPrint), ...(kind === 'print_bent' ? { bendRadiusCm: round(bendRadius) } : {}) });
  } else {
    camera.sway = 2;
    const phoneFps = pick(random, [24, 25, 50, 60, 120]);
    const phone = phoneLayers(placed, random, seed);
    layers = phone.layers;
    Object.assign(params, { phoneFps, ...phone.params });
    const frameOf = (t: number) => Math.floor((t * phoneFps) / 1000) * (1000 / phoneFps);
    if (kind === 'recorded_session') {
      // A video of this citizen at a genuine colour challenge (recorded off this very kiosk), under another sequence.
      const old: ScreenTimeline = { sequence: shuffled(random, timeline.sequence), stepMs: timeline.stepMs };
      const kOld = logUniform(random, ...K_FACE);
      const offset = uniform(random, -600, 600);
      tintAt = (t) => scaled(screenAt(old, frameOf(t) + offset), kOld);
      Object.assign(params, { kRecorded: round(kOld), offsetMs: round(offset) });
    } else if (kind === 'late_follower') {
      // A rig that watches the kiosk's screen and tints the replayed face to match, 300 ms late.
      const kFollow = logUniform(random, ...K_FACE);
      tintAt = (t) => scaled(screenAt(timeline, frameOf(t) - 300 - camera.lag), kFollow);
      Object.assign(params, { kFollow: round(kFollow) });
    }
  }

  const end = timeline.sequence.length * timeline.stepMs + 100;
  const frameTimes: number[] = [];
  for (let t = -PRE_ROLL_MS; t < end; t += 1000 / camera.fps) frameTimes.push(t + uniform(random, -3, 3));
  return { kind, params, frameTimes, render: renderer(layers, camera, timeline, tintAt, seed) };
}

function scaled(screen: [number, number, number], k: number): [number, number, number] {
  return [screen[0] * k, screen[1] * k, screen[2] * k];
}

function tint(warmth: number): [number, number, number] {
  return [1 + warmth, 1, 1 - warmth];
}

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** The portrait scaled so its face is `faceHeight` tall, centred in the frame; edges repeat outward. */
interface Placed {
  linear: Float32Array;
  face: Box;
}

function place(portrait: Portrait, faceHeight: number): Placed {
  const { image, face } = portrait;
  const scale = faceHeight / face.height;
  const cx = face.x + face.width / 2;
  const cy = face.y + face.height / 2;
  const targetX = SCENE_WIDTH / 2;
  const targetY = SCENE_HEIGHT * 0.47;
  const out = new Float32Array(SCENE_WIDTH * SCENE_HEIGHT * 3);
  for (let y = 0; y < SCENE_HEIGHT; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, Math.round(cy + (y - targetY) / scale)));
    for (let x = 0; x < SCENE_WIDTH; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, Math.round(cx + (x - targetX) / scale)));
      const from = (sy * image.width + sx) * 4;
      const to = (y * SCENE_WIDTH + x) * 3;
      for (let c = 0; c < 3; c++) out[to + c] = LINEAR[image.data[from + c]!]!;
    }
  }
  const width = face.width * scale;
  return { linear: out, face: { x: targetX - width / 2, y: targetY - faceHeight / 2, width, height: faceHeight } };
}

const LINEAR = Float32Array.from({ length: 256 }, (_, v) => linear(v));

/** The head and shoulders, near the screen (1), against the room behind (0), with a soft edge. */
function nearMask(face: Box): Float32Array {
  const mask = new Float32Array(SCENE_WIDTH * SCENE_HEIGHT);
  const cx = face.x + face.width / 2;
  const cy = face.y + face.height * 0.4;
  const rx = face.width * 0.8;
  const ry = face.height * 0.95;
  const shoulders = face.y + face.height * 1.15;
  for (let y = 0; y < SCENE_HEIGHT; y++) {
    for (let x = 0; x < SCENE_WIDTH; x++) {
      const q = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
      const head = Math.min(1, Math.max(0, (1.15 - q) / 0.3));
      const body = y > shoulders ? Math.min(1, Math.max(0, (1.6 * face.width - Math.abs(x - cx)) / 8)) : 0;
      mask[y * SCENE_WIDTH + x] = Math.max(head, body);
    }
  }
  return mask;
}

/** So much light on the face that the camera holds it near the top of its range (face luma ≈ 205–235). */
function brightBoost(placed: Placed): number {
  const { face } = placed;
  let sum = 0;
  let count = 0;
  for (let y = Math.round(face.y + face.height * 0.3); y < face.y + face.height * 0.7; y++) {
    for (let x = Math.round(face.x + face.width * 0.25); x < face.x + face.width * 0.75; x++) {
      const o = (y * SCENE_WIDTH + x) * 3;
      sum += 0.2126 * placed.linear[o]! + 0.7152 * placed.linear[o + 1]! + 0.0722 * placed.linear[o + 2]!;
      count++;
    }
  }
  return linear(220) / (sum / count);
}

function toImage(linearRgb: Float32Array): RgbaImage {
  const data = new Uint8Array(SCENE_WIDTH * SCENE_HEIGHT * 4);
  for (let i = 0, o = 0; i < linearRgb.length; i += 3, o += 4) {
    for (let c = 0; c < 3; c++) data[o + c] = encode(linearRgb[i + c]!);
    data[o + 3] = 255;
  }
  return { width: SCENE_WIDTH, height: SCENE_HEIGHT, data };
}

function toLinear(image: RgbaImage): Float32Array {
  const out = new Float32Array(image.width * image.height * 3);
  for (let i = 0, o = 0; o < out.length; i += 4, o += 3) for (let c = 0; c < 3; c++) out[o + c] = LINEAR[image.data[i + c]!]!;
  return out;
}

/**
 * An A4 print (21 cm wide) bent round a vertical cylinder of `radiusCm`, filling the view: its
 * columns crowd towards the edges, and each takes the screen's light by the cosine of its turn away.
 */
function bend(printed: RgbaImage, radiusCm: number, kPrint: number): { albedo: Float32Array; k: Float32Array } {
  const flat = toLinear(printed);
  const albedo = new Float32Array(flat.length);
  const k = new Float32Array(SCENE_WIDTH * SCENE_HEIGHT);
  const halfAngle = 10.5 / radiusCm; // under a quarter turn for the radii drawn (≥ 10 cm)
  for (let x = 0; x < SCENE_WIDTH; x++) {
    const angle = Math.asin(((x + 0.5) / SCENE_WIDTH - 0.5) * 2 * Math.sin(halfAngle));
    const sx = Math.min(SCENE_WIDTH - 1, Math.max(0, Math.floor((angle / halfAngle / 2 + 0.5) * SCENE_WIDTH)));
    const light = kPrint * Math.cos(angle);
    for (let y = 0; y < SCENE_HEIGHT; y++) {
      const to = y * SCENE_WIDTH + x;
      const from = y * SCENE_WIDTH + sx;
      for (let c = 0; c < 3; c++) albedo[to * 3 + c] = flat[from * 3 + c]!;
      k[to] = light;
    }
  }
  return { albedo, k };
}

/**
 * A phone held up to the camera, its displayed face as large as a citizen's, the attacker's room
 * round it. The display: its own tone curve, pixel grid (moiré), a fixed reflection band and blur
 * (presentation-attacks.ts screenReplay); its glass mirrors a band of the kiosk's screen (glare) and
 * diffuses a little of it.
 */
function phoneLayers(placed: Placed, random: () => number, seed: number): { layers: Layers; params: Record<string, number> } {
  const { face } = placed;
  const phoneWidth = face.width * uniform(random, 1.3, 1.8);
  const left = Math.round(SCENE_WIDTH / 2 - phoneWidth / 2);
  const right = Math.round(SCENE_WIDTH / 2 + phoneWidth / 2);
  const shown = screenReplay(toImage(placed.linear), {
    pitch: uniform(random, 1.4, 3),
    gridDegrees: uniform(random, 0, 8),
    gamma: uniform(random, 0.8, 1.2),
    gain: uniform(random, 0.8, 1),
    lift: uniform(random, 5, 25),
    glare: uniform(random, 0, 0.12),
    blurPasses: pick(random, [0, 1]),
  });
  // Units: 1 is white paper in the room's light (≈ 115 cd/m² in 400 lux). A phone's white is
  // 115–600 cd/m² (turned down or up); its glass mirrors about 4% of what faces it, the kiosk's screen at a palette
  // colour ≈ 0.75 of a unit, so the glare band's peak stays near 0.03, and a screen diffuses under 1%.
  const brightness = uniform(random, 1, 5);
  const glareStrength = uniform(random, 0.01, 0.04);
  const diffuse = uniform(random, 0.002, 0.01);
  const kRoom = logUniform(random, ...K_FACE) * (0.5 / uniform(random, 1, 3)) ** 2;
  const wall = [uniform(random, 120, 190), uniform(random, 120, 185), uniform(random, 110, 180)].map((v) => linear(v));
  const bandAngle = uniform(random, 0, Math.PI);
  const bandOffset = uniform(random, -0.3, 0.3) * SCENE_HEIGHT;
  const shownLinear = toLinear(shown);
  const size = SCENE_WIDTH * SCENE_HEIGHT;
  const albedo = new Float32Array(size * 3);
  const k = new Float32Array(size);
  const emission = new Float32Array(size * 3);
  const glare = new Float32Array(size);
  const tintMask = nearMask(face);
  for (let y = 0; y < SCENE_HEIGHT; y++) {
    for (let x = 0; x < SCENE_WIDTH; x++) {
      const i = y * SCENE_WIDTH + x;
      if (x >= left && x < right) {
        for (let c = 0; c < 3; c++) {
          albedo[i * 3 + c] = diffuse;
          emission[i * 3 + c] = shownLinear[i * 3 + c]! * brightness;
        }
        k[i] = 1;
        const d = (x - SCENE_WIDTH / 2) * Math.cos(bandAngle) + (y - SCENE_HEIGHT / 2) * Math.sin(bandAngle) - bandOffset;
        glare[i] = glareStrength * Math.exp(-((d / (0.15 * SCENE_HEIGHT)) ** 2));
      } else {
        for (let c = 0; c < 3; c++) albedo[i * 3 + c] = wall[c]!;
        k[i] = kRoom;
        tintMask[i] = 0;
      }
    }
  }
  return {
    layers: { albedo, k, emission, tintMask, glare },
    params: { brightness: round(brightness), glare: round(glareStrength), diffuse: round(diffuse), kRoom: round(kRoom), phoneShare: round(phoneWidth / SCENE_WIDTH), seed },
  };
}

const ENCODE_STEPS = 4096;
const ENCODE_MAX = 2;
/** srgbLevel as a table: the renderer encodes every channel of every frame. */
const ENCODE = Float32Array.from({ length: ENCODE_STEPS + 1 }, (_, i) => srgbLevel((i / ENCODE_STEPS) * ENCODE_MAX));

function encode(v: number): number {
  return ENCODE[Math.min(ENCODE_STEPS, Math.max(0, Math.round((v / ENCODE_MAX) * ENCODE_STEPS)))]!;
}

const GAUSS = 1 << 16;
const LUMA = [0.2126, 0.7152, 0.0722];

function renderer(
  layers: Layers,
  camera: Camera,
  timeline: ScreenTimeline,
  tintAt: ((t: number) => [number, number, number] | null) | null,
  seed: number,
): (t: number) => CameraFrame {
  const random = seededRandom(seed + 7);
  const gauss = new Float32Array(GAUSS);
  for (let i = 0; i < GAUSS; i++) gauss[i] = NOISE_SIGMA * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const { albedo, k, emission, tintMask, glare } = layers;
  const a = camera.ambient;
  const size = SCENE_WIDTH * SCENE_HEIGHT;
  let exposure: number | null = null;
  let lastT: number | null = null;
  let swayX = 0;
  let swayY = 0;

  /** Mean luminance of the frame's centre (a webcam meters centre-weighted: the face), for the auto-exposure. */
  const meanLuminance = (screen: readonly number[], tinted: readonly number[] | null) => {
    let sum = 0;
    let count = 0;
    for (let y = Math.round(SCENE_HEIGHT * 0.3); y < SCENE_HEIGHT * 0.7; y += 4) {
      for (let x = Math.round(SCENE_WIDTH * 0.35); x < SCENE_WIDTH * 0.65; x += 4) {
        const i = y * SCENE_WIDTH + x;
        for (let c = 0; c < 3; c++) {
          let v = albedo[i * 3 + c]! * (a[c]! + k[i]! * screen[c]!);
          if (emission) v += emission[i * 3 + c]! * (1 + (tinted && tintMask ? tintMask[i]! * tinted[c]! : 0));
          if (glare) v += glare[i]! * screen[c]!;
          sum += LUMA[c]! * v;
        }
        count++;
      }
    }
    return sum / count;
  };
  // The camera holds the centre where it sits in the room's light alone; a phone brighter than the
  // room it brings down to a face's level (a registry face's centre ≈ 0.2 linear). A sunlit scene's
  // bright background keeps the face near the top of the range (brightBoost), as webcams do.
  const own = meanLuminance([0, 0, 0], null);
  const neutral = emission ? Math.min(own, 0.25) : own;

  return (t) => {
    const screen = exposedScreen(timeline, t, camera.lag);
    const tinted = tintAt ? tintAt(t) : null;
    const target = neutral / meanLuminance(screen, tinted);
    const dt = lastT === null ? Infinity : t - lastT;
    exposure = exposure === null ? target : exposure + (target - exposure) * (1 - Math.exp(-dt / EXPOSURE_TAU_MS));
    lastT = t;
    swayX = Math.max(-camera.sway, Math.min(camera.sway, swayX + uniform(random, -0.5, 0.5)));
    swayY = Math.max(-camera.sway, Math.min(camera.sway, swayY + uniform(random, -0.5, 0.5)));
    const ox = Math.round(swayX);
    const oy = Math.round(swayY);
    const data = new Uint8ClampedArray(size * 4);
    let noise = Math.floor(random() * GAUSS);
    const e = exposure;
    for (let y = 0; y < SCENE_HEIGHT; y++) {
      const sy = Math.min(SCENE_HEIGHT - 1, Math.max(0, y + oy));
      for (let x = 0; x < SCENE_WIDTH; x++) {
        const sx = Math.min(SCENE_WIDTH - 1, Math.max(0, x + ox));
        const i = sy * SCENE_WIDTH + sx;
        const o = (y * SCENE_WIDTH + x) * 4;
        for (let c = 0; c < 3; c++) {
          let v = albedo[i * 3 + c]! * (a[c]! + k[i]! * screen[c]!);
          if (emission) v += emission[i * 3 + c]! * (1 + (tinted && tintMask ? tintMask[i]! * tinted[c]! : 0));
          if (glare) v += glare[i]! * screen[c]!;
          noise = (noise + 40_503) & (GAUSS - 1);
          data[o + c] = encode(v * e) + gauss[noise]!;
        }
        data[o + 3] = 255;
      }
    }
    return { width: SCENE_WIDTH, height: SCENE_HEIGHT, data };
  };
}
