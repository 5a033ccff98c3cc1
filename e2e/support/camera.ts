// Chromium's fake camera, fed from a video made at test time (see global-setup.ts) by
// scripts/faces/make-camera-videos.ts: <face>-still (frontal, steady), <face>-turn (turns to the
// person's own left and back), two-faces (f01 and f02), no-face (the empty background); and, with
// camera noise in every frame (MJPEG), <face>-live (turns left, then right, twice: the liveness
// sequence) and <face>-icao (frontal on a plain wall: the photo checks' background).
// A spec picks its video for all its tests, at the top of the file (Playwright refuses a
// worker option such as launchOptions inside a describe):
//   test.use({ launchOptions: cameraLaunchOptions('f01-turn') });
// or, for several videos in one file, launches a browser per video:
//   const browser = await chromium.launch(cameraLaunchOptions('f02-still'));
// launchOptions replace the config's, so these carry the base Chromium flags too.
import { join } from 'node:path';
import type { LaunchOptions } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { REPO_ROOT } from './paths';

/**
 * Every video the specs use; global-setup.ts makes each one missing before the run:
 * - the journeys' citizens (faces f01, f03, f04, f05) as they pass the liveness sequence, with
 *   camera noise in every frame (`-live`, MJPEG);
 * - the face worker's spec: a turn left (`-turn`), a still picture, two faces, no face.
 */
export const CAMERA_VIDEOS = [
  'f01-live',
  'f03-live',
  'f04-live',
  'f05-live',
  'f01-turn',
  'f02-turn',
  'f01-still',
  'two-faces',
  'no-face',
] as const;

/** Clips made on demand (scripts/faces/make-camera-videos.ts): frontal on a plain wall, for the photo checks. */
export const ICAO_VIDEOS = ['f01-icao', 'f03-icao', 'f04-icao', 'f05-icao'] as const;

export type CameraVideo = (typeof CAMERA_VIDEOS)[number] | (typeof ICAO_VIDEOS)[number];

export const CAMERA_DIR = join(REPO_ROOT, '.cache', 'camera');

export function cameraVideoPath(video: CameraVideo): string {
  const mjpeg = video.endsWith('-live') || video.endsWith('-icao');
  return join(CAMERA_DIR, `${video}.${mjpeg ? 'mjpeg' : 'y4m'}`);
}

export function cameraLaunchOptions(video: CameraVideo): LaunchOptions {
  return chromiumLaunchOptions([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${cameraVideoPath(video)}`,
  ]);
}
