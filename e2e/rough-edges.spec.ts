// Issue 14's rough edges as a new user meets them: the connection note speaks to the citizen, the
// out-of-order screen names the network when the network is the cause (in the kiosk's own font, also
// when the service worker serves the page), and a tester's fresh kiosk with the emulated camera plays
// its recording offline (src/devices/camera/clip-store.ts, docs/service-worker.md).
import type { BrowserContext, Page } from '@playwright/test';
import { EMULATED_CAMERA_CLIP } from '../src/devices/camera/emulated-camera';
import { CLIP_CACHE } from '../src/devices/camera/clip-store';
import { CATALOGUES, LANGS } from '../src/i18n';
import { chromiumLaunchOptions } from './support/chromium';
import { citizen, phoneDigits } from './support/citizens';
import { chooseService, enterIin } from './support/journey';
import { action, expectStep, message, pressAction, typeDigits } from './support/kiosk';
import { expect, test } from './support/test';

// No Chromium fake capture: whatever the identify step shows comes from the emulated camera.
test.use({ launchOptions: chromiumLaunchOptions() });
test.describe.configure({ timeout: 120_000 });

const note = (page: Page) => page.locator('[data-connection="offline"]');

/** The service worker is active with the whole precache: a reload with no network is served from it. */
async function installed(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
  });
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  expect(await page.evaluate(() => fetch('/api/v1/health').then(() => 'reached', () => 'offline'))).toBe('offline');
}

/** The Noto Sans faces the page has loaded, as "weight unicode-range". */
function loadedNotoFaces(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const loaded: string[] = [];
    document.fonts.forEach((font) => {
      if (font.family.replace(/"/g, '') === 'Noto Sans' && font.status === 'loaded') loaded.push(`${font.weight} ${font.unicodeRange}`);
    });
    return loaded;
  });
}

async function expectOutOfOrderForNetwork(page: Page): Promise<void> {
  const outOfOrder = message(page, 'out_of_order');
  await expect(outOfOrder).toHaveAttribute('data-reason', 'no_connection');
  for (const lang of LANGS) {
    await expect(outOfOrder).toContainText(CATALOGUES[lang]['outOfOrder.title']);
    await expect(outOfOrder).toContainText(CATALOGUES[lang]['outOfOrder.no_connection']);
  }
  // Nothing about devices: the network is not a device fault.
  await expect(outOfOrder).not.toContainText(CATALOGUES.en['outOfOrder.device_fault']);
  // Nor the note promising to send an application that no one can make here.
  await expect(note(page)).toHaveCount(0);
  await expect(action(page, 'lang-ru')).toHaveCount(0);
  // The kiosk's own font, Kazakh letters and bold included.
  const families = await outOfOrder.locator('p').evaluateAll((ps) => ps.map((p) => getComputedStyle(p).fontFamily));
  expect(new Set(families)).toEqual(new Set(['"Noto Sans", sans-serif']));
  const faces = await loadedNotoFaces(page);
  expect(faces.some((f) => f.startsWith('700 ') && f.includes('U+460-52F')), faces.join('; ')).toBe(true);
  expect(faces.some((f) => f.startsWith('400 ') && f.includes('U+460-52F')), faces.join('; ')).toBe(true);
}

test('a kiosk that cannot reach the back office to enrol says the network is the cause, in its own font, also served offline by its worker', async ({ page, context }) => {
  // The sandbox's self-enrolment finds no back office; everything else (the app, its fonts) loads.
  await context.route('**/api/v1/sandbox/terminals', (route) => route.abort('internetdisconnected'));
  await page.goto('/?profile=test');
  await expectOutOfOrderForNetwork(page);

  await installed(page);
  await goOffline(context, page);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expectOutOfOrderForNetwork(page);
});

test("a tester's fresh kiosk with the emulated camera keeps its recording, and plays it on the identify step with no network", async ({ page, context }) => {
  const c = citizen('crowd-16');
  await page.goto('/?profile=test&camera=emulated');
  await expectStep(page, 'language');
  await expect(action(page, 'lang-ru')).toBeEnabled();
  // Kept by the emulated camera itself at the first readiness check, apart from the precache.
  await expect
    .poll(() => page.evaluate(async ([url, cacheName]) => (await caches.match(url!, { cacheName })) !== undefined, [`/${EMULATED_CAMERA_CLIP}`, CLIP_CACHE] as const), { timeout: 60_000 })
    .toBe(true);
  await installed(page);

  await goOffline(context, page);
  // A reload: nothing of the clip in memory, and the worker's precache does not hold it.
  await page.reload();
  await expectStep(page, 'language');
  await expect(action(page, 'lang-ru')).toBeEnabled();
  await expect(message(page, 'out_of_order')).toHaveCount(0);
  // The first screen tells a citizen deciding whether to start what offline means for them, in every language.
  for (const lang of LANGS) await expect(note(page)).toContainText(CATALOGUES[lang]['connection.offline.start']);

  await chooseService(page, 'ru', c);
  // During the journey: one sentence, in the citizen's language, about their application.
  await expect(note(page)).toHaveText(CATALOGUES.ru['connection.offline']);
  await enterIin(page, c.person.iin);
  await expectStep(page, 'phone');
  await typeDigits(page, phoneDigits(c));
  await pressAction(page, 'next');
  await expect(message(page, 'phone_deferred')).toBeVisible();
  await pressAction(page, 'next');
  await expectStep(page, 'identify');
  // The recorded citizen plays at the clip's size, frame after frame.
  const video = page.locator('[data-step="identify"] video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => `${v.videoWidth}×${v.videoHeight}`), { timeout: 30_000 }).toBe('640×480');
  const shown = () => video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
  const first = await shown();
  await expect.poll(shown).toBeGreaterThan(first);
});
