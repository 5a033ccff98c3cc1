import { seededRandom } from '../../src/domain/seeded-random';
import { FRAME_HEIGHT, FRAME_WIDTH } from './frames';

/*
 * What a real camera adds to every frame and a still photo lacks: sensor noise and the slight
 * sway of a hand-free head and a kiosk's housing. Without it the face worker returns bit-identical
 * landmarks frame after frame, which the liveness frozen-stream and replay checks rightly refuse.
 */

export interface CameraNoise {
  /** Standard deviation of the per-pixel gaussian noise, in 0–255 levels. */
  sigma: number;
  /** Largest shift of the whole frame, in pixels (uniform in ±jitter on each axis). */
  jitter: number;
}

/** Table size for the gaussian samples: drawn once, indexed by a fast generator per pixel. */
const GAUSS_TABLE = 1 << 16;

/**
 * A noise source for one clip: each call gives a new frame, shifted by a random sub-pixel amount
 * and with fresh gaussian noise on every channel.
 */
export function cameraNoise(seed: number, { sigma, jitter }: CameraNoise): (frame: Uint8Array) => Uint8Array {
  const random = seededRandom(seed);
  const gauss = new Float32Array(GAUSS_TABLE);
  for (let i = 0; i < GAUSS_TABLE; i++) {
    const u = 1 - random();
    gauss[i] = sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  }
  return (frame) => {
    const dx = (random() * 2 - 1) * jitter;
    const dy = (random() * 2 - 1) * jitter;
    let state = (random() * 0xffffffff) >>> 0 || 1;
    const out = new Uint8ClampedArray(frame.length); // clamps at 0 and 255 where Uint8Array would wrap
    const ox = Math.floor(dx);
    const oy = Math.floor(dy);
    const ax = dx - ox;
    const ay = dy - oy;
    const w00 = (1 - ax) * (1 - ay);
    const w01 = ax * (1 - ay);
    const w10 = (1 - ax) * ay;
    const w11 = ax * ay;
    const row = FRAME_WIDTH * 3;
    for (let y = 0; y < FRAME_HEIGHT; y++) {
      const ya = clamp(y + oy, FRAME_HEIGHT - 1) * row;
      const yb = clamp(y + oy + 1, FRAME_HEIGHT - 1) * row;
      for (let x = 0; x < FRAME_WIDTH; x++) {
        const xa = clamp(x + ox, FRAME_WIDTH - 1) * 3;
        const xb = clamp(x + ox + 1, FRAME_WIDTH - 1) * 3;
        const at = y * row + x * 3;
        for (let c = 0; c < 3; c++) {
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          const v = frame[ya + xa + c]! * w00 + frame[ya + xb + c]! * w01 + frame[yb + xa + c]! * w10 + frame[yb + xb + c]! * w11;
          out[at + c] = v + gauss[state & (GAUSS_TABLE - 1)]!;
        }
      }
    }
    return new Uint8Array(out.buffer);
  };
}

function clamp(v: number, max: number): number {
  return v < 0 ? 0 : v > max ? max : v;
}
