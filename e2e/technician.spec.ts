// Technician mode as a technician and a citizen meet it: the hidden gesture on the start screen
// (five taps top-left, one bottom-right, within 4 s) shows the PIN pad, which refuses a wrong PIN
// with the attempts left and opens on the sandbox's PIN (000000, installed for an SBX- terminal);
// the overview names this kiosk's terminal and its outbox; leaving returns to the start screen.
// A citizen's ordinary taps never open it. From the overview the technician stores a device
// profile (run after a restart), changes the PIN, and sends the log to the back office.
import { chromium, type Page } from '@playwright/test';
import { formatEApplication } from '../src/domain/e-application';
import { expect, test, prepareContext } from './support/test';
import { openKiosk, PORTRAIT } from './support/journey';
import { qrCameraLaunchOptions } from './support/qr-video';
import { action, expectStep, message, pressAction, step, typeDigits } from './support/kiosk';
import { installFakeHidScanner } from './support/fake-hid';
import { installFakeUsb } from './support/fake-usb';
import { storeSetting, terminalId } from './support/outbox';
import { openOverview, tapCorners } from './support/technician';

async function openStartScreen(page: Page, url = '/?profile=test'): Promise<void> {
  await page.goto(url);
  await expectStep(page, 'language');
  // Enrolled with the sandbox: the start screen takes a citizen.
  await expect(action(page, 'lang-ru')).toBeEnabled();
}

test('a citizen\'s taps do not open technician mode: not the language buttons, not the corners out of order, not past the start screen', async ({ page }) => {
  await openStartScreen(page);
  const { width, height } = page.viewportSize()!;
  // The top-left taps, then the empty left edge half way down instead of the bottom-right corner
  // (the middle of the screen holds a language button, which would take the citizen on).
  await tapCorners(page, { x: 20, y: height / 2 });
  await page.mouse.click(width - 20, height - 20);
  await expect(step(page, 'language')).toBeVisible();
  await expect(step(page, 'technician')).toHaveCount(0);

  // The language buttons take the citizen on, never into the mode.
  await pressAction(page, 'lang-ru');
  await expectStep(page, 'service');
  // The whole gesture past the start screen does nothing either.
  await tapCorners(page);
  await expect(step(page, 'service')).toBeVisible();
  await expect(step(page, 'technician')).toHaveCount(0);
});

test('the gesture shows the PIN pad; a wrong PIN is refused with the attempts left, the sandbox PIN opens the overview; leaving returns to the start screen', async ({ page }) => {
  await openStartScreen(page);
  await tapCorners(page);
  const technician = step(page, 'technician');
  await expect(technician).toHaveAttribute('data-stage', 'pin');

  await typeDigits(page, '123456');
  const pin = page.locator('[data-field="pin"]');
  await expect(pin).toHaveAttribute('data-length', '6');
  // Masked: six dots, and the digits typed are not among the words on the screen.
  await expect(pin.locator('.filled')).toHaveCount(6);
  await expect(pin).toHaveText('');
  await pressAction(page, 'tech-pin-enter');
  await expect(message(page, 'pin_wrong')).toHaveText('Неверный PIN. Осталось попыток: 4');
  await expect(technician).toHaveAttribute('data-stage', 'pin');

  await typeDigits(page, '000000');
  await pressAction(page, 'tech-pin-enter');
  await expect(technician).toHaveAttribute('data-stage', 'overview');
  await expect(page.locator('[data-field="terminal-id"]')).toHaveText(await terminalId(page));
  await expect(page.locator('[data-field="terminal-id"]')).toHaveText(/^SBX-/);
  await expect(page.locator('[data-field="outbox-pending"]')).toHaveText('0');
  await expect(page.locator('[data-field="outbox-quarantined"]')).toHaveText('0');
  // Every attempt is in the technician's log, with what opened.
  const log = page.locator('[data-field="technician-log"]');
  await expect(log.locator('[data-log-action="pin_refused"]')).toHaveCount(1);
  await expect(log.locator('[data-log-action="pin_accepted"]')).toHaveCount(1);
  await expect(log.locator('[data-log-action="pin_set"]')).toContainText('sandbox');

  await pressAction(page, 'tech-leave');
  await expectStep(page, 'language');
  await expect(step(page, 'technician')).toHaveCount(0);
});

