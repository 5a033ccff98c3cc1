// Each step's bad inputs and the message the citizen sees, the refusals of the registry, and the
// session ending by itself (idle) or by Cancel. No camera is needed up to the phone step.
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { citizen, NOT_FOUND_IIN, phoneDigits } from './support/citizens';
import { chooseService, enterIin } from './support/journey';
import { action, expectStep, message, pressAction, step, typeDigits } from './support/kiosk';

async function atIinStep(page: Page, lang: 'kk' | 'ru' | 'en', tag = 'service-07') {
  await page.goto('/');
  await chooseService(page, lang, citizen(tag));
}

test('the first screen invites in three languages and leads nowhere outside the kiosk', async ({ page }) => {
  await page.goto('/');
  await expect(step(page, 'language')).toContainText('Тілді таңдаңыз');
  await expect(step(page, 'language')).toContainText('Выберите язык');
  await expect(page.locator('a[href]')).toHaveCount(0);
  const prevented = await page.evaluate(() => {
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(prevented).toBe(true);
});

test('IIN: the check runs while typing, in the citizen language', async ({ page }) => {
  await atIinStep(page, 'ru');
  await typeDigits(page, '901301');
  await expect(message(page, 'iin.date')).toHaveText('Первые шесть цифр — дата рождения: год, месяц, день.');
  for (let i = 0; i < 6; i++) await page.locator('[data-key="erase"]').click();
  await typeDigits(page, '9001019');
  await expect(message(page, 'iin.century')).toHaveText('Седьмая цифра должна быть от 1 до 6.');
  await page.locator('[data-key="erase"]').click();
  const valid = citizen('service-07').person.iin;
  const wrongControl = valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10);
  await typeDigits(page, wrongControl.slice(6));
  await expect(message(page, 'iin.checksum')).toHaveText('В ИИН ошибка. Проверьте каждую цифру.');
  await expect(action(page, 'next')).toBeDisabled();
});

test('IIN: a physical keyboard types too', async ({ page }) => {
  await atIinStep(page, 'en');
  await page.keyboard.type('90');
  await expect(page.locator('[data-field="iin"]')).toHaveAttribute('data-value', '90');
  await page.keyboard.press('Backspace');
  await expect(page.locator('[data-field="iin"]')).toHaveAttribute('data-value', '9');
});

const REFUSALS = [
  { tag: 'refusal-deceased', code: 'deceased', kk: 'қайтыс болған' },
  { tag: 'refusal-under_16', code: 'under_16', kk: '16 жасқа толмаған' },
  { tag: 'refusal-application_in_progress', code: 'application_in_progress', kk: 'қаралып жатқан өтініш' },
  { tag: 'refusal-document_expired', code: 'document_expired', kk: 'мерзімі өткен' },
];

for (const { tag, code, kk } of REFUSALS) {
  test(`IIN: the registry refuses ${code}, and the citizen is told why in Kazakh`, async ({ page }) => {
    await atIinStep(page, 'kk', tag);
    await enterIin(page, citizen(tag).person.iin);
    await expect(message(page, code)).toContainText(kk);
    await expect(action(page, 'finish')).toBeVisible();
  });
}

test('IIN: not in the registry', async ({ page }) => {
  await atIinStep(page, 'ru');
  await enterIin(page, NOT_FOUND_IIN);
  await expect(message(page, 'not_found')).toContainText('Этого ИИН нет в базе населения');
  await pressAction(page, 'finish');
  await expectStep(page, 'language');
});

test('a refusal the citizen can fix leads back to the reasons', async ({ page }) => {
  await atIinStep(page, 'ru', 'refusal-document_expired');
  await enterIin(page, citizen('refusal-document_expired').person.iin);
  await pressAction(page, 'change-reason');
  await expectStep(page, 'service');
});

test('phone: a number that is not mobile, then not the one the БМГ holds', async ({ page }) => {
  const c = citizen('phone-mismatch');
  await atIinStep(page, 'ru', 'phone-mismatch');
  await enterIin(page, c.person.iin);
  await expectStep(page, 'phone');
  await typeDigits(page, '6');
  await expect(message(page, 'phone.not_mobile')).toHaveText('Мобильный номер начинается с 7 после +7.');
  await page.locator('[data-key="erase"]').click();
  await typeDigits(page, phoneDigits(c));
  await expect(page.locator('[data-field="phone"]')).toContainText('+7 7');
  await pressAction(page, 'next');
  await expect(message(page, 'phone_mismatch')).toContainText('egov.kz');
});

test('phone: an IIN with no number in the БМГ is told how to register', async ({ page }) => {
  const c = citizen('not-in-bmg');
  await atIinStep(page, 'kk', 'not-in-bmg');
  await enterIin(page, c.person.iin);
  await typeDigits(page, phoneDigits(c));
  await pressAction(page, 'next');
  await expect(message(page, 'not_in_bmg')).toContainText('egov.kz');
});

test('phone: three wrong codes lock the IIN, and the citizen is told for how long', async ({ page }) => {
  const c = citizen('crowd-01');
  await atIinStep(page, 'ru', 'crowd-01');
  await enterIin(page, c.person.iin);
  await typeDigits(page, phoneDigits(c));
  await pressAction(page, 'next');
  await expect(page.locator('[data-field="sms-code"]')).toBeVisible();
  await expect(action(page, 'resend')).toBeDisabled();
  await typeDigits(page, '000000');
  await expect(message(page, 'wrong_code')).toBeVisible();
  await typeDigits(page, '000001');
  await expect(message(page, 'wrong_code')).toHaveText('Неверный код. Осталось попыток: 1.');
  await typeDigits(page, '000002');
  await expect(message(page, 'too_many_wrong_codes')).toHaveText('Слишком много неверных кодов. Попробуйте через 30 мин или обратитесь к оператору.');
  await pressAction(page, 'finish');
  await expectStep(page, 'language');
});

test('idle: a countdown after 60 s, then everything typed is gone', async ({ page }) => {
  await page.clock.install();
  await atIinStep(page, 'ru');
  await typeDigits(page, '900101');
  await page.clock.fastForward(59_000);
  await expect(page.locator('[data-dialog="idle"]')).toHaveCount(0);
  await page.clock.fastForward(2_000);
  await expect(page.locator('[data-dialog="idle"]')).toContainText('Вы ещё здесь?');
  // "I'm here" (or any touch) keeps the session and what was typed.
  const stay = await action(page, 'stay').boundingBox();
  await page.mouse.click(stay!.x + stay!.width / 2, stay!.y + stay!.height / 2);
  await expect(page.locator('[data-dialog="idle"]')).toHaveCount(0);
  await expect(page.locator('[data-field="iin"]')).toHaveAttribute('data-value', '900101');
  await page.clock.fastForward(61_000);
  await expect(page.locator('[data-dialog="idle"]')).toBeVisible();
  // runFor fires every tick of the countdown, as real seconds would.
  await page.clock.runFor(16_000);
  await expectStep(page, 'language');
  await pressAction(page, 'lang-ru');
  await pressAction(page, 'service-07');
  await pressAction(page, 'document-id_card');
  await expect(page.locator('[data-field="iin"]')).toHaveAttribute('data-value', '');
});

test('cancel asks once, then wipes the session', async ({ page }) => {
  await atIinStep(page, 'kk');
  await typeDigits(page, '9001');
  await pressAction(page, 'cancel');
  await expect(page.locator('[data-dialog="cancel"]')).toContainText('Өтініштен бас тартасыз ба?');
  await pressAction(page, 'cancel-no');
  await expect(page.locator('[data-field="iin"]')).toHaveAttribute('data-value', '9001');
  await pressAction(page, 'cancel');
  await pressAction(page, 'cancel-yes');
  await expectStep(page, 'language');
});

for (const viewport of [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
]) {
  test(`every button is a target of at least 64 px at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await atIinStep(page, 'kk');
    const sizes = await page.locator('button').evaluateAll((buttons) =>
      buttons.map((b) => {
        const r = b.getBoundingClientRect();
        return { name: b.getAttribute('data-action') ?? b.getAttribute('data-key'), width: r.width, height: r.height, bottom: r.bottom };
      }),
    );
    expect(sizes.length).toBeGreaterThan(10);
    for (const size of sizes) {
      expect(Math.min(size.width, size.height), String(size.name)).toBeGreaterThanOrEqual(64);
      // Nothing the citizen must press lies below the screen.
      expect(size.bottom, String(size.name)).toBeLessThanOrEqual(viewport.height);
    }
  });
}
