/**
 * Puts the emulated camera's clip (src/devices/camera/emulated-camera.ts) into public/, so Vite
 * serves it in dev and copies it into the build. Made by make-camera-videos.ts into .cache/camera
 * when missing (the e2e run uses the same clip), then copied. Its frames are rendered and encoded in
 * JavaScript (mjpeg-writer.ts): the build, and so `npm start`, needs Node alone — on a fresh machine
 * about 1½ minutes of one core, 12 MB (docs/devices.md).
 * Like the face models, it is build output, git-ignored; the service worker does not precache it.
 * Usage: node --import tsx scripts/faces/emulated-camera-clip.ts
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EMULATED_CAMERA_CLIP } from '../../src/devices/camera/emulated-camera';

const CACHE_DIR = '.cache/camera';
const made = join(CACHE_DIR, basename(EMULATED_CAMERA_CLIP));
const served = join('public', EMULATED_CAMERA_CLIP);

if (!existsSync(made) || statSync(made).size === 0) {
  const name = basename(made, '.mjpeg');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/faces/make-camera-videos.ts', CACHE_DIR, name], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`make-camera-videos.ts ${name} failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`})`);
}
mkdirSync(dirname(served), { recursive: true });
copyFileSync(made, served);
