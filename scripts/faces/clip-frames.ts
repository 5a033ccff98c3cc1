import { spawn } from 'node:child_process';
import { rgbToRgba, type RgbaImage } from '../../server/face/rgb-image';
import { FRAME_HEIGHT, FRAME_WIDTH } from './frames';

/*
 * Frames of the fake-camera clips (make-camera-videos.ts), chosen by the head turn each frame was
 * made with and decoded by ffmpeg, for studies that need a face "through the camera".
 */

export interface PickedFrame {
  index: number;
  /** The head turn the frame was made with (degrees, turnHead's sign); the face worker measures its own yaw. */
  turn: number;
}

/**
 * `frontal` frames made without a turn, spread evenly over the clip (in a noisy clip each has its
 * own noise and sway), and for each of `turns` the first frame made with the nearest turn.
 */
export function pickFrames(schedule: readonly number[], frontal: number, turns: readonly number[]): PickedFrame[] {
  const still = schedule.flatMap((turn, index) => (turn === 0 ? [index] : []));
  const spread = Array.from({ length: Math.min(frontal, still.length) }, (_, i) => still[Math.floor(((i + 0.5) * still.length) / frontal)]!);
  const turned = turns.map((target) => nearest(schedule, target));
  const indices = [...new Set([...spread, ...turned])].sort((a, b) => a - b);
  return indices.map((index) => ({ index, turn: schedule[index]! }));
}

function nearest(schedule: readonly number[], target: number): number {
  let best = 0;
  schedule.forEach((turn, i) => {
    if (Math.abs(turn - target) < Math.abs(schedule[best]! - target)) best = i;
  });
  return best;
}

/** The given frames (0-based) of a 640×480 clip, in ascending order, as RGBA images. */
export async function readFrames(path: string, indices: readonly number[]): Promise<RgbaImage[]> {
  const sorted = [...indices].sort((a, b) => a - b);
  const select = sorted.map((n) => `eq(n\\,${n})`).join('+');
  const ffmpeg = spawn(
    'ffmpeg',
    ['-loglevel', 'error', '-i', path, '-vf', `select='${select}'`, '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const chunks: Buffer[] = [];
  ffmpeg.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise<void>((resolve, reject) => {
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code} reading ${path}`))));
  });
  const rgb = Buffer.concat(chunks);
  const frameBytes = FRAME_WIDTH * FRAME_HEIGHT * 3;
  if (rgb.length !== frameBytes * sorted.length) {
    throw new Error(`${path}: expected ${sorted.length} frames of ${FRAME_WIDTH}×${FRAME_HEIGHT}, got ${rgb.length} bytes`);
  }
  return sorted.map((_, i) => rgbToRgba(rgb.subarray(i * frameBytes, (i + 1) * frameBytes), FRAME_WIDTH, FRAME_HEIGHT));
}

