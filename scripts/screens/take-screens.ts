// `npm run screens`: the screenshots in docs/screens/, one per step of a journey in Russian
// (service 04, surname change, paid by QR, face f06 on the fake camera), plus a refusal, the idle
// and cancel dialogs, the IIN and identify steps on a landscape screen, the journey's offline
// screens, the start screen of a terminal out of order and one reading a QR with its camera, and
// technician mode (PIN pad, overview, profile editor), and "seeing better": large text, high contrast,
// the low layout (issue 14, docs/accessibility.md). Runs against the built kiosk (the npm
// script builds it first) and a back office of its own on a fresh data folder, removed at the end.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, request, type Browser, type Page } from '@playwright/test';
import { latestSmsCode, payPending } from '../../e2e/support/backoffice';
import { chromiumLaunchOptions } from '../../e2e/support/chromium';
import { citizen, phoneDigits } from '../../e2e/support/citizens';
import { CAMERA_STEP_TIMEOUT, chooseService, drawSignature, enterIin, LANDSCAPE, openKiosk, PORTRAIT, shownPaymentId, verifyPhone } from '../../e2e/support/journey';
import { action, expectStep, message, pressAction, step, typeDigits } from '../../e2e/support/kiosk';
import { REPO_ROOT } from '../../e2e/support/paths';
import { tapCorners } from '../../e2e/support/technician';
import { setContrast, setTextSize } from '../../e2e/support/screen-checks';
import { makeDataDir, startBackOffice } from './backoffice';
import { ensureCameraVideos } from './camera-videos';

const OUT_DIR = join(REPO_ROOT, 'docs', 'screens');

async function shot(page: Page, name: string): Promise<void> {
  // The step has been asserted visible; one frame more lets the fonts and the layout settle.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: join(OUT_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
  console.log(`screens: ${name}.png`);
}

/** 01–12 and 15: the whole journey, with the cancel dialog opened and closed on the phone step. */
async function journey(baseURL: string): Promise<void> {
  const api = await request.newContext({ baseURL });
  const c = citizen('service-04');
  const { browser, page } = await openKiosk('f06-live', baseURL);
  try {
    await shot(page, '01-language');
    await pressAction(page, 'lang-ru');
    await expectStep(page, 'service');
    await shot(page, '02-service');
    await pressAction(page, `service-${c.example.service}`);
    await expect(action(page, `document-${c.example.document}`)).toBeVisible();
    await shot(page, '03-document');
    await pressAction(page, `document-${c.example.document}`);
    await expectStep(page, 'iin');

    // A wrong century digit (the 7th), then the citizen's own IIN.
    await typeDigits(page, '9001019');
    await expect(message(page, 'iin.century')).toBeVisible();
    await shot(page, '04b-iin-error');
    for (let i = 0; i < 7; i++) await page.locator('[data-key="erase"]').click();
    await typeDigits(page, c.person.iin);
    await expect(action(page, 'next')).toBeEnabled();
    await shot(page, '04-iin');
    await pressAction(page, 'next');

    await expectStep(page, 'phone');
    await typeDigits(page, phoneDigits(c));
    await shot(page, '05-phone');
    await pressAction(page, 'cancel');
    await expect(page.locator('[data-dialog="cancel"]')).toBeVisible();
    await shot(page, '15-cancel');
    await pressAction(page, 'cancel-no');
    await expect(page.locator('[data-dialog="cancel"]')).toHaveCount(0);

    await pressAction(page, 'next');
    await expect(page.locator('[data-field="sms-code"]')).toBeVisible();
    const code = await latestSmsCode(api, c.phoneToType);
    await typeDigits(page, code.slice(0, 3));
    await shot(page, '06-sms-code');
    await typeDigits(page, code.slice(3));

    await expectStep(page, 'identify');
    // The turn instruction is the one worth showing; if liveness went faster than the wait, the
    // screen as it is then (an instruction all the same, or the photo step) is taken.
    await page
      .locator('[data-guidance="turn_left"]')
      .waitFor({ timeout: CAMERA_STEP_TIMEOUT })
      .catch(() => console.warn('screens: the turn instruction was not seen; 07 shows the screen as it is'));
    await shot(page, '07-identify');

    await expect(step(page, 'photo')).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
    await expect(page.locator('[data-field="portrait"]')).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
    await shot(page, '08-photo-review');
    await pressAction(page, 'accept');

    await expectStep(page, 'signature');
    await drawSignature(page);
    await shot(page, '09-signature');
    await pressAction(page, 'confirm');

    await expectStep(page, 'payment');
    await expect(page.locator('[data-qr="payment"]')).toBeVisible();
    await shot(page, '10-payment');
    await payPending(api, await shownPaymentId(page, api));

    await expectStep(page, 'receipt');
    await expect(page.locator('[data-device="printer"]')).toBeVisible();
    await shot(page, '11-receipt');
    await pressAction(page, 'next');
    await expectStep(page, 'done');
    await shot(page, '12-done');
    await pressAction(page, 'finish');
    await expectStep(page, 'language');
  } finally {
    await browser.close();
    await api.dispose();
  }
}

