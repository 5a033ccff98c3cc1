// The signature pad as a device: with ?signature=webhid the kiosk takes the signature from a pen
// digitizer over WebHID (a fake navigator.hid here, sending the pen's reports), draws its strokes
// on the screen's signature field, and the citizen confirms them as on the touchscreen. A profile
// that names a pad the kiosk was not granted stops the terminal before a citizen starts.
import { chromium, type Page } from '@playwright/test';
import { expect, test, prepareContext } from './support/test';
import type { SeedCitizen } from '../server/seed/citizens';
import { cameraLaunchOptions, type CameraVideo } from './support/camera';
import { citizen } from './support/citizens';
import { inkedPixels, installFakeHidPad, penScribble, signWithFakePad } from './support/fake-hid-pad';
import { chooseService, enterIin, passIdentifyAndPhoto, PORTRAIT, verifyPhone } from './support/journey';
import { action, expectStep, message, pressAction } from './support/kiosk';
import { openOverview } from './support/technician';

const WEBHID_PAD = '/?profile=test&signature=webhid';

async function openStartScreen(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expectStep(page, 'language');
  // Enrolled with the sandbox: the start screen takes a citizen.
  await expect(action(page, 'lang-ru')).toBeEnabled();
}

test('technician mode\'s pad test on a WebHID pen pad: the pen\'s strokes show on the screen, and the technician says it works', async ({ page }) => {
  await installFakeHidPad(page);
  await openStartScreen(page, WEBHID_PAD);
  await openOverview(page);
  await pressAction(page, 'tech-test-pad');
  const pad = page.locator('[data-field="pad-test"]');
  await expect(pad).toHaveAttribute('data-pad', 'webhid');
  await expect(page.getByText('Проведите ручкой по планшету подписи')).toBeVisible();
  expect(await inkedPixels(page, '[data-field="pad-test"]')).toBe(0);

  await signWithFakePad(page, penScribble());
  await expect(pad).toHaveAttribute('data-drawn', 'true');
  expect(await inkedPixels(page, '[data-field="pad-test"]')).toBeGreaterThan(500);

  await pressAction(page, 'tech-pad-clear');
  expect(await inkedPixels(page, '[data-field="pad-test"]')).toBe(0);
  await signWithFakePad(page, penScribble());
  await pressAction(page, 'tech-pad-ok');
  await expect(message(page, 'pad_ok')).toBeVisible();
  await expect(page.locator('[data-field="technician-log"] [data-log-action="self_test"]')).toContainText('"device":"signature","ok":true');
});

test('a profile naming a WebHID pad with none granted: the terminal is out of order before a citizen starts, and the pad test says the pad is missing', async ({ page }) => {
  await installFakeHidPad(page, { granted: false });
  await page.goto(WEBHID_PAD);
  const outOfOrder = message(page, 'out_of_order');
  await expect(outOfOrder).toHaveAttribute('data-reason', 'device_fault');
  await expect(outOfOrder).toHaveAttribute('data-detail', 'pad_missing');
  await expect(outOfOrder).toContainText('планшет для подписи');
  await expect(action(page, 'lang-ru')).toHaveCount(0);
  // The technician is let in all the same: that is who puts it right.
  await openOverview(page);
  await pressAction(page, 'tech-test-pad');
  await expect(message(page, 'pad_missing')).toHaveText('Планшет подписи не работает: pad_missing');
  await expect(action(page, 'tech-pad-ok')).toBeDisabled();
});

test('the citizen signs on the WebHID pen pad: an empty pad is refused, then the pen\'s signature shows and is taken', async ({ baseURL, request }) => {
  test.setTimeout(180_000);
  const c: SeedCitizen = citizen('kiosk-signature-pad');
  const browser = await chromium.launch(cameraLaunchOptions(`${c.faceId}-live` as CameraVideo));
  try {
    const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
    await prepareContext(context, baseURL!);
    await installFakeHidPad(context);
    const page = await context.newPage();
    await openStartScreen(page, WEBHID_PAD);
    await chooseService(page, 'ru', c);
    await enterIin(page, c.person.iin);
    await verifyPhone(page, request, c);
    await passIdentifyAndPhoto(page);

    const field = '[data-field="signature"]';
    await expect(page.locator(field)).toHaveAttribute('data-pad', 'webhid');
    await expect(page.getByText('Распишитесь ручкой на планшете для подписи, как в документах.')).toBeVisible();
    // The touchscreen is not the pen: a finger's scribble on the screen leaves no ink.
    const box = (await page.locator(field).boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.2, { steps: 8 });
    await page.mouse.up();
    expect(await inkedPixels(page, field)).toBe(0);
    await pressAction(page, 'confirm');
    await expect(message(page, 'signature.empty')).toBeVisible();

    // A tick in a corner of the pad is not a signature.
    await signWithFakePad(page, penScribble(0.1));
    await expect(message(page, 'signature.empty')).toHaveCount(0);
    await pressAction(page, 'confirm');
    await expect(message(page, 'signature.too_small')).toBeVisible();

    await pressAction(page, 'clear');
    await signWithFakePad(page, penScribble());
    expect(await inkedPixels(page, field)).toBeGreaterThan(500);
    await pressAction(page, 'confirm');
    await expectStep(page, 'payment');
  } finally {
    await browser.close();
  }
});
