import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

const backOffice = process.env.BACK_OFFICE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    svelte(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,woff2,json,bin,wasm,svg,png}'],
        // The face recognition weights are 6.4 MB; the kiosk cannot identify anyone offline without them.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallbackDenylist: [/^\/api\//, /^\/sandbox\//],
      },
    }),
  ],
  worker: { format: 'es' },
  server: {
    proxy: { '/api': backOffice, '/sandbox': backOffice },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    rolldownOptions: {
      // The face-worker harness is built beside the kiosk so the e2e tests run the worker exactly as
      // the kiosk ships it. No link leads to it from the kiosk.
      input: { kiosk: 'index.html', faceHarness: 'e2e/harness/face.html' },
    },
  },
});
