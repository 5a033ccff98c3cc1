import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { kioskSpeech } from './scripts/speech/vite-plugin';

const backOffice = process.env.BACK_OFFICE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // Shown in technician mode (src/admin/app-version.d.ts).
  define: { __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? 'dev') },
  plugins: [
    svelte(),
    // The audio guidance, made at build time from the catalogues (docs/speech.md).
    kioskSpeech(),
    VitePWA({
      // Our own service worker (src/sw.ts): precache and offline start as generateSW gave, plus the
      // outbox's Background Sync. Built to /sw.js, which src/sync/app-update.ts registers.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // A classic script: registered without { type: 'module' }, as workbox-window does by default.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,woff2,json,bin,wasm,svg,png}', 'speech/**/*.mp3'],
        // The emulated camera's clip (12 MB, scripts/faces/emulated-camera-clip.ts) is for testers' desktops:
        // no real kiosk plays it, so it is fetched when asked for and never stored in every kiosk's cache.
        // The staff console (a second entry) is no part of the kiosk: never in a terminal's cache.
        globIgnores: ['camera/**', 'console/**', 'assets/console-*'],
        // The face recognition weights are 6.4 MB; the kiosk cannot identify anyone offline without them.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
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
    // The kiosk and the staff console (served at /console/). The face-worker test harness is built
    // apart (e2e/harness/vite.config.ts), so no test page is ever served or precached with them.
    rollupOptions: { input: { kiosk: 'index.html', console: 'console/index.html' } },
  },
});
