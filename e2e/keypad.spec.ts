// Navigation without sight (issue 14): the whole journey, in Kazakh and in Russian, with the tactile
// keypad only — here the keyboard, which the test profile takes for one. No pointer touches the page:
// ArrowDown moves the focus through each screen's controls in spoken order, Enter presses the
// focused one, the digit keys type the IIN, the phone and the SMS code; the camera steps run by
// themselves before the citizen's face; the signature comes from the pen pad (?signature=webhid,
// a fake WebHID pen); the payment is made on the citizen's phone (the sandbox bank, by API). On
// every screen the focus shows a thick ring and the screen was to be said (expectScreenSpoken).
import { chromium, type APIRequestContext, type Page } from '@playwright/test';
import type { SeedCitizen } from '../server/seed/citizens';
import type { Lang } from '../src/protocol';
import { latestSmsCode } from './support/backoffice';
import { cameraLaunchOptions, type CameraVideo } from './support/camera';
import { citizen, phoneDigits } from './support/citizens';
import { installFakeHidPad, penScribble, signWithFakePad } from './support/fake-hid-pad';
import { CAMERA_STEP_TIMEOUT, isFreeFailure, PORTRAIT, pay } from './support/journey';
import { expectFocusRing, expectScreenSpoken, focusSeen, hearClips, moveTo, pressWithKeypad, typeOnKeypad } from './support/keypad';
import { action, expectStep, step } from './support/kiosk';
import { expect, prepareContext, test } from './support/test';

test.describe.configure({ timeout: 240_000 });

const KEYPAD_KIOSK = '/?profile=test&signature=webhid';

async function openKeypadKiosk(c: SeedCitizen, baseURL: string) {
  const browser = await chromium.launch(cameraLaunchOptions(`${c.faceId}-live` as CameraVideo));
  const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
  await prepareContext(context, baseURL);
  await installFakeHidPad(context);
  const page = await context.newPage();
  hearClips(page);
  await page.goto(KEYPAD_KIOSK);
  await expectStep(page, 'language');
  await expect(action(page, 'lang-kk')).toBeEnabled();
  return { browser, page };
}

/** A new screen: it was to be said, and its title has the focus, ringed. */
async function expectNewScreen(page: Page, id: string): Promise<void> {
  await expectStep(page, id);
  await expectScreenSpoken(page, id);
  const seen = await expectFocusRing(page);
  expect(seen.tag, `the ${id} screen starts at its title`).toBe('h1');
}

/**
 * Identification runs by itself. On a loaded machine the turns may be missed ("we did not see you
 * turn"): the citizen hears it, and Retry is reached and pressed with the keypad, as it would be.
 */
async function passIdentifyByKeypad(page: Page): Promise<void> {
  const retry = action(page, 'retry');
  for (let tries = 3, free = 0; tries > 0 && free < 4; ) {
    await expect(step(page, 'photo').or(retry)).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
    if (await step(page, 'photo').isVisible()) return;
    if (await isFreeFailure(page)) free++;
    else tries--;
    await pressWithKeypad(page, 'retry');
  }
  await expect(step(page, 'photo')).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
}

