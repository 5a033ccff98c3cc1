// Issue 14, "Seeing better": every screen and dialog in kk, ru and en passes axe (WCAG A, AA and
// AAA's 7:1 contrast; meta-viewport apart, answered by the kiosk's own text size), and at large
// and extra large text, upright and wide, nothing is cut off and no control lies over another;
// with the low layout, every control is within a seated citizen's reach. One journey a language,
// each screen checked as it passes; the dialogs opened on one step; the Russian journey also in
// high contrast, the English one on a terminal with the low layout.
import { chromium, request as apiRequest, type Browser, type Page } from '@playwright/test';
import type { Lang } from '../src/protocol';
import { declinePayment, latestSmsCode, payPending } from './support/backoffice';
import { cameraLaunchOptions } from './support/camera';
import { chromiumLaunchOptions } from './support/chromium';
import { citizen, phoneDigits } from './support/citizens';
import { CAMERA_STEP_TIMEOUT, chooseService, drawSignature, enterIin, isFreeFailure, PORTRAIT, shownPaymentId } from './support/journey';
import { action, expectStep, message, pressAction, step, typeDigits } from './support/kiosk';
import { axeViolations, largeTextProblems, layoutProblems, setContrast, setTextSize, type Band } from './support/screen-checks';
import { expect, prepareContext, test } from './support/test';

/** The default screen's band (src/devices/screen-reach.ts): a 708 mm screen from 850 mm, within reach up to 1,220 mm. */
const DEFAULT_BAND: Band = { top: 338 / 708, bottom: 1 };

interface Checks {
  /** Also axe in the high contrast theme. */
  contrast: boolean;
  /** The low layout's band: every control must lie within it at the usual text size. */
  band: Band | null;
}

/** Everything this spec asks of one screen; every problem found, named with the screen, in one assertion. */
async function checkScreen(page: Page, screen: string, checks: Checks): Promise<void> {
  const found: string[] = [];
  found.push(...(await axeViolations(page)).map((v) => `axe: ${v}`));
  if (checks.contrast) {
    await setContrast(page, 'high');
    found.push(...(await axeViolations(page)).map((v) => `axe, high contrast: ${v}`));
    await setContrast(page, 'normal');
  }
  if (checks.band) found.push(...(await layoutProblems(page, checks.band)).map((p) => `low layout: ${p}`));
  found.push(...(await largeTextProblems(page)));
  expect(found, `problems on the ${screen} screen`).toEqual([]);
}

/** A dialog covers the access bar: its contrast is set on the root, as the button does. */
async function checkDialog(page: Page, dialog: string, checks: Checks): Promise<void> {
  const found: string[] = [];
  found.push(...(await axeViolations(page)).map((v) => `axe: ${v}`));
  if (checks.contrast) {
    await page.evaluate(() => document.documentElement.setAttribute('data-contrast', 'high'));
    found.push(...(await axeViolations(page)).map((v) => `axe, high contrast: ${v}`));
    await page.evaluate(() => document.documentElement.setAttribute('data-contrast', 'normal'));
  }
  if (checks.band) found.push(...(await layoutProblems(page, checks.band)).map((p) => `low layout: ${p}`));
  found.push(...(await largeTextProblems(page)));
  expect(found, `problems on the ${dialog} dialog`).toEqual([]);
}

/** axe needs a page of a context of its own (browser.newPage's cannot open the frames it reads). */
async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
  await prepareContext(context, baseURL);
  return context.newPage();
}

const JOURNEYS: Array<{ lang: Lang; query: string; checks: Checks }> = [
  { lang: 'kk', query: '', checks: { contrast: false, band: null } },
  { lang: 'ru', query: '', checks: { contrast: true, band: null } },
  { lang: 'en', query: '&layout=low', checks: { contrast: false, band: DEFAULT_BAND } },
];

