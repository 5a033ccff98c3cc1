// Technician mode as a technician reaches it: the hidden gesture on the start screen (five taps
// top-left, one bottom-right; src/admin/gesture.ts), then the PIN — the sandbox's unless told.
import { expect, type Page } from '@playwright/test';
import { pressAction, step, typeDigits } from './kiosk';

/** Five taps in the top-left corner, then `last` (the bottom-right corner for the real gesture). */
export async function tapCorners(page: Page, last: { x: number; y: number } | null = null): Promise<void> {
  const { width, height } = page.viewportSize()!;
  for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
  const { x, y } = last ?? { x: width - 20, y: height - 20 };
  await page.mouse.click(x, y);
}

/** The gesture and the PIN: the overview. */
export async function openOverview(page: Page, pin = '000000'): Promise<void> {
  await tapCorners(page);
  await expect(step(page, 'technician')).toHaveAttribute('data-stage', 'pin');
  await typeDigits(page, pin);
  await pressAction(page, 'tech-pin-enter');
  await expect(step(page, 'technician')).toHaveAttribute('data-stage', 'overview');
}
