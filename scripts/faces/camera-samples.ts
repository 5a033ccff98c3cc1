import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pickFrames, readFrames } from './clip-frames';
import { liveSchedule, turnSchedule } from './frames';
import { describeLikeKiosk } from './kiosk-describe';

/*
 * Face descriptors "through the camera": frames of a registry face's fake-camera clips
 * (make-camera-videos.ts), described as the kiosk does, with the yaw the kiosk would measure.
 */

/** As make-camera-videos.ts makes the clips: turns of 36°, MJPEG at 30 fps, 6-s ICAO clips. */
const TURN_DEGREES = 36;
const MJPEG_FPS = 30;
const ICAO_FRAMES = 6 * MJPEG_FPS;

interface ClipKind {
  kind: 'still' | 'turn' | 'live' | 'icao';
  ext: 'y4m' | 'mjpeg';
  schedule: number[];
  /** How many frames made without a turn to describe, and which turns (degrees) to look for. */
  frontal: number;
  turns: number[];
}

/**
 * still: the portrait at its own pose, noise-free; turn: made frontal, then turned to the person's
 * left, noise-free; live: camera noise and sway, turns both ways; icao: noise, frontal, plain wall.
 */
const CLIP_KINDS: ClipKind[] = [
  { kind: 'still', ext: 'y4m', schedule: [0], frontal: 1, turns: [] },
  { kind: 'turn', ext: 'y4m', schedule: turnSchedule(TURN_DEGREES), frontal: 1, turns: [15, 25, 36] },
  { kind: 'live', ext: 'mjpeg', schedule: liveSchedule(MJPEG_FPS, TURN_DEGREES), frontal: 8, turns: [15, 25, 36, -15, -25, -36] },
  { kind: 'icao', ext: 'mjpeg', schedule: Array<number>(ICAO_FRAMES).fill(0), frontal: 3, turns: [] },
];

export interface CameraSample {
  faceId: string;
  clip: string;
  frame: number;
  /** The turn the frame was made with; `yaw` is what the kiosk measures on it. */
  turn: number;
  yaw: number;
  descriptor: number[];
}

export interface CameraSet {
  samples: CameraSample[];
  /** Clips read, and frames in which the kiosk's detector found no single face. */
  clips: string[];
  lost: string[];
}

/** Every clip of these faces found in `dir`; a missing clip is skipped, not made. */
export async function cameraSamples(faceIds: readonly string[], dir: string): Promise<CameraSet> {
  const set: CameraSet = { samples: [], clips: [], lost: [] };
  for (const faceId of faceIds) {
    for (const kind of CLIP_KINDS) {
      const clip = `${faceId}-${kind.kind}`;
      const path = join(dir, `${clip}.${kind.ext}`);
      if (!existsSync(path)) continue;
      set.clips.push(clip);
      const picked = pickFrames(kind.schedule, kind.frontal, kind.turns);
      const images = await readFrames(path, picked.map((p) => p.index));
      for (const [i, { index, turn }] of picked.entries()) {
        const found = await describeLikeKiosk(images[i]!);
        if (found) set.samples.push({ faceId, clip, frame: index, turn, ...found });
        else set.lost.push(`${clip}#${index}`);
      }
    }
  }
  return set;
}
