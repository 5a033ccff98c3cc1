// e2e: the built kiosk (dist/, from `npm run build`) served by the back office, in Debian's
// Chromium, in the kiosk's portrait screen. `npm test` builds first; run alone with
// `npm run build && npx playwright test`.
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from './e2e/support/backoffice';
import { chromiumLaunchOptions } from './e2e/support/chromium';
import { E2E_CLOCK } from './e2e/support/kiosk-clock';
import { REPO_ROOT } from './e2e/support/paths';

const port = Number(process.env.E2E_PORT ?? 8181);
const baseURL = `http://127.0.0.1:${port}`;
const onCi = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  // Per port, so two runs on one machine (a developer's and a helper's) never wipe each other's traces.
  outputDir: join(REPO_ROOT, '.cache', 'test-results', `playwright-${port}`),
  globalSetup: './e2e/support/global-setup.ts',
  // One worker: a page's face analysis takes about one of the two cores at full frame rate. With
  // two workers, two camera specs at once halved it and a journey's liveness step timed out
  // (seen: passed only on retry). E2E_WORKERS=2 is faster for specs without the camera.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  fullyParallel: false,
  forbidOnly: onCi,
  retries: onCi ? 1 : 0,
  // A journey with liveness and photo capture runs for tens of seconds on this hardware.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: join(REPO_ROOT, '.cache', 'test-results', 'playwright.json') }]],
  use: {
    baseURL,
    browserName: 'chromium',
    // A kiosk has a camera, or it is out of order before anyone starts (src/devices/devices.ts): the
    // default browser has Chromium's own test-pattern camera. Specs that need a face launch their
    // own browser with a clip (e2e/support/camera.ts); e2e/emulated-camera.spec.ts one with none.
    launchOptions: chromiumLaunchOptions(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']),
    viewport: { width: 1080, height: 1920 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'bash scripts/system/e2e-backoffice.sh',
    cwd: REPO_ROOT,
    url: `${baseURL}/api/v1/health`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      // One per port, so two runs on different E2E_PORTs never empty each other's database.
      DATA_DIR: join(REPO_ROOT, '.cache', 'e2e', `data-${port}`),
      // Known to the specs, which revoke terminals and read applications' checks.
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      // A fixed day, so the fees, ages and dates the specs see never change with the real date;
      // the specs' kiosks take the back office's time (e2e/support/kiosk-clock.ts).
      BACK_OFFICE_CLOCK: E2E_CLOCK,
    },
    reuseExistingServer: false,
    // The first start seeds the sandbox, face descriptors included: tens of seconds here.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
