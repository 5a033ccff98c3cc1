// Technician mode as a technician and a citizen meet it: the hidden gesture on the start screen
// (five taps top-left, one bottom-right, within 4 s) shows the PIN pad, which refuses a wrong PIN
// with the attempts left and opens on the sandbox's PIN (000000, installed for an SBX- terminal);
// the overview names this kiosk's terminal and its outbox; leaving returns to the start screen.
// A citizen's ordinary taps never open it.
import { expect, test, type Page } from '@playwright/test';
import { openKiosk } from './support/journey';
import { action, expectStep, message, pressAction, step, typeDigits } from './support/kiosk';
import { terminalId } from './support/outbox';

async function openStartScreen(page: Page): Promise<void> {
  await page.goto('/?profile=test');
  await expectStep(page, 'language');
  // Enrolled with the sandbox: the start screen takes a citizen.
  await expect(action(page, 'lang-ru')).toBeEnabled();
}

/** The gesture and the sandbox PIN: the overview. */
async function openOverview(page: Page): Promise<void> {
  await tapCorners(page);
  await expect(step(page, 'technician')).toHaveAttribute('data-stage', 'pin');
  await typeDigits(page, '000000');
  await pressAction(page, 'tech-pin-enter');
  await expect(step(page, 'technician')).toHaveAttribute('data-stage', 'overview');
}

/** Five taps in the top-left corner, then `last` (the bottom-right corner for the real gesture). */
async function tapCorners(page: Page, last: { x: number; y: number } | null = null): Promise<void> {
  const { width, height } = page.viewportSize()!;
  for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
  const { x, y } = last ?? { x: width - 20, y: height - 20 };
  await page.mouse.click(x, y);
}

test('a citizen\'s taps do not open technician mode: not the language buttons, not the corners out of order, not past the start screen', async ({ page }) => {
  await openStartScreen(page);
  const { width, height } = page.viewportSize()!;
  // The top-left taps, then the middle of the screen instead of the bottom-right corner.
  await tapCorners(page, { x: width / 2, y: height / 2 });
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
