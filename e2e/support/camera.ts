// Chromium's fake camera, fed from a y4m video made at test time (see global-setup.ts) by
// scripts/faces/make-camera-videos.ts: <face>-still (frontal, steady), <face>-turn (turns to the
// person's own left and back), two-faces (f01 and f02), no-face (the empty background).
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

/** The registry faces of the e2e journeys (server/seed: the first eight citizens, one per service). */
const FACES = ['f01', 'f02', 'f03', 'f04', 'f05', 'f06', 'f07', 'f08'] as const;
const MOTIONS = ['still', 'turn'] as const;

/** Every video a spec may ask for; global-setup.ts makes each of them before the run. */
export const CAMERA_VIDEOS = [
  ...FACES.flatMap((face) => MOTIONS.map((motion) => `${face}-${motion}` as const)),
  'two-faces',
  'no-face',
] as const;
export type CameraVideo = (typeof CAMERA_VIDEOS)[number];

export const CAMERA_DIR = join(REPO_ROOT, '.cache', 'camera');

export function cameraVideoPath(video: CameraVideo): string {
  return join(CAMERA_DIR, `${video}.y4m`);
}

export function cameraLaunchOptions(video: CameraVideo): LaunchOptions {
  return chromiumLaunchOptions([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${cameraVideoPath(video)}`,
  ]);
}
