// The terminal's devices as a citizen and a technician meet them: a receipt printed through the
// kiosk's WebUSB driver on a (fake) ESC/POS printer, decoded as the printer would read it, and a
// printer out of paper putting the terminal out of order before anyone starts; an e-application's
// QR read by the (fake) WebHID scanner on the start screen filling in the journey.
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expect, test, prepareContext } from './support/test';
import { decodeEscPos } from '../src/devices/printer/escpos-decode';
import { formatEApplication } from '../src/domain/e-application';
import { reviewApplication } from './support/backoffice';
import { cameraLaunchOptions } from './support/camera';
import { citizen } from './support/citizens';
import { installFakeHidScanner, scanWithFakeHid } from './support/fake-hid';
import { installFakeUsb, printedBytes } from './support/fake-usb';
import { storeSetting } from './support/outbox';
import { qrCameraLaunchOptions } from './support/qr-video';
import { journeyToReceipt, PORTRAIT } from './support/journey';
import { action, expectStep, message, pressAction, step } from './support/kiosk';

test.describe.configure({ timeout: 180_000 });

/** Whether `needle` occurs in `haystack`, byte for byte. */
function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

test('a printer out of paper puts the terminal out of order before a citizen starts', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
  await prepareContext(context, baseURL!);
  try {
    await installFakeUsb(context, { status: 'paper_out' });
    const page = await context.newPage();
    await page.goto('/?profile=test&printer=webusb');
    const outOfOrder = message(page, 'out_of_order');
    await expect(outOfOrder).toHaveAttribute('data-reason', 'device_fault');
    await expect(outOfOrder).toHaveAttribute('data-detail', 'paper_out');
    await expect(outOfOrder).toContainText('Обратитесь к оператору');
    await expect(action(page, 'lang-ru')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('the journey prints its receipt through the WebUSB driver: KZ-1048 text, the printer\'s own QR, a cut', async ({ baseURL, request }) => {
  const c = citizen('kiosk-webusb');
  const browser = await chromium.launch(cameraLaunchOptions('f06-live'));
  try {
    const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
    await prepareContext(context, baseURL!);
    await installFakeUsb(context, { status: 'ready' });
    const page = await context.newPage();
    // An Epson that maps KZ-1048: the receipt goes as text the test can read back.
    await page.goto('/?profile=test&printer=webusb&model=epson-tm-t20iii&width=80');
    await expectStep(page, 'language');
    await journeyToReceipt(page, request, 'ru', c);
    await expect(action(page, 'next')).toBeVisible();

    const commands = decodeEscPos(await printedBytes(page));
    expect(commands[0]).toEqual({ type: 'initialise' });
    expect(commands.filter((command) => command.type !== 'feed').at(-1)).toMatchObject({ type: 'cut' });
    expect(commands).toContainEqual(expect.objectContaining({ type: 'codepage' }));
    const text = new Uint8Array(commands.flatMap((command) => (command.type === 'text' ? [...command.bytes] : [])));
    for (const words of ['РАСПИСКА', 'Удостоверение личности', c.person.givenName]) {
      expect(contains(text, CodepageEncoder.encode(words, 'rk1048')), words).toBe(true);
    }
    const number = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(new TextDecoder('latin1').decode(text))?.[0];
    expect(number, 'the application number is printed').toBeTruthy();
    // The tracking QR is the printer's own command, carrying the tracking page at the back office's
    // public address (the sandbox's own, http://HOST:PORT), in the receipt's language.
    const qr = commands.flatMap((command) => (command.type === 'qr' ? [new TextDecoder().decode(command.params)] : [])).join('');
    expect(qr).toContain(`${baseURL}/track/${number}?lang=ru`);

    await pressAction(page, 'next');
    await expectStep(page, 'done');
    await expect.poll(async () => (await reviewApplication(request, number!))?.status).toBe('accepted');
  } finally {
    await browser.close();
  }
});

/** A fresh kiosk with a (fake) WebHID scanner granted, on its start screen. */
async function kioskWithScanner(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
  await prepareContext(context, baseURL!);
  await installFakeHidScanner(context);
  const page = await context.newPage();
  await page.goto('/?profile=test&scanner=webhid');
  await expectStep(page, 'language');
  return { context, page };
}

test('a scanned e-application fills in the journey: language, reason, document and the IIN to confirm', async ({ browser, baseURL }) => {
  const c = citizen('service-07');
  const { context, page } = await kioskWithScanner(browser, baseURL!);
  try {
    // The start screen tells the citizen the terminal reads an application's QR, in three languages.
    await expect(message(page, 'scan_hint')).toContainText('Поднесите его к сканеру терминала');
    await expect(message(page, 'scan_hint')).toContainText('терминалдың сканеріне');
    // Some other code first: said plainly, nothing changes.
    await scanWithFakeHid(page, 'https://example.com/not-an-application');
    await expect(message(page, 'scan_not_ours')).toContainText('Этот код не является заявлением');
    await expectStep(page, 'language');

    await scanWithFakeHid(page, formatEApplication({ iin: c.person.iin, service: '07', document: 'id_card', lang: 'ru' }));
    await expectStep(page, 'iin');
    await expect(page.locator('[data-field="iin"]')).toHaveAttribute('data-value', c.person.iin);
    await pressAction(page, 'next');
    await expectStep(page, 'phone');
  } finally {
    await context.close();
  }
});

test('a scanned e-application without a language asks for one, then goes to the IIN', async ({ browser, baseURL }) => {
  const c = citizen('service-16');
  const { context, page } = await kioskWithScanner(browser, baseURL!);
  try {
    await scanWithFakeHid(page, formatEApplication({ iin: c.person.iin, service: '16', document: 'passport' }));
    await expect(message(page, 'scan_read')).toContainText('Өтінішіңіз оқылды');
    await pressAction(page, 'lang-kk');
    await expect(step(page, 'iin')).toBeVisible();
    await expect(page.locator('[data-field="iin"]')).toHaveAttribute('data-value', c.person.iin);
  } finally {
    await context.close();
  }
});

test('on a kiosk without a scanner the citizen shows the e-application to the camera', async ({ baseURL }) => {
  const c = citizen('service-07');
  const browser = await chromium.launch(qrCameraLaunchOptions(formatEApplication({ iin: c.person.iin, service: '07', document: 'id_card', lang: 'kk' })));
  try {
    const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
    await prepareContext(context, baseURL!);
    const page = await context.newPage();
    await page.goto('/?profile=test&scanner=camera');
    await expectStep(page, 'language');
    // The camera is off until the citizen asks for it.
    await expect(page.locator('[data-panel="scan-camera"]')).toHaveCount(0);
    await expect(action(page, 'scan-camera-open')).toContainText('Өтініштің QR-коды бар');
    // The code is in view at once: read, the camera closes and the citizen is at the IIN, in Kazakh.
    await pressAction(page, 'scan-camera-open');
    await expectStep(page, 'iin');
    await expect(page.locator('[data-field="iin"]')).toHaveAttribute('data-value', c.person.iin);
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  } finally {
    await browser.close();
  }
});

test('a camera that will not start while reading a QR is said in three languages, and the citizen goes on without it', async ({ browser, baseURL }) => {
  // The default browser of the run has no camera at all.
  const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
  await prepareContext(context, baseURL!);
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('no camera', 'NotFoundError'));
    });
    await page.goto('/?profile=test&scanner=camera');
    await pressAction(page, 'scan-camera-open');
    const failed = message(page, 'scan_camera_failed');
    await expect(failed).toHaveAttribute('data-detail', 'camera_missing');
    await expect(failed).toContainText('Камера не включилась');
    await expect(failed).toContainText('Камера қосылмады');
    await pressAction(page, 'scan-camera-close');
    await pressAction(page, 'lang-ru');
    await expectStep(page, 'service');
  } finally {
    await context.close();
  }
});

test('a device profile stored on the terminal is used from its next start', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
  await prepareContext(context, baseURL!);
  try {
    await installFakeUsb(context, { status: 'paper_out' });
    const page = await context.newPage();
    await page.goto('/');
    // No profile stored and none asked for: the emulated printer, in service.
    await expect(action(page, 'lang-ru')).toBeEnabled();
    // What technician mode stores when a technician chooses the USB printer (admin/profile-store.ts).
    await storeSetting(page, 'deviceProfile', {
      preset: 'kiosk',
      printer: { driver: 'webusb', width: 80, model: 'generic' },
      scanner: 'emulated',
      camera: 'camera',
      signature: 'touch',
    });
    await page.reload();
    const outOfOrder = message(page, 'out_of_order');
    await expect(outOfOrder).toHaveAttribute('data-reason', 'device_fault');
    await expect(outOfOrder).toHaveAttribute('data-detail', 'paper_out');
  } finally {
    await context.close();
  }
});
