// The staff console (console/, served at /console/) in a real browser under the back office's
// policies: signing in with the sandbox's accounts, a wrong password said in the staff member's
// language, the session kept across a reload by its cookie, and signing out.
import { expect, test } from './support/test';

test.use({ viewport: { width: 1280, height: 800 } });

test('an operator signs in after a wrong password, stays signed in across a reload, and signs out', async ({ page }) => {
  await page.goto('/console/');
  await page.locator('[data-action="lang-ru"]').click();
  await expect(page.locator('[data-page="sign-in"] h1')).toHaveText('Вход');

  // Empty fields are said before anything is sent.
  await page.locator('[data-action="sign-in"]').click();
  await expect(page.locator('.field-error')).toHaveText('Заполните это поле.');

  await page.locator('input[name="username"]').fill('operator');
  await page.locator('input[name="password"]').fill('not-the-password');
  await page.locator('[data-action="sign-in"]').click();
  await expect(page.locator('[data-error="invalid_credentials"]')).toHaveText('Неверное имя пользователя или пароль.');
  await expect(page.locator('input[name="password"]')).toHaveValue('');

  await page.locator('input[name="password"]').fill('sandbox-password');
  await page.locator('[data-action="sign-in"]').click();
  await expect(page.locator('[data-field="signed-in"]')).toHaveText('operator, оператор');

  // The session is the back office's cookie: a reload finds it, in the language chosen before.
  await page.reload();
  await expect(page.locator('[data-field="signed-in"]')).toHaveText('operator, оператор');

  await page.locator('[data-action="sign-out"]').click();
  await expect(page.locator('[data-page="sign-in"]')).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-page="sign-in"]')).toBeVisible();
});

test('the console speaks Kazakh when chosen, and never takes the kiosk’s place at the root', async ({ page }) => {
  await page.goto('/console/applications');
  await page.locator('[data-action="lang-kk"]').click();
  await expect(page.locator('[data-page="sign-in"] h1')).toHaveText('Кіру');
  await expect(page).toHaveTitle('Қызметкерлер консолі');
  await page.goto('/');
  await expect(page.locator('[data-page="sign-in"]')).toHaveCount(0);
});