for (const { lang, query, checks } of JOURNEYS) {
  test(`${lang}: every screen of a paid journey, its errors and the cancel dialog${checks.contrast ? ', also in high contrast' : ''}${checks.band ? ', with the low layout' : ''}`, async ({ baseURL }) => {
    test.setTimeout(600_000);
    const c = citizen(`kiosk-a11y-${lang}`);
    const api = await apiRequest.newContext({ baseURL });
    const browser = await chromium.launch(cameraLaunchOptions('f06-live'));
    try {
      const page = await newPage(browser, baseURL!);
      await page.goto(`/?profile=test${query}`);
      await expect(action(page, `lang-${lang}`)).toBeEnabled();
      await checkScreen(page, 'first', checks);

      await pressAction(page, `lang-${lang}`);
      await expectStep(page, 'service');
      await checkScreen(page, 'service', checks);
      await pressAction(page, `service-${c.example.service}`);
      await expect(action(page, `document-${c.example.document}`)).toBeVisible();
      await checkScreen(page, 'document', checks);
      await pressAction(page, `document-${c.example.document}`);

      await expectStep(page, 'iin');
      await checkScreen(page, 'IIN', checks);
      // A wrong century digit (the 7th): the error under the boxes.
      await typeDigits(page, '9001019');
      await expect(message(page, 'iin.century')).toBeVisible();
      await checkScreen(page, 'IIN error', checks);
      for (let i = 0; i < 7; i++) await page.locator('[data-key="erase"]').click();
      await enterIin(page, c.person.iin);

      await expectStep(page, 'phone');
      await typeDigits(page, phoneDigits(c));
      await checkScreen(page, 'phone', checks);
      await pressAction(page, 'cancel');
      await expect(page.locator('[data-dialog="cancel"]')).toBeVisible();
      await checkDialog(page, 'cancel', checks);
      await pressAction(page, 'cancel-no');
      await pressAction(page, 'next');

      await expect(page.locator('[data-field="sms-code"]')).toBeVisible();
      await checkScreen(page, 'SMS code', checks);
      await typeDigits(page, '000000');
      await expect(message(page, 'wrong_code')).toBeVisible();
      await checkScreen(page, 'wrong SMS code', checks);
      // Whether the wrong code stays typed or not, six erasures leave the boxes empty.
      for (let i = 0; i < 6; i++) await page.locator('[data-key="erase"]').click();
      await typeDigits(page, await latestSmsCode(api, c.phoneToType));

      // Nothing runs while the citizen turns their head: axe and a change of the screen's size took
      // the face analysis' CPU and the challenge was missed (seen on a busy machine). A missed
      // challenge's retry screen is checked whole.
      await expectStep(page, 'identify');
      for (let tries = 3, free = 0; tries > 1 && free < 4; ) {
        const retry = action(page, 'retry');
        await expect(step(page, 'photo').or(retry)).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
        if (!(await retry.isVisible())) break;
        await checkScreen(page, 'identify, try again', checks);
        if (await isFreeFailure(page)) free++;
        else tries--;
        await retry.click();
      }
      await expect(step(page, 'photo')).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
      await expect(page.locator('[data-field="portrait"]')).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
      await checkScreen(page, 'photo review', checks);
      await pressAction(page, 'accept');

      await expectStep(page, 'signature');
      await checkScreen(page, 'signature', checks);
      await drawSignature(page);
      await pressAction(page, 'confirm');

      await expectStep(page, 'payment');
      await expect(page.locator('[data-qr="payment"]')).toBeVisible();
      await checkScreen(page, 'payment QR', checks);
      await declinePayment(api, await shownPaymentId(page, api));
      await expect(message(page, 'payment.declined')).toBeVisible({ timeout: 15_000 });
      await checkScreen(page, 'payment declined', checks);
      await pressAction(page, 'new-qr');
      await expect(page.locator('[data-qr="payment"]')).toBeVisible();
      await payPending(api, await shownPaymentId(page, api));

      await expectStep(page, 'receipt');
      await expect(page.locator('[data-device="printer"]')).toBeVisible();
      await expect(action(page, 'next')).toBeVisible();
      await checkScreen(page, 'receipt', checks);
      await pressAction(page, 'next');
      await expectStep(page, 'done');
      await checkScreen(page, 'done', checks);

      // The next citizen gets the usual screen, whatever this one chose.
      await setTextSize(page, 'xlarge');
      await setContrast(page, 'high');
      await pressAction(page, 'finish');
      await expectStep(page, 'language');
      await expect(page.locator('html')).toHaveAttribute('data-text-size', 'normal');
      await expect(page.locator('html')).toHaveAttribute('data-contrast', 'normal');
    } finally {
      await browser.close();
      await api.dispose();
    }
  });
}

test('every language: the refusal, the idle dialog, the camera reading a QR, and the terminal out of order', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const checks: Checks = { contrast: true, band: null };
  const refused = citizen('refusal-deceased');
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const page = await newPage(browser, baseURL!);
    await page.clock.install();
    await page.goto('/');
    await chooseService(page, lang, refused);
    await enterIin(page, refused.person.iin);
    await expect(message(page, 'deceased')).toBeVisible();
    await checkScreen(page, `${lang} refusal`, checks);
    await pressAction(page, 'finish');

    await chooseService(page, lang, citizen('service-07'));
    await typeDigits(page, '900101');
    await page.clock.fastForward(61_000);
    await expect(page.locator('[data-dialog="idle"]')).toBeVisible();
    await checkDialog(page, `${lang} idle`, checks);
    await page.context().close();
  }

  const scanning = await newPage(browser, baseURL!);
  await scanning.goto('/?scanner=camera');
  await checkScreen(scanning, 'first, with the camera as the QR reader', checks);
  await pressAction(scanning, 'scan-camera-open');
  await expect(scanning.locator('[data-panel="scan-camera"] video')).toHaveJSProperty('paused', false);
  await checkScreen(scanning, 'camera reading a QR', checks);
  await scanning.context().close();

  // A kiosk that could not enrol (its first start with no back office) takes no citizen.
  const offline = await chromium.launch(chromiumLaunchOptions(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']));
  try {
    const page = await newPage(offline, baseURL!);
    await page.context().route('**/api/v1/sandbox/terminals', (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await expect(message(page, 'out_of_order')).toBeVisible();
    await checkScreen(page, 'out of order', checks);
  } finally {
    await offline.close();
  }
});
