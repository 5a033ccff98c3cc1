// A tester's desktop Chrome without a webcam: with ?camera=emulated the kiosk plays a recorded
// citizen (face f06, src/devices/camera/emulated-camera.ts) instead of asking getUserMedia, and the
// identify and photo steps run on it as on a camera. This browser is launched without Chromium's
// fake capture, so it has no camera at all: whatever face the steps see came from the emulated one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, prepareContext } from './support/test';
import { EMULATED_CAMERA_CLIP } from '../src/devices/camera/emulated-camera';
import { chromiumLaunchOptions } from './support/chromium';
import { citizen } from './support/citizens';
import { expectStep, message } from './support/kiosk';
import { chooseService, enterIin, passIdentifyAndPhoto, verifyPhone } from './support/journey';
import { REPO_ROOT } from './support/paths';

// The base flags only: no --use-fake-device-for-media-stream, no --use-file-for-fake-video-capture.
test.use({ launchOptions: chromiumLaunchOptions() });

test.describe.configure({ timeout: 150_000 });

const CLIP_URL = `/${EMULATED_CAMERA_CLIP}`;

async function videoInputs(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length);
}

test('a browser with no camera identifies a seeded f06 citizen and takes her photo from the emulated camera', async ({ page, request }) => {
  const c = citizen('kiosk-emulated-camera');
  expect(c.faceId).toBe('f06');
  await page.goto('/?profile=test&camera=emulated');
  await expectStep(page, 'language');
  expect(await videoInputs(page), 'this browser has no camera of its own').toBe(0);

  await chooseService(page, 'ru', c);
  await enterIin(page, c.person.iin);
  await verifyPhone(page, request, c);
  // The recorded citizen plays in the step's video, at the clip's size, as a webcam's picture would.
  const video = page.locator('[data-step="identify"] video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => `${v.videoWidth}×${v.videoHeight}`)).toBe('640×480');
  // Liveness (turn left, then right), the back office's match against her registry photo, then the photo step's shot.
  await passIdentifyAndPhoto(page);
});

test('an emulated camera whose clip cannot be had puts the terminal out of order before a citizen starts', async ({ browser, baseURL }) => {
  // Without the service worker, so the page's own request is the one refused here.
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block', viewport: { width: 1080, height: 1920 } });
  await prepareContext(context, baseURL!);
  try {
    const page = await context.newPage();
    await page.route(`**${CLIP_URL}`, (route) => route.fulfill({ status: 404 }));
    await page.goto('/?profile=test&camera=emulated');
    const outOfOrder = message(page, 'out_of_order');
    await expect(outOfOrder).toHaveAttribute('data-reason', 'device_fault');
    await expect(outOfOrder).toHaveAttribute('data-detail', 'camera_missing');
    await expect(outOfOrder).toContainText('камера');
    await expect(page.locator('[data-action="lang-ru"]')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('the clip is served to the kiosk but kept out of the service worker precache', async ({ request }) => {
  const response = await request.get(CLIP_URL);
  expect(response.status()).toBe(200);
  expect((await response.body()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  const sw = readFileSync(join(REPO_ROOT, 'dist', 'sw.js'), 'utf8');
  expect(sw).toContain('"url":"index.html"');
  expect(sw).not.toContain('mjpeg');
});