/** 17: the identify step on a wide screen, the camera beside the words and the drawn move. */
async function landscapeIdentify(baseURL: string): Promise<void> {
  const api = await request.newContext({ baseURL });
  const c = citizen('service-13');
  const { browser, page } = await openKiosk('f06-live', baseURL, LANDSCAPE);
  try {
    await chooseService(page, 'kk', c);
    await enterIin(page, c.person.iin);
    await verifyPhone(page, api, c);
    await page
      .locator('[data-cue="turn_left"]')
      .waitFor({ timeout: CAMERA_STEP_TIMEOUT })
      .catch(() => console.warn('screens: the turn was not seen; 17 shows the screen as it is'));
    await shot(page, '17-landscape-identify');
  } finally {
    await browser.close();
    await api.dispose();
  }
}

/** 18–20: the journey with the network gone: the phone kept without a code, the kiosk's own QR, a provisional receipt. */
async function offlineJourney(baseURL: string): Promise<void> {
  const c = citizen('kiosk-offline');
  const { browser, page } = await openKiosk('f06-live', baseURL);
  try {
    await expect(action(page, 'lang-ru')).toBeEnabled();
    // Installed (the service worker holds everything and serves this page), then the link goes.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.context().setOffline(true);
    await chooseService(page, 'ru', c);
    await enterIin(page, c.person.iin);
    await expectStep(page, 'phone');
    await typeDigits(page, phoneDigits(c));
    await pressAction(page, 'next');
    await expect(message(page, 'phone_deferred')).toBeVisible();
    await shot(page, '18-offline-phone');
    await pressAction(page, 'next');
    await expect(step(page, 'photo')).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
    await expect(page.locator('[data-field="portrait"]')).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
    await pressAction(page, 'accept');
    await drawSignature(page);
    await pressAction(page, 'confirm');
    await expect(message(page, 'payment_deferred')).toBeVisible();
    await shot(page, '19-offline-payment');
    await pressAction(page, 'next');
    await expect(page.locator('[data-device="printer"]')).toBeVisible();
    await shot(page, '20-offline-receipt');
  } finally {
    await browser.close();
  }
}

/** 13, 14, 16, 21: screens that need no face, each on a fresh page (the browser has Chromium's test-pattern camera). */
async function withoutCamera(browser: Browser, baseURL: string): Promise<void> {
  const refusal = await browser.newPage({ baseURL, viewport: PORTRAIT });
  await refusal.goto('/');
  await chooseService(refusal, 'ru', citizen('refusal-deceased'));
  await enterIin(refusal, citizen('refusal-deceased').person.iin);
  await expect(message(refusal, 'deceased')).toBeVisible();
  await shot(refusal, '13-refusal');
  await refusal.close();

  const idle = await browser.newPage({ baseURL, viewport: PORTRAIT });
  await idle.clock.install();
  await idle.goto('/');
  await chooseService(idle, 'ru', citizen('service-07'));
  await typeDigits(idle, '900101');
  await idle.clock.fastForward(61_000);
  await expect(idle.locator('[data-dialog="idle"]')).toBeVisible();
  await idle.clock.runFor(3_000);
  await shot(idle, '14-idle');
  await idle.close();

  const landscape = await browser.newPage({ baseURL, viewport: LANDSCAPE });
  await landscape.goto('/');
  await chooseService(landscape, 'ru', citizen('service-07'));
  await typeDigits(landscape, citizen('service-07').person.iin.slice(0, 8));
  await shot(landscape, '16-landscape-iin');
  await landscape.close();

  // A kiosk that could not enrol (its first start with no back office) takes no citizen.
  const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
  await context.route('**/api/v1/sandbox/terminals', (route) => route.abort('internetdisconnected'));
  const outOfOrder = await context.newPage();
  await outOfOrder.goto('/');
  await expect(message(outOfOrder, 'out_of_order')).toBeVisible();
  await shot(outOfOrder, '21-out-of-order');
  await context.close();
}

/** 22: a kiosk without a scanner, reading an e-application's QR with its camera (the test pattern stands in for the code). */
async function scanByCamera(browser: Browser, baseURL: string): Promise<void> {
  const page = await browser.newPage({ baseURL, viewport: PORTRAIT });
  await page.goto('/?scanner=camera');
  await pressAction(page, 'scan-camera-open');
  await expect(page.locator('[data-panel="scan-camera"] video')).toHaveJSProperty('paused', false);
  await shot(page, '22-scan-by-camera');
  await page.close();
}