test('self-tests: a test receipt printed with the printer\'s status, the pad drawn on, the camera with the face worker\'s fps; each one logged', async ({ baseURL }) => {
  const { browser, page } = await openKiosk('f06-live', baseURL!);
  try {
    await expect(action(page, 'lang-ru')).toBeEnabled();
    await openOverview(page);
    const log = page.locator('[data-field="technician-log"]');

    await pressAction(page, 'tech-test-printer');
    await expect(message(page, 'printer_ok')).toBeVisible();
    await expect(page.locator('[data-field="printer-status"]')).toHaveAttribute('data-value', 'ready');
    await expect(log.locator('[data-log-action="self_test"]')).toContainText('"device":"printer","ok":true');

    await pressAction(page, 'tech-test-pad');
    const pad = page.locator('[data-field="pad-test"]');
    // The overview is longer than the screen: the technician scrolls to the pad, as here.
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect(pad).toHaveAttribute('data-drawn', 'true');
    await pressAction(page, 'tech-pad-ok');
    await expect(message(page, 'pad_ok')).toBeVisible();

    await pressAction(page, 'tech-test-camera');
    const fps = page.locator('[data-field="camera-fps"]');
    await expect(fps).toContainText('Камера работает', { timeout: 60_000 });
    expect(Number(await fps.getAttribute('data-value'))).toBeGreaterThan(0);
    await expect(log.locator('[data-log-action="self_test"]')).toHaveCount(3);
  } finally {
    await browser.close();
  }
});

test('a device profile chosen on the screen is stored, and the kiosk runs it after a restart without the tester\'s query string', async ({ page }) => {
  await openStartScreen(page);
  await openOverview(page);
  const devices = page.locator('[data-panel="devices"]');
  // This session's profile comes from the page's address, and the screen says so.
  await expect(devices.locator('[data-field="profile"]')).toContainText('из адреса страницы');
  await expect(message(page, 'profile_query')).toBeVisible();

  await pressAction(page, 'tech-profile-edit');
  await pressAction(page, 'profile-preset-emulated');
  await pressAction(page, 'profile-width-58');
  await pressAction(page, 'profile-printer-emulated');
  await expect(action(page, 'profile-width-58')).toHaveAttribute('aria-pressed', 'true');
  await pressAction(page, 'tech-profile-save');
  await expect(message(page, 'profile_saved')).toHaveText('Профиль сохранён. Терминал перейдёт на него после перезапуска.');
  await expect(page.locator('[data-field="technician-log"] [data-log-action="profile_saved"]')).toContainText('"printerWidth":58');

  // "Restart now" leaves the mode and starts the page again.
  await Promise.all([page.waitForEvent('load'), pressAction(page, 'tech-restart')]);
  await expectStep(page, 'language');

  await openStartScreen(page, '/');
  await openOverview(page);
  await expect(devices.locator('[data-field="profile"]')).toContainText('сохранён на терминале');
  await expect(devices.locator('[data-field="profile-printer"]')).toHaveText('Чек на экране, 58 mm, Другая модель ESC/POS');
  await expect(devices.locator('[data-field="profile-printer"]')).toHaveAttribute('data-value', 'emulated');
  await expect(message(page, 'profile_query')).toHaveCount(0);
  await expect(message(page, 'profile_saved')).toHaveCount(0);
});

