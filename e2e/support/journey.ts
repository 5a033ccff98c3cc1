// The journey as a citizen walks it, one function a step, for the specs that go through it whole.
import { chromium, expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { SeedCitizen } from '../../server/seed/citizens';
import type { Lang } from '../../src/protocol';
import { FREE_FAILURES, TRIES } from '../../src/steps/identify-tries';
import { latestSmsCode, listPayments, payPending } from './backoffice';
import { cameraLaunchOptions, type CameraVideo } from './camera';
import { phoneDigits } from './citizens';
import { prepareContext } from './test';
import { expectStep, pressAction, step, typeDigits } from './kiosk';

/** The kiosk's two screens: the usual upright one, and a wide one. */
export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

/** Liveness and auto-capture on two shared cores take seconds, not milliseconds. */
export const CAMERA_STEP_TIMEOUT = 60_000;

/**
 * The fake camera's video is a browser launch flag, so a journey with its own face launches its
 * own Chromium. The test profile fixes the challenges the `-live` videos show: a turn left, then
 * right, and lights the clip with the screen's colours as a face before it would be lit
 * (src/devices/camera/screen-lit-camera.ts); `query` adds to the address, e.g. '&screenLight=off'
 * for the bare clip: a replay.
 */
export async function openKiosk(video: CameraVideo, baseURL: string, viewport = PORTRAIT, query = ''): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch(cameraLaunchOptions(video));
  const context = await browser.newContext({ baseURL, viewport });
  await prepareContext(context, baseURL);
  const page = await context.newPage();
  await page.goto(`/?profile=test${query}`);
  await expectStep(page, 'language');
  return { browser, page };
}

export async function chooseService(page: Page, lang: Lang, c: SeedCitizen): Promise<void> {
  await pressAction(page, `lang-${lang}`);
  await expectStep(page, 'service');
  await pressAction(page, `service-${c.example.service}`);
  const documentChoice = page.locator(`[data-action="document-${c.example.document}"]`);
  // Reasons that serve one document only go straight on.
  if (await documentChoice.isVisible().catch(() => false)) await documentChoice.click();
  await expectStep(page, 'iin');
}

export async function enterIin(page: Page, iin: string): Promise<void> {
  await typeDigits(page, iin);
  await pressAction(page, 'next');
}

export async function verifyPhone(page: Page, request: APIRequestContext, c: SeedCitizen): Promise<void> {
  await expectStep(page, 'phone');
  await typeDigits(page, phoneDigits(c));
  await pressAction(page, 'next');
  await expect(page.locator('[data-field="sms-code"]')).toBeVisible();
  await typeDigits(page, await latestSmsCode(request, c.phoneToType));
  await expectStep(page, 'identify');
}

/**
 * Identification, up to the photo step. Chromium's fake camera plays its clip in a loop from the
 * browser's launch, so a sequence may start between the clip's left turn and its right one and
 * meet the right turn first ("you turned the other way", scripts/faces/frames.ts liveSchedule):
 * the citizen is asked to try again and does, as a citizen would, within the step's three tries.
 * identify.spec.ts tests the sequence itself. Returns how many times the citizen tried again.
 */
export async function passIdentify(page: Page): Promise<number> {
  const retry = page.locator('[data-action="retry"]');
  let retries = 0;
  // A free failure gives the try back (identify-tries.ts), as the kiosk does the citizen; on shared
  // cores the camera's few frames a second can leave the colours unread a time or two.
  const refusals: string[] = [];
  for (let tries = TRIES, free = 0; tries > 1 && free < MAX_FREE_RETRIES; retries++) {
    await expect(step(page, 'photo').or(retry)).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
    if (await step(page, 'photo').isVisible()) break;
    const code = await refusalOnScreen(page);
    refusals.push(code ?? '?');
    if (code !== null && FREE_FAILURES.has(code)) free += 1;
    else tries -= 1;
    await retry.click();
  }
  await expect(step(page, 'photo'), `identify refused: ${refusals.join(', ')}`).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
  return retries;
}

/** More free failures than this in one identify step would be a fault, not bad luck. */
const MAX_FREE_RETRIES = 4;

/** The code of the identify step's refusal on screen. */
function refusalOnScreen(page: Page): Promise<string | null> {
  return page.locator('[data-message]').first().getAttribute('data-message');
}

/** Whether the identify step's refusal on screen is one that does not use up a try. */
export async function isFreeFailure(page: Page): Promise<boolean> {
  const code = await refusalOnScreen(page);
  return code !== null && FREE_FAILURES.has(code);
}

/** Identification, then the photo taken by itself and accepted. */
export async function passIdentifyAndPhoto(page: Page): Promise<void> {
  await passIdentify(page);
  await expect(page.locator('[data-field="portrait"]')).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
  await pressAction(page, 'accept');
  await expectStep(page, 'signature');
}

/** A scribble across the pad, as a finger signs. */
export async function drawSignature(page: Page, scale = 1): Promise<void> {
  const box = await page.locator('[data-field="signature"]').boundingBox();
  if (!box) throw new Error('no signature pad on screen');
  const x0 = box.x + box.width * 0.2;
  const y0 = box.y + box.height * 0.5;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    const x = x0 + (box.width * 0.6 * scale * i) / 24;
    const y = y0 + Math.sin(i * 1.3) * box.height * 0.25 * scale;
    await page.mouse.move(x, y, { steps: 3 });
  }
  await page.mouse.up();
}

export async function sign(page: Page): Promise<void> {
  await drawSignature(page);
  await pressAction(page, 'confirm');
  await expectStep(page, 'payment');
}

/** The payment the kiosk shows: the QR's payload is the sandbox payment's. */
export async function shownPaymentId(page: Page, request: APIRequestContext): Promise<string> {
  const payload = await page.locator('[data-qr="payment"]').getAttribute('data-payload');
  const { payments } = (await listPayments(request)) as { payments: Array<{ id: string; qrPayload: string }> };
  const shown = payments.find((p) => p.qrPayload === payload);
  if (!shown) throw new Error('the QR on screen is not a sandbox payment');
  return shown.id;
}

export async function pay(page: Page, request: APIRequestContext): Promise<void> {
  await expect(page.locator('[data-qr="payment"]')).toBeVisible();
  await payPending(request, await shownPaymentId(page, request));
  await expectStep(page, 'receipt');
}

/** The emulated printer's paper, then "take your receipt", then the first screen again. */
export async function takeReceipt(page: Page): Promise<string> {
  const paper = page.locator('[data-device="printer"]');
  await expect(paper).toBeVisible();
  const text = (await paper.innerText()).trim();
  await pressAction(page, 'next');
  await expectStep(page, 'done');
  await pressAction(page, 'finish');
  await expectStep(page, 'language');
  return text;
}

/** The journey online from the first screen until the payment step. */
export async function journeyToPayment(page: Page, request: APIRequestContext, lang: Lang, c: SeedCitizen): Promise<void> {
  await chooseService(page, lang, c);
  await enterIin(page, c.person.iin);
  await verifyPhone(page, request, c);
  await passIdentifyAndPhoto(page);
  await sign(page);
}

/** The journey online from the first screen until the receipt step, the fee paid by QR. */
export async function journeyToReceipt(page: Page, request: APIRequestContext, lang: Lang, c: SeedCitizen): Promise<void> {
  await journeyToPayment(page, request, lang, c);
  await pay(page, request);
}
