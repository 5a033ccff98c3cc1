// The staff console (console/, served at /console/) in a real browser under the back office's
// policies: signing in with the sandbox's accounts, a wrong password said in the staff member's
// language, the session kept across a reload by its cookie, signing out; an operator finding an
// application of their centre, its checks and its colour challenge; a supervisor's terminals.
import { PASSED_LIVENESS } from '../src/sync/packet-fixture';
import { applicationThroughApi } from './support/api-application';
import { reviewApplication } from './support/backoffice';
import { citizen } from './support/citizens';
import { expect, test } from './support/test';
import { signInToConsole } from './support/console';

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

test('five wrong passwords lock the username for a quarter of an hour, said with the wait, even with the right one', async ({ page }) => {
  // A username of its own: the lock holds for 15 minutes, and the sandbox's accounts serve other specs.
  const username = `e2e-lock-${Date.now().toString(36)}`;
  await page.goto('/console/');
  await page.locator('[data-action="lang-ru"]').click();
  const attempt = async (password: string) => {
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('[data-action="sign-in"]').click();
  };
  for (let n = 1; n <= 4; n++) {
    await attempt(`wrong-password-${n}`);
    await expect(page.locator('[data-error="invalid_credentials"]')).toBeVisible();
    await expect(page.locator('input[name="password"]')).toHaveValue('');
  }
  // The fifth failure locks, and the lock holds whatever the password.
  const locked = /^Слишком много неудачных попыток\. Попробуйте снова через 1[45] мин\.$/;
  await attempt('wrong-password-5');
  await expect(page.locator('[data-error="sign_in_locked"]')).toHaveText(locked);
  await attempt('sandbox-password');
  await expect(page.locator('[data-error="sign_in_locked"]')).toHaveText(locked);
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

test("an operator finds an application of their centre in the list, opens it, and sees its checks and history", async ({ page, request }) => {
  const number = await applicationThroughApi(request, citizen('service-14'), 'ru');
  await expect.poll(async () => (await reviewApplication(request, number))?.checks.length ?? 0).toBeGreaterThan(0);
  const { status } = (await reviewApplication(request, number))!;

  await signInToConsole(page, 'operator');
  await expect(page.locator('[data-page="applications"] h1')).toHaveText('Заявления');
  // A terminal of the sandbox is a test terminal: its applications are shown when asked for.
  await page.locator('input[name="test"]').check();
  await page.locator('[data-action="filter"]').click();
  const row = page.locator(`tr[data-application="${number}"]`);
  await expect(row).toContainText('AST-ESIL');
  await row.getByRole('link', { name: number }).click();

  await expect(page).toHaveURL(new RegExp(`/console/applications/${number}$`));
  await expect(page.locator('[data-page="application"] h1')).toHaveText(`Заявление ${number}`);
  await expect(page.locator('[data-field="status"]')).toHaveAttribute('data-status', status);
  await expect(page.locator('[data-field="checks"] tr[data-check]')).not.toHaveCount(0);
  await expect(page.locator('[data-field="history"] li').first()).toContainText('проверяется');
  // The colour challenge the face passed, as the kiosk sent it: each colour the screen showed, in
  // order, beside the colour the face took, and no measure past its limit.
  const colour = PASSED_LIVENESS.colour!;
  await expect(page.locator('[data-field="colour"]')).toContainText(`пройдена; цвета выбрал терминал (без связи); пороги ${colour.thresholdsVersion}`);
  const shown = page.locator('[data-field="colour-steps"] tr[data-shown]');
  await expect(shown).toHaveCount(colour.sequence.length);
  expect(await shown.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-shown')))).toEqual(colour.sequence);
  await expect(page.locator('[data-field="colour-measures"] tr[data-failing="false"]')).not.toHaveCount(0);
  await expect(page.locator('[data-field="colour-measures"] tr[data-failing="true"]')).toHaveCount(0);

  // A number that is not on any receipt is said, not a blank page.
  await page.goto('/console/applications/ZZZZ-ZZZZ-ZZZZ');
  await expect(page.locator('[data-error="not_found"]')).toHaveText('Не найдено или не относится к вашим ЦОНам.');
});

test("a supervisor sees their branch's terminals, an operator has no such section", async ({ page, request }) => {
  // A terminal of the sandbox's centre, enrolled by a technician's code, that has never sent a heartbeat.
  await applicationThroughApi(request, citizen('service-14'), 'ru');
  await signInToConsole(page, 'supervisor');
  await page.locator('[data-action="nav-terminals"]').click();
  await expect(page.locator('[data-page="terminals"] h1')).toHaveText('Терминалы');
  const silent = page.locator('[data-page="terminals"] tr[data-terminal^="E2E-TRK-"]').first();
  await expect(silent).toHaveAttribute('data-silent', 'true');
  await expect(silent).toContainText('никогда');
  await page.locator('[data-action="sign-out"]').click();

  await signInToConsole(page, 'operator');
  await expect(page.locator('[data-action="nav-terminals"]')).toHaveCount(0);
});
