// Chromium's fake camera, fed from a video made at test time (see global-setup.ts) by
// scripts/faces/make-camera-videos.ts: <face>-still (frontal, steady), <face>-turn (turns to the
// person's own left and back), two-faces (f01 and f02), no-face (the empty background); and, with
// camera noise in every frame (MJPEG), <face>-live (on a plain wall, turns left, then right, twice:
// the liveness sequence, and still moments a photo can be taken in), <face>-icao (frontal and
// still on a plain wall: the photo checks) and <face>-then-<problem> (the turns, then one problem
// the photo step must name: turned, small, two-faces).
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
 * - the journeys' citizens (face f06, the one sample face that passes every photo check) as they
 *   pass the liveness sequence, with camera noise in every frame (`-live`, MJPEG); f01 as another
 *   person who passes it too;
 * - the photo step's problems, on f03 (`-then-…`);
 * - the face worker's spec: a still picture, two faces, no face; `npm run bench:face`: a turn left (`-turn`).
 */
export const CAMERA_VIDEOS = [
  'f06-live',
  'f01-live',
  'f06-still',
  'f03-then-turned',
  'f03-then-small',
  'f03-then-two-faces',
  'f01-turn',
  'f01-still',
  'two-faces',
  'no-face',
] as const;

/** Made on demand by scripts/faces/check-live-clip.ts: frontal, level and still, on a plain wall. */
export const ICAO_VIDEOS = ['f06-icao', 'f01-icao'] as const;

export type CameraVideo = (typeof CAMERA_VIDEOS)[number] | (typeof ICAO_VIDEOS)[number];

export const CAMERA_DIR = join(REPO_ROOT, '.cache', 'camera');

export function cameraVideoPath(video: CameraVideo): string {
  const mjpeg = video.endsWith('-live') || video.endsWith('-icao') || video.includes('-then-');
  return join(CAMERA_DIR, `${video}.${mjpeg ? 'mjpeg' : 'y4m'}`);
}

export function cameraLaunchOptions(video: CameraVideo): LaunchOptions {
  return chromiumLaunchOptions([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${cameraVideoPath(video)}`,
  ]);
}