test('the PIN changed from the overview (the current one first, the new one twice) is the one that opens the mode', async ({ page }) => {
  await openStartScreen(page);
  await openOverview(page);
  await pressAction(page, 'tech-pin-change');
  const panel = page.locator('[data-panel="pin"]');
  await expect(panel).toHaveAttribute('data-stage', 'current');
  await typeDigits(page, '000000');
  await pressAction(page, 'tech-pin-change-next');
  await expect(panel).toHaveAttribute('data-stage', 'new');
  await typeDigits(page, '480159');
  await pressAction(page, 'tech-pin-change-next');
  await expect(panel).toContainText('Повторите PIN');
  await typeDigits(page, '480159');
  await pressAction(page, 'tech-pin-change-next');
  await expect(message(page, 'pin_changed')).toHaveText('PIN изменён');
  await expect(page.locator('[data-field="technician-log"] [data-log-action="pin_set"]').first()).toContainText('technician');

  await pressAction(page, 'tech-leave');
  await expectStep(page, 'language');
  await tapCorners(page);
  await typeDigits(page, '000000');
  await pressAction(page, 'tech-pin-enter');
  await expect(message(page, 'pin_wrong')).toBeVisible();
  await typeDigits(page, '480159');
  await pressAction(page, 'tech-pin-enter');
  await expect(step(page, 'technician')).toHaveAttribute('data-stage', 'overview');
});

test('the log is sent to the back office: the count, then only what is new', async ({ page }) => {
  await openStartScreen(page);
  await openOverview(page);
  // pin_set (the sandbox PIN), pin_accepted, screen_opened.
  await pressAction(page, 'tech-export-log');
  await expect(message(page, 'log_exported')).toHaveText('Журнал отправлен в бэк-офис: записей 3');
  await expect(page.locator('[data-field="technician-log"] [data-log-action="log_exported"]')).toHaveCount(1);
  // The next export sends only the entry logged since: the export itself.
  await pressAction(page, 'tech-export-log');
  await expect(message(page, 'log_exported')).toHaveText('Журнал отправлен в бэк-офис: записей 1');
});

test('the outbox panel tells the last contact with the back office: none on a fresh kiosk, then when and how many were sent', async ({ page }) => {
  await openStartScreen(page);
  await openOverview(page);
  const lastSync = page.locator('[data-field="outbox-last-sync"]');
  await expect(lastSync).toHaveText('не было');
  // As the outbox's drain records a round the back office answered (src/sync/last-sync.ts).
  await storeSetting(page, 'lastSync', { at: Date.UTC(2026, 2, 1, 9, 30), delivered: 2 });
  await pressAction(page, 'tech-refresh');
  await expect(lastSync).toHaveAttribute('data-value', '2');
  await expect(lastSync).toContainText('01.03.2026');
  await expect(lastSync).toContainText('отправлено: 2');
});

test('on a kiosk whose scanner is the camera, the scanner self-test reads a code shown to it, without showing what it holds', async ({ baseURL }) => {
  const code = formatEApplication({ iin: '880415300127', service: '07', document: 'id_card' });
  const browser = await chromium.launch(qrCameraLaunchOptions(code));
  try {
    const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
    await prepareContext(context, baseURL!);
    const page = await context.newPage();
    await openStartScreen(page, '/?profile=test&scanner=camera');
    await openOverview(page);
    await pressAction(page, 'tech-test-scanner');
    const read = message(page, 'scanner_read');
    await expect(read).toContainText(String(code.length));
    await expect(read).not.toContainText('880415300127');
    await expect(page.locator('[data-field="technician-log"] [data-log-action="self_test"]')).toContainText('"device":"scanner","ok":true');
  } finally {
    await browser.close();
  }
});

test('on a desktop without the terminal\'s Chrome policies, the technician grants the USB printer and the HID scanner through the browser\'s chooser', async ({ page }) => {
  await installFakeUsb(page, { status: 'ready' });
  await installFakeHidScanner(page);
  await openStartScreen(page, '/?profile=test&printer=webusb&scanner=webhid');
  await openOverview(page);
  // Only the devices this profile drives over WebUSB or WebHID are offered.
  await expect(action(page, 'tech-grant-signature')).toHaveCount(0);
  await pressAction(page, 'tech-grant-printer');
  await expect(message(page, 'grant_done')).toContainText('Доступ дан');
  await pressAction(page, 'tech-grant-scanner');
  await expect(message(page, 'grant_done')).toBeVisible();
  const granted = page.locator('[data-field="technician-log"] [data-log-action="device_granted"]');
  await expect(granted).toHaveCount(2);
  await expect(granted.first()).toContainText('"device":"scanner","granted":true');
});
