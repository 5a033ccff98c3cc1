// The fake-camera videos a script needs, made by scripts/faces/make-camera-videos.ts when missing
// (the e2e run makes them too, in the same folder: .cache/camera/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { CAMERA_DIR, cameraVideoPath, type CameraVideo } from '../../e2e/support/camera';
import { REPO_ROOT } from '../../e2e/support/paths';

export function ensureCameraVideos(videos: readonly CameraVideo[]): void {
  const missing = videos.filter((video) => !existsSync(cameraVideoPath(video)) || statSync(cameraVideoPath(video)).size === 0);
  if (missing.length === 0) return;
  mkdirSync(CAMERA_DIR, { recursive: true });
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/faces/make-camera-videos.ts', CAMERA_DIR, ...missing], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`make-camera-videos exited with ${run.status ?? run.signal}: ${missing.join(' ')}`);
}