/** 23–25: technician mode — the PIN pad, the overview, the device profile being chosen. */
async function technicianMode(browser: Browser, baseURL: string): Promise<void> {
  const page = await browser.newPage({ baseURL, viewport: PORTRAIT });
  await page.goto('/');
  await expect(action(page, 'lang-ru')).toBeEnabled();
  await tapCorners(page);
  await expect(step(page, 'technician')).toHaveAttribute('data-stage', 'pin');
  await typeDigits(page, '000');
  await shot(page, '23-technician-pin');
  await typeDigits(page, '000');
  await pressAction(page, 'tech-pin-enter');
  await expect(step(page, 'technician')).toHaveAttribute('data-stage', 'overview');
  await shot(page, '24-technician-overview');
  await pressAction(page, 'tech-profile-edit');
  await pressAction(page, 'profile-preset-kiosk');
  await pressAction(page, 'profile-width-58');
  await page.locator('[data-panel="devices"]').scrollIntoViewIfNeeded();
  await shot(page, '25-technician-profile');
  await page.close();
}

/** 26–33: the citizen's text size and high contrast, and a terminal with the low layout (docs/accessibility.md). */
async function seeingBetter(browser: Browser, baseURL: string): Promise<void> {
  const c = citizen('service-07');
  const page = await browser.newPage({ baseURL, viewport: PORTRAIT });
  await page.goto('/');
  // The kiosk enrols itself with the sandbox on its first start: seconds on a busy machine.
  await expect(action(page, 'lang-ru')).toBeEnabled({ timeout: 60_000 });
  await setTextSize(page, 'xlarge');
  await shot(page, '26-large-text-language');
  await chooseService(page, 'ru', c);
  await typeDigits(page, c.person.iin.slice(0, 8));
  await shot(page, '27-large-text-iin');
  await page.setViewportSize(LANDSCAPE);
  await shot(page, '28-large-text-landscape-iin');
  await page.setViewportSize(PORTRAIT);
  await setTextSize(page, 'normal');
  await setContrast(page, 'high');
  await shot(page, '29-high-contrast-iin');
  await pressAction(page, 'cancel');
  await expect(page.locator('[data-dialog="cancel"]')).toBeVisible();
  await shot(page, '30-high-contrast-cancel');
  await pressAction(page, 'cancel-yes');
  await expectStep(page, 'language');
  await page.close();

  const low = await browser.newPage({ baseURL, viewport: PORTRAIT });
  await low.goto('/?layout=low');
  await expect(action(low, 'lang-ru')).toBeEnabled({ timeout: 60_000 });
  await shot(low, '31-low-layout-language');
  await pressAction(low, 'lang-ru');
  await expectStep(low, 'service');
  await shot(low, '32-low-layout-service');
  await pressAction(low, `service-${c.example.service}`);
  const documentChoice = action(low, `document-${c.example.document}`);
  if (await documentChoice.isVisible().catch(() => false)) await documentChoice.click();
  await expectStep(low, 'iin');
  await typeDigits(low, c.person.iin.slice(0, 8));
  await shot(low, '33-low-layout-iin');
  await low.close();
}

async function main(): Promise<void> {
  ensureCameraVideos(['f06-live']);
  mkdirSync(OUT_DIR, { recursive: true });
  const dataDir = makeDataDir('screens-data');
  const backOffice = await startBackOffice(dataDir, join(REPO_ROOT, '.cache', 'screens-backoffice.log')).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  console.log(`screens: back office on ${backOffice.baseURL}, data in ${dataDir}`);
  const cleanUp = async () => {
    await backOffice.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
  // `-- --seeing-better`: only 26–33, without the camera journeys.
  const onlySeeingBetter = process.argv.includes('--seeing-better');
  try {
    if (!onlySeeingBetter) {
      await journey(backOffice.baseURL);
      await landscapeIdentify(backOffice.baseURL);
      await offlineJourney(backOffice.baseURL);
    }
    // A kiosk without a camera is out of order: Chromium's test-pattern camera stands in.
    const browser = await chromium.launch(chromiumLaunchOptions(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']));
    try {
      if (!onlySeeingBetter) {
        await withoutCamera(browser, backOffice.baseURL);
        await scanByCamera(browser, backOffice.baseURL);
        await technicianMode(browser, backOffice.baseURL);
      }
      await seeingBetter(browser, backOffice.baseURL);
    } finally {
      await browser.close();
    }
  } finally {
    await cleanUp();
  }
  console.log(`screens: done, in ${OUT_DIR}`);
}

await main();
