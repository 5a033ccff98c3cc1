// Driving the kiosk by the attributes it exposes for tests and analytics. These selectors are the
// contract between the kiosk and the specs:
//   [data-step="<step id>"]    the current step's root (ids as in src/flow)
//   [data-key="<digit>"]       a key of the on-screen keypad
//   [data-action="<name>"]     a button that does something (next, back, resend, …)
//   [data-message="<code>"]    a message shown for an error or status code
import { expect, type Locator, type Page } from '@playwright/test';

export function step(page: Page, id: string): Locator {
  return page.locator(`[data-step="${id}"]`);
}

export async function expectStep(page: Page, id: string): Promise<void> {
  await expect(step(page, id)).toBeVisible();
}

export function action(page: Page, name: string): Locator {
  return page.locator(`[data-action="${name}"]`);
}

export async function pressAction(page: Page, name: string): Promise<void> {
  await action(page, name).click();
}

export function message(page: Page, code: string): Locator {
  return page.locator(`[data-message="${code}"]`);
}

/** Types on the on-screen keypad, as a citizen does: one press per digit. */
export async function typeDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) {
    if (!/^[0-9]$/.test(digit)) throw new Error(`typeDigits: "${digit}" is not a digit`);
    await page.locator(`[data-key="${digit}"]`).click();
  }
}
