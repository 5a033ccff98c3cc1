// Signing in to the staff console (console/, at /console/) as the specs and the screenshot script do:
// in Russian, with a sandbox account (named after its role, password `sandbox-password`) or another.
import { expect, type Page } from '@playwright/test';

export const SANDBOX_STAFF_PASSWORD = 'sandbox-password';

/** Signs in at `path` (the console's home by default) and waits for the signed-in bar. */
export async function signInToConsole(page: Page, username: string, { password = SANDBOX_STAFF_PASSWORD, path = '/console/' } = {}): Promise<void> {
  await page.goto(path);
  await page.locator('[data-action="lang-ru"]').click();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('[data-action="sign-in"]').click();
  await expect(page.locator('[data-field="signed-in"]')).toContainText(username);
}
