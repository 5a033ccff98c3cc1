// The face-worker harness page (e2e/harness/face.html) for e2e/face-worker.spec.ts, bench:face and
// scripts/faces/check-live-clip.ts. Built here, apart from the kiosk (e2e/harness/vite.config.ts says
// why), and served from a server of its own with dist/'s models and wasm, under the back office's
// security headers: the worker runs under the kiosk's Content-Security-Policy.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import securityHeaders from '../../server/plugins/security-headers';
import { REPO_ROOT } from './paths';

/** The harness page's path on the server serveFaceHarness starts. */
export const FACE_HARNESS_PAGE = '/e2e/harness/face.html';
const OUT_DIR = join(REPO_ROOT, '.cache', 'face-harness');

export interface FaceHarnessServer {
  baseURL: string;
  close(): Promise<void>;
}

/** Builds the harness (a few seconds: always, so it is never older than the worker) and serves it on a free port. */
export async function serveFaceHarness(): Promise<FaceHarnessServer> {
  const dist = join(REPO_ROOT, 'dist');
  if (!existsSync(join(dist, 'models')) || !existsSync(join(dist, 'wasm'))) {
    throw new Error('face harness: dist/ has no models or wasm; run `npm run build` first');
  }
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'e2e/harness/vite.config.ts', '--logLevel', 'error'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (build.error) throw build.error;
  if (build.status !== 0) throw new Error(`face harness: vite build exited with ${build.status ?? build.signal}`);

  const app = Fastify({ logger: false });
  await app.register(securityHeaders);
  // The harness's page and chunks first, then the kiosk's /models and /wasm, which the worker loads.
  await app.register(fastifyStatic, { root: [OUT_DIR, dist], prefix: '/' });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { baseURL: address, close: () => app.close() };
}
