// The console's reference data in a real browser: an admin sees the version in force, is told in
// Russian what was typed wrong and what the back office refused, and saves a signed version. The
// version saved is dated far ahead (2030) and only adds a year (2031): the other specs, which share
// this back office's database, count their fees and dates with the figures they always had.
import { expect, test } from './support/test';
import { signInToConsole } from './support/console';

test.use({ viewport: { width: 1280, height: 800 } });

test('an admin adds a year of MRP as a new signed version, after being told what was wrong', async ({ page }) => {
  await signInToConsole(page, 'admin');
  await page.locator('[data-action="nav-reference-data"]').click();
  await expect(page).toHaveURL(/\/console\/reference-data$/);
  await expect(page.locator('[data-page="reference-data"] h1')).toHaveText('Справочные данные');
  await expect(page.locator('tr[data-in-force="true"]')).toHaveCount(1);
  const before = await page.locator('tr[data-version]').count();

  const form = page.locator('[data-form="reference-data"]');
  await form.locator('[data-action="add-mrp-year"]').click();
  const rows = form.locator('[data-mrp-row]');
  const added = rows.last();
  await added.locator('input[name^="mrp-year"]').fill('2031');
  await added.locator('input[name^="mrp-kzt"]').fill('пять тысяч');
  await form.locator('[data-action="save-reference-data"]').click();
  // Said before anything is sent.
  await expect(form.locator('[data-error="reference-data"] li')).toHaveText(['МРП — целое число тенге больше нуля (2031)']);

  // A day gone by: the back office refuses it, in the admin's language.
  await added.locator('input[name^="mrp-kzt"]').fill('5100');
  await form.locator('input[name="effectiveFrom"]').fill('2024-02-01');
  await form.locator('[data-action="save-reference-data"]').click();
  await expect(form.locator('[data-error="reference-data"] li')).toHaveText(['Версия не может вступить в силу раньше сегодняшнего дня (2024-02-01)']);

  await form.locator('input[name="effectiveFrom"]').fill('2030-01-01');
  await form.locator('input[name="note"]').fill('e2e: a year no other spec reaches');
  await form.locator('[data-action="save-reference-data"]').click();
  await expect(form.locator('[data-saved]')).toContainText('сохранена и подписана, действует с 2030-01-01');
  await expect(page.locator('tr[data-version]')).toHaveCount(before + 1);
  const saved = page.locator('tr[data-version]').first();
  await expect(saved).toContainText('2030-01-01');
  await expect(saved).toContainText('с 2030-01-01');
  await expect(saved).toHaveAttribute('data-in-force', 'false');
});

test('an operator has no reference data in the menu, nor at its address', async ({ page }) => {
  await signInToConsole(page, 'operator');
  await expect(page.locator('[data-action="nav-reference-data"]')).toHaveCount(0);
  await page.goto('/console/reference-data');
  await expect(page.locator('[data-page="reference-data"]')).toHaveCount(0);
});
