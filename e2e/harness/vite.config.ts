// The face-worker test harness (e2e/harness/face.html), built apart from the kiosk so no test page
// is ever in dist/ (served to every kiosk and precached by it). It is built with the kiosk's own
// worker settings, so the tests run the face worker as the kiosk ships it; a production build rather
// than Vite's dev server, whose unbundled modules would load and run differently from the kiosk's.
// Paths are from the repository's root, where e2e/support/face-harness.ts runs `vite build --config
// e2e/harness/vite.config.ts`: it builds it into .cache/face-harness and serves it, with dist/'s models
// and wasm, under the back office's security headers, for e2e/face-worker.spec.ts and bench:face.
import { defineConfig } from 'vite';

export default defineConfig({
  // The models and the tfjs binaries are dist/'s, served beside the harness.
  publicDir: false,
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: '.cache/face-harness',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
    rolldownOptions: { input: { faceHarness: 'e2e/harness/face.html' } },
  },
});
