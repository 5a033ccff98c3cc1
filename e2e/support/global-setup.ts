// Runs once before the e2e specs: checks the kiosk was built and makes the fake-camera videos.
// The videos are made here, not committed: 2 s of 640×480 y4m is ~14 MB each. Only missing ones
// are made; delete .cache/camera to make them all again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CAMERA_DIR, CAMERA_VIDEOS, cameraVideoPath } from './camera';
import { REPO_ROOT } from './paths';

const MAKE_VIDEOS = 'scripts/faces/make-camera-videos.ts';

function isMade(path: string): boolean {
  return existsSync(path) && statSync(path).size > 0;
}

function checkKioskBuilt(): void {
  if (!existsSync(join(REPO_ROOT, 'dist', 'index.html'))) {
    throw new Error('e2e: dist/index.html is missing; the specs run against the built kiosk: run `npm run build` first');
  }
}

function makeCameraVideos(): void {
  const missing = CAMERA_VIDEOS.filter((video) => !isMade(cameraVideoPath(video)));
  if (missing.length === 0) return;
  mkdirSync(CAMERA_DIR, { recursive: true });
  console.log(`e2e: making camera videos in ${CAMERA_DIR}: ${missing.join(' ')}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAKE_VIDEOS, CAMERA_DIR, ...missing], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`e2e: ${MAKE_VIDEOS} exited with ${run.status ?? run.signal}`);
  const stillMissing = missing.filter((video) => !isMade(cameraVideoPath(video)));
  if (stillMissing.length > 0) {
    throw new Error(`e2e: ${MAKE_VIDEOS} did not make ${stillMissing.map(cameraVideoPath).join(', ')}`);
  }
}

export default function globalSetup(): void {
  checkKioskBuilt();
  makeCameraVideos();
}
