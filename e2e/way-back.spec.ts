// A way back (issue 14): Back keeps what is still valid (src/flow/steps.ts BACK), a number not in
// the registry is corrected on its screen, the language changes on any step with the data kept, and
// the SMS code's lock shows on the answer that used up the last try. No camera is needed: every
// path here ends at the identify step at the latest. Each test has a person of its own (crowd-18 …
// crowd-22), so the phone's limits of one never refuse another.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { latestSmsCode } from './support/backoffice';
import { citizen, NOT_FOUND_IIN, phoneDigits } from './support/citizens';
import { chooseService, enterIin } from './support/journey';
import { action, expectStep, message, pressAction, step, typeDigits } from './support/kiosk';

const iinField = (page: Page): Locator => page.locator('[data-field="iin"]');
const phoneField = (page: Page): Locator => page.locator('[data-field="phone"]');
const codeField = (page: Page): Locator => page.locator('[data-field="sms-code"]');

async function erase(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.locator('[data-key="erase"]').click();
}

/** A reason, and its document where the reason serves more than one. */
async function chooseReason(page: Page, service: string, document: string): Promise<void> {
  await pressAction(page, `service-${service}`);
  const documentChoice = action(page, `document-${document}`);
  if (await documentChoice.isVisible().catch(() => false)) await documentChoice.click();
  await expectStep(page, 'iin');
}

/** From the first screen to the SMS code, for a person whose number the БМГ holds. */
async function toSmsCode(page: Page, tag: string): Promise<void> {
  const c = citizen(tag);
  await page.goto('/');
  await chooseService(page, 'ru', c);
  await enterIin(page, c.person.iin);
  await expectStep(page, 'phone');
  await typeDigits(page, phoneDigits(c));
  await pressAction(page, 'next');
  await expect(codeField(page)).toBeVisible();
}

/** A code that is surely not the one sent. */
async function wrongCode(request: APIRequestContext, tag: string): Promise<string> {
  const sent = await latestSmsCode(request, citizen(tag).phoneToType);
  return sent === '000000' ? '111111' : '000000';
}

test('Back from the IIN to the reason, and a wrong reason changed without typing the IIN again', async ({ page }) => {
  const c = citizen('refusal-document_expired');
  await page.goto('/');
  await chooseService(page, 'ru', c);
  // There is no Back on the first screen; on the reasons it is there.
  await typeDigits(page, c.person.iin.slice(0, 7));
  await pressAction(page, 'back');
  await expectStep(page, 'service');
  await chooseReason(page, c.example.service, c.example.document);
  await expect(iinField(page)).toHaveAttribute('data-value', c.person.iin.slice(0, 7));
  await typeDigits(page, c.person.iin.slice(7));
  await pressAction(page, 'next');

  // The registry says the card expired: another reason, and the same number is checked under it.
  await expect(message(page, 'document_expired')).toBeVisible();
  await pressAction(page, 'change-reason');
  await expectStep(page, 'service');
  await chooseReason(page, '18', 'id_card');
  await expect(iinField(page)).toHaveAttribute('data-value', c.person.iin);
  await pressAction(page, 'next');
  await expectStep(page, 'phone');
});

test('Back from the phone shows the IIN to correct; a number not in the registry is corrected and the citizen goes on', async ({ page }) => {
  const c = citizen('crowd-18');
  await page.goto('/');
  await chooseService(page, 'ru', c);
  await enterIin(page, NOT_FOUND_IIN);
  await expect(message(page, 'not_found')).toContainText('Проверьте номер');
  await expect(action(page, 'finish')).toBeVisible();
  await pressAction(page, 'correct-iin');
  await expectStep(page, 'iin');
  await expect(iinField(page)).toHaveAttribute('data-value', NOT_FOUND_IIN);
  await erase(page, 12);
  await enterIin(page, c.person.iin);
  await expectStep(page, 'phone');

  // The number typed on the phone step, then Back: the IIN is there, and can be changed.
  await typeDigits(page, phoneDigits(c).slice(0, 4));
  await pressAction(page, 'back');
  await expectStep(page, 'iin');
  await expect(iinField(page)).toHaveAttribute('data-value', c.person.iin);
  await erase(page, 1);
  await expect(iinField(page)).toHaveAttribute('data-value', c.person.iin.slice(0, 11));
  await typeDigits(page, c.person.iin.slice(11));
  await pressAction(page, 'next');
  await expectStep(page, 'phone');
});

test('Back from the SMS code to the number, and on to the same code without a second SMS', async ({ page, request }) => {
  const c = citizen('crowd-19');
  await toSmsCode(page, 'crowd-19');
  const sent = await latestSmsCode(request, c.phoneToType);
  await pressAction(page, 'back');
  await expect(phoneField(page)).toHaveAttribute('data-value', phoneDigits(c));
  await pressAction(page, 'next');
  await expect(codeField(page)).toBeVisible();
  // Had a new SMS been asked for within the minute, the back office would have refused it.
  await expect(page.locator('[data-message]')).toHaveCount(0);
  await typeDigits(page, sent);
  await expectStep(page, 'identify');
  // From the identification back to the number: kept, and a new code proves it again.
  await pressAction(page, 'back');
  await expectStep(page, 'phone');
  await expect(phoneField(page)).toHaveAttribute('data-value', phoneDigits(c));
});

