// The problems register in the staff console: a supervisor records a problem at a terminal of the
// branch, sees it in this week's list as open and marks it resolved; a police officer of the same
// branch reads it there, and the console offers them no citizen's applications.
import { expect, prepareContext, test } from './support/test';
import { signInToConsole } from './support/console';

test.use({ viewport: { width: 1280, height: 800 } });

test('a supervisor records a problem and resolves it; the branch\'s police officer reads it', async ({ page, browser, baseURL }) => {
  await signInToConsole(page, 'supervisor', { path: '/console/problems' });
  const section = page.locator('[data-page="problems"]');
  await expect(section.locator('h1')).toHaveText('Реестр проблем');

  await section.locator('[data-action="record-problem"]').click();
  const form = section.locator('[data-form="problem"]');
  // The supervisor's branch's centres (Astana), never another branch's.
  await expect(form.locator('select[name="centre"] option')).toHaveText(['ЦОН Есильского района г. Астаны', 'ЦОН района Сарыарка г. Астаны']);
  await form.locator('select[name="category"]').selectOption('network');
  // Nothing said: the form says so before anything is sent.
  await form.locator('[data-action="submit-problem"]').click();
  await expect(form.locator('textarea[name="description"]')).toHaveJSProperty('validity.valueMissing', true);

  const description = `Нет связи с бэк-офисом с 10:00 (${Date.now()})`;
  await form.locator('textarea[name="description"]').fill(description);
  await form.locator('textarea[name="action-taken"]').fill('Перезагрузили роутер');
  await form.locator('[data-action="submit-problem"]').click();
  await expect(section.locator('[data-field="recorded"]')).toHaveText('Проблема записана.');

  const row = section.locator('tr[data-problem]', { hasText: description });
  await expect(row).toHaveAttribute('data-status', 'open');
  await expect(row).toContainText('связь');
  await expect(row).toContainText('филиал');
  await expect(row).toContainText('Перезагрузили роутер');
  await row.locator('[data-action="resolve"]').click();
  await expect(row).toHaveAttribute('data-status', 'resolved');
  await expect(row.locator('[data-field="status"]')).toContainText('решена');

  const police = await browser.newContext({ baseURL });
  await prepareContext(police, baseURL!);
  const officer = await police.newPage();
  await signInToConsole(officer, 'police', { path: '/console/problems' });
  await expect(officer.locator('[data-field="signed-in"]')).toContainText('сотрудник полиции');
  await expect(officer.locator('[data-page="problems"] tr[data-problem]', { hasText: description })).toHaveAttribute('data-status', 'resolved');
  await expect(officer.locator('[data-action="nav-applications"]')).toHaveCount(0);
  await police.close();
});
