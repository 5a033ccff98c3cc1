// Two projects, because the kiosk and the back office are built for different runtimes:
// - kiosk: src/ transformed as browser code (Vite's client environment, `browser` export
//   conditions) and compiled by the Svelte plugin, so runes in *.svelte.ts classes behave as in
//   the kiosk: `svelte` gives its client runtime, where $effect runs (the server one has none).
//   The globals are still Node's (no DOM); a test that needs IndexedDB imports fake-indexeddb.
// - node: server/ and scripts/ with Node's own conditions (fastify, pg, PGlite's node build).
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions } from 'vite';

export default defineConfig({
  test: {
    // The machine has 2 cores; more workers only queue and multiply PGlite's memory.
    maxWorkers: 2,
    projects: [
      {
        plugins: [svelte()],
        // Packages in node_modules are loaded by Node, which would pick `svelte`'s server build:
        // the `browser` condition makes them resolve as in the kiosk's bundle.
        resolve: { conditions: [...defaultClientConditions] },
        test: {
          name: 'kiosk',
          environment: './scripts/system/vitest-kiosk-environment.ts',
          include: ['src/**/*.test.ts', 'console/**/*.test.ts'],
          exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
        },
      },
    ],
  },
});