async function keypadJourney(page: Page, request: APIRequestContext, lang: Lang, c: SeedCitizen, options: { nextByFocus: boolean }): Promise<void> {
  // The start screen: the first key press takes the focus to the first language.
  await pressWithKeypad(page, `lang-${lang}`);

  await expectNewScreen(page, 'service');
  await pressWithKeypad(page, `service-${c.example.service}`);
  // Service 07 takes either document: the same step asks which, under a new title.
  await expectScreenSpoken(page, 'service');
  await expect(action(page, `document-${c.example.document}`)).toBeVisible();
  await pressWithKeypad(page, `document-${c.example.document}`);

  await expectNewScreen(page, 'iin');
  await typeOnKeypad(page, c.person.iin);
  await expect(page.locator('[data-field="iin"]')).toHaveAttribute('data-value', c.person.iin);
  if (options.nextByFocus) {
    await pressWithKeypad(page, 'next');
  } else {
    // With the title focused (no control has the keypad's focus), Enter is the field's "done".
    expect((await focusSeen(page))?.tag).toBe('h1');
    await page.keyboard.press('Enter');
  }

  await expectNewScreen(page, 'phone');
  await typeOnKeypad(page, phoneDigits(c));
  if (options.nextByFocus) await pressWithKeypad(page, 'next');
  else await page.keyboard.press('Enter');
  await expect(page.locator('[data-field="sms-code"]')).toBeVisible();
  await expectScreenSpoken(page, 'phone');
  await expectFocusRing(page);
  await typeOnKeypad(page, await latestSmsCode(request, c.phoneToType));

  // The camera steps run by themselves before the face; the citizen only hears and waits.
  await expectNewScreen(page, 'identify');
  await passIdentifyByKeypad(page);
  await expect(page.locator('[data-field="portrait"]')).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
  // The review is a new screen (its own title): said, focused at its title; Accept comes first.
  await expectScreenSpoken(page, 'photo');
  await expectFocusRing(page);
  await page.keyboard.press('ArrowDown');
  expect((await focusSeen(page))?.action, 'the photo review starts at Accept').toBe('accept');
  await page.keyboard.press('Enter');

  await expectNewScreen(page, 'signature');
  await signWithFakePad(page, penScribble());
  await pressWithKeypad(page, 'confirm');

  await expectNewScreen(page, 'payment');
  await pay(page, request);

  await expectNewScreen(page, 'receipt');
  await expect(action(page, 'next')).toBeVisible();
  await pressWithKeypad(page, 'next');
  await expectNewScreen(page, 'done');
  await pressWithKeypad(page, 'finish');
  await expectStep(page, 'language');
}

test('the whole journey in Kazakh with the keypad only: Enter submits the typed IIN and phone, the cancel dialog keeps the focus and Back leaves it', async ({ baseURL, request }) => {
  const c = citizen('kiosk-keypad-kk');
  const { browser, page } = await openKeypadKiosk(c, baseURL!);
  try {
    // Before the journey, on the service screen: Cancel opens its dialog, the focus stays inside it.
    await pressWithKeypad(page, 'lang-kk');
    await expectNewScreen(page, 'service');
    await pressWithKeypad(page, 'cancel');
    await expectScreenSpoken(page, 'service', 'cancel');
    const met = new Set<string>();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('ArrowDown');
      met.add((await expectFocusRing(page)).action ?? '');
    }
    expect([...met].sort()).toEqual(['cancel-no', 'cancel-yes']);
    // Back is "no, go on": the dialog closes and the focus is on Cancel again.
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-dialog="cancel"]')).toHaveCount(0);
    expect((await expectFocusRing(page)).action).toBe('cancel');
    // Back from the service screen's first question has nowhere to go: Cancel and yes, to start the journey.
    await page.keyboard.press('Enter');
    await moveTo(page, 'cancel-yes');
    await page.keyboard.press('Enter');
    await expectStep(page, 'language');

    await keypadJourney(page, request, 'kk', c, { nextByFocus: false });
  } finally {
    await browser.close();
  }
});

test('the whole journey in Russian with the keypad only: Next pressed by its focus, Help says the screen again, Shift+Tab goes back', async ({ baseURL, request }) => {
  const c = citizen('kiosk-keypad-ru');
  const { browser, page } = await openKeypadKiosk(c, baseURL!);
  try {
    // Help on the start screen says it, before anything has the focus.
    await page.keyboard.press('F1');
    await expectScreenSpoken(page, 'language');
    // Tab and Shift+Tab, a tester's keys: the focus starts on the languages and goes round, past
    // the access bar (listen, volume, text size, contrast) that comes after them, back to the first.
    await page.keyboard.press('Tab');
    const first = (await expectFocusRing(page)).action;
    await page.keyboard.press('Shift+Tab');
    const last = (await expectFocusRing(page)).action;
    expect([first, last]).toEqual(['lang-kk', 'contrast']);
    await page.keyboard.press('Tab');
    expect((await focusSeen(page))?.action).toBe('lang-kk');

    await keypadJourney(page, request, 'ru', c, { nextByFocus: true });
  } finally {
    await browser.close();
  }
});
