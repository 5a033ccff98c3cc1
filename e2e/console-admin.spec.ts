// The admin's pages of the staff console in a real browser: the sandbox's admin makes an operator
// account with a password generated and shown once, the new operator signs in with it, the admin
// finds both in the audit log and the sign-in in the accounts list; then edits a centre's address,
// which is kept across a reload as a new version beside the old one.
import { expect, test } from './support/test';
import { signInToConsole } from './support/console';

test.use({ viewport: { width: 1280, height: 800 } });

test('the admin makes an operator account, the operator signs in with the password shown once, and the admin sees both in the audit log', async ({ page }) => {
  // A name of this run's own, so a retry against the same back office makes a new account.
  const username = `e2e.op.${Date.now().toString(36)}`;
  await signInToConsole(page, 'admin');
  await page.locator('[data-action="nav-accounts"]').click();
  await expect(page).toHaveURL(/\/console\/accounts$/);
  await expect(page.locator('[data-page="accounts"] h1')).toHaveText('Учётные записи сотрудников');
  await expect(page.locator('tr[data-account="operator"]')).toContainText('AST-ESIL');

  const form = page.locator('[data-form="new-account"]');
  await form.locator('input[name="username"]').fill(username);
  await form.locator('select[name="role"]').selectOption('operator');
  // An operator without a centre is said before anything is sent.
  await form.locator('[data-action="create-account"]').click();
  await expect(form.locator('[data-error="centre_required"]')).toHaveText('Оператору нужен ЦОН: выберите его.');
  await form.locator('select[name="branch"]').selectOption('AST');
  await form.locator('select[name="centre"]').selectOption('AST-ESIL');
  await form.locator('[data-action="create-account"]').click();
  await expect(page.locator('[data-field="notice"]')).toHaveText(`Учётная запись ${username} создана.`);
  const password = (await page.locator('[data-field="password"]').textContent())?.trim() ?? '';
  expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
  const row = page.locator(`tr[data-account="${username}"]`);
  await expect(row.locator('[data-field="last-sign-in"]')).toHaveText('не входил');

  // The same name again is refused in words, whatever its case.
  await form.locator('input[name="username"]').fill(username.toUpperCase());
  await form.locator('[data-action="create-account"]').click();
  await expect(form.locator('[data-error="username_taken"]')).toHaveText('Это имя пользователя уже занято (в любом регистре).');
  await page.locator('[data-action="sign-out"]').click();

  // The new operator signs in with the password shown once and works in their centre; no admin pages.
  await signInToConsole(page, username, { password: password });
  await expect(page.locator('[data-page="applications"]')).toBeVisible();
  await expect(page.locator('[data-action="nav-accounts"]')).toHaveCount(0);
  await page.goto('/console/audit');
  await expect(page.locator('[data-page="audit"]')).toHaveCount(0);
  await page.locator('[data-action="sign-out"]').click();

  await signInToConsole(page, 'admin');
  await page.locator('[data-action="nav-audit"]').click();
  await expect(page.locator('[data-page="audit"] h1')).toHaveText('Журнал аудита');
  const created = page.locator('tr[data-audit="account_created"]').filter({ hasText: username }).first();
  await expect(created.locator('[data-field="who"]')).toHaveText('admin');
  await expect(created.locator('[data-field="what"]')).toHaveText(`создал учётную запись: ${username}`);

  await page.locator('input[name="username"]').fill(username);
  await page.locator('[data-action="filter"]').click();
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await expect(page.locator('tbody tr').nth(0)).toHaveAttribute('data-audit', 'sign_out');
  await expect(page.locator('tr[data-audit="sign_in"] [data-field="who"]')).toHaveText(username);

  await page.locator('[data-action="nav-accounts"]').click();
  await expect(page.locator(`tr[data-account="${username}"] [data-field="last-sign-in"]`)).not.toHaveText('не входил');
});

test("the admin edits a centre's address and hours, which are kept across a reload as a new version", async ({ page }) => {
  const address = `г. Астана, район Сарыарка, ул. Сейфуллина, ${Date.now() % 1000}`;
  await signInToConsole(page, 'admin');
  await page.locator('[data-action="nav-centres"]').click();
  await expect(page.locator('[data-page="centres"] h1')).toHaveText('ЦОНы и филиалы');
  const centre = page.locator('[data-centre="AST-SARYARKA"]');
  await expect(centre.locator('[data-field="address"]')).toHaveText('г. Астана, район Сарыарка');
  await centre.locator('[data-action="edit-centre"]').click();

  // Hours that cannot be are said in the staff member's language, and nothing is saved.
  await centre.locator('input[name="hours-sun"]').fill('18:00-10:00');
  await centre.locator('[data-action="save-centre"]').click();
  await expect(centre.locator('[data-error="invalid_hours"]')).toHaveText('Часы работы пишутся ЧЧ:ММ-ЧЧ:ММ, открытие раньше закрытия, например 09:00-18:00.');

  await centre.locator('input[name="hours-sun"]').fill('10:00-14:00');
  await centre.locator('input[name="address"]').fill(address);
  await centre.locator('[data-action="save-centre"]').click();
  await expect(page.locator('[data-field="notice"]')).toHaveText('Сохранено: версия 2.');
  await expect(centre.locator('[data-field="address"]')).toHaveText(address);

  await page.reload();
  await expect(centre.locator('[data-field="address"]')).toHaveText(address);
  await expect(centre.locator('[data-field="hours"]')).toContainText('Вс 10:00-14:00');
  await expect(centre).toContainText('версия 2');

  // Both versions are kept: the seed's address and the admin's, newest first.
  await centre.locator('[data-action="centre-history"]').click();
  await expect(centre.locator('[data-field="history"] li')).toHaveCount(2);
  await expect(centre.locator('[data-field="history"] li[data-version="2"]')).toContainText(`admin: ${address}`);
  await expect(centre.locator('[data-field="history"] li[data-version="1"]')).toContainText('исходный список: г. Астана, район Сарыарка');
});