test('the language changes on any step and everything typed stays', async ({ page }) => {
  const c = citizen('crowd-20');
  await page.goto('/');
  await chooseService(page, 'ru', c);
  await typeDigits(page, c.person.iin.slice(0, 5));
  await expect(step(page, 'iin').locator('h1')).toHaveText('Введите ИИН');
  // The first screen's buttons are lang-*, these switch-lang-*; the current language is not offered.
  await expect(action(page, 'switch-lang-ru')).toHaveCount(0);
  await expect(action(page, 'switch-lang-kk')).toHaveText('Қазақша');
  await pressAction(page, 'switch-lang-kk');
  await expect(step(page, 'iin').locator('h1')).toHaveText('ЖСН енгізіңіз');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(iinField(page)).toHaveAttribute('data-value', c.person.iin.slice(0, 5));
  await typeDigits(page, c.person.iin.slice(5));
  await pressAction(page, 'next');
  await expectStep(page, 'phone');
  await expect(step(page, 'phone').locator('h1')).toHaveText('Ұялы телефон нөміріңіз');
  await typeDigits(page, phoneDigits(c).slice(0, 3));
  await pressAction(page, 'switch-lang-en');
  await expect(step(page, 'phone').locator('h1')).toHaveText('Your mobile number');
  await expect(phoneField(page)).toHaveAttribute('data-value', phoneDigits(c).slice(0, 3));
  // A message shown before the switch is said again in the new language.
  await erase(page, 3);
  await typeDigits(page, '6');
  await expect(message(page, 'phone.not_mobile')).toHaveText('A mobile number starts with 7 after +7.');
  await pressAction(page, 'switch-lang-ru');
  await expect(message(page, 'phone.not_mobile')).toHaveText('Мобильный номер начинается с 7 после +7.');
});

test('SMS code: a wrong code stays on screen; the lock shows on the answer that used the last try, keypad disabled, with the time', async ({ page, request }) => {
  await toSmsCode(page, 'crowd-21');
  const wrong = await wrongCode(request, 'crowd-21');
  await typeDigits(page, wrong);
  await expect(message(page, 'wrong_code')).toHaveText('Неверный код. Осталось попыток: 2.');
  await expect(codeField(page)).toHaveAttribute('data-value', wrong);
  // Erasing corrects it digit by digit; a digit typed over the whole refused code starts a new one.
  await erase(page, 1);
  await expect(codeField(page)).toHaveAttribute('data-value', wrong.slice(0, 5));
  await typeDigits(page, wrong.slice(5));
  await expect(message(page, 'wrong_code')).toHaveText('Неверный код. Осталось попыток: 1.');
  await expect(codeField(page)).toHaveAttribute('data-value', wrong);
  await typeDigits(page, wrong[0]!);
  await expect(codeField(page)).toHaveAttribute('data-value', wrong[0]!);
  await typeDigits(page, wrong.slice(1));

  // The third wrong code: locked now, not on a next try.
  await expect(message(page, 'too_many_wrong_codes')).toContainText('Слишком много неверных кодов');
  await expect(codeField(page)).toHaveAttribute('data-value', wrong);
  const until = page.locator('[data-message="locked_until"]');
  await expect(until).toHaveText(/^Ввод кода закрыт до \d\d:\d\d\.$/);
  // Half an hour from the first wrong code, on the kiosk's clock in Kazakhstan (UTC+5), give or take the minute rounded up.
  const shown = (await until.getAttribute('data-time'))!;
  const expected = await page.evaluate(() => Date.now() + 30 * 60_000);
  const [h, m] = shown.split(':').map(Number);
  const kz = new Date(expected + 5 * 3600_000);
  const minutesApart = Math.abs(h! * 60 + m! - (kz.getUTCHours() * 60 + kz.getUTCMinutes()));
  expect(Math.min(minutesApart, 24 * 60 - minutesApart)).toBeLessThanOrEqual(2);
  for (const key of ['1', '5', '0', 'erase']) await expect(page.locator(`[data-key="${key}"]`)).toBeDisabled();
  await expect(action(page, 'back')).toHaveCount(0);
  await pressAction(page, 'finish');
  await expectStep(page, 'language');
});

test('on the phone step the citizen has longer, and "are you still here?" hides the data behind it', async ({ page }) => {
  await page.clock.install();
  const c = citizen('crowd-22');
  await page.goto('/');
  await chooseService(page, 'ru', c);
  await enterIin(page, c.person.iin);
  await expectStep(page, 'phone');
  await typeDigits(page, phoneDigits(c).slice(0, 6));
  const dialog = page.locator('[data-dialog="idle"]');
  // Looking for one's own number on one's phone takes longer than the minute other steps allow.
  await page.clock.fastForward(61_000);
  await expect(dialog).toHaveCount(0);
  await page.clock.fastForward(120_000);
  await expect(dialog).toBeVisible();
  // Opaque, not dimmed: whoever comes next does not see the number typed around the dialog.
  const backdrop = await dialog.evaluate((el) => getComputedStyle(el.parentElement!).backgroundColor);
  expect(backdrop).toBe('rgb(255, 255, 255)');
  // Any touch keeps the session (a click that Playwright waits on would find the dialog gone under it).
  const stay = await action(page, 'stay').boundingBox();
  await page.mouse.click(stay!.x + stay!.width / 2, stay!.y + stay!.height / 2);
  await expect(dialog).toHaveCount(0);
  await expect(phoneField(page)).toHaveAttribute('data-value', phoneDigits(c).slice(0, 6));
});
