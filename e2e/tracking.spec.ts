// The citizen's tracking page as a phone opens it from the receipt's QR: an application made
// through the API (a terminal enrolled with the admin's code, a packet sealed and sent as a kiosk
// does), its page in Kazakh and then, one tap away, in Russian, under the back office's CSP (the
// shared fixture fails the test on any violation). No camera: the application is sealed here.
import { applicationThroughApi } from './support/api-application';
import { reviewApplication } from './support/backoffice';
import { citizen } from './support/citizens';
import { expect, test } from './support/test';

/** The status as the page says it, by language (server/tracking/tracking-texts.ts). */
const STATUS_WORDS: Record<'kk' | 'ru', Record<string, string>> = {
  kk: { pending_checks: 'Тексерілуде', accepted: 'Қабылданды', rejected: 'Қабылданбады' },
  ru: { pending_checks: 'Проверяется', accepted: 'Принято', rejected: 'Отклонено' },
};

test('the tracking page of an application made through the API, in Kazakh and then in Russian', async ({ page, request }) => {
  const c = citizen('service-14');
  const number = await applicationThroughApi(request, c, 'kk');
  // The deferred checks are a job: wait until they have said something (the page shows either state).
  await expect.poll(async () => (await reviewApplication(request, number))?.checks.length ?? 0).toBeGreaterThan(0);
  const { status } = (await reviewApplication(request, number))!;

  // What the receipt's QR holds, in the receipt's language.
  await page.goto(`/track/${number}?lang=kk`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`№ ${number} өтініш`);
  await expect(page.locator('.name')).toHaveText(new RegExp(`^${c.person.givenName} ${c.person.surname[0]}\\*+`));
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', status);
  await expect(page.locator('[data-status] strong')).toHaveText(STATUS_WORDS.kk[status] ?? '');
  await expect(page.getByText('СЫНАҚ өтініші')).toBeVisible();
  // Read on a phone: large type, from the page's own stylesheet (no inline style under the CSP).
  expect(Number.parseFloat(await page.locator('html').evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(20);
  await expect(page.locator('body')).not.toContainText(c.person.iin);
  await expect(page.locator('body')).not.toContainText(c.person.surname);

  // One tap away: the same page in Russian.
  await page.getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(new RegExp(`/track/${number}\\?lang=ru$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Заявление № ${number}`);
  await expect(page.locator('[data-status] strong')).toHaveText(STATUS_WORDS.ru[status] ?? '');
  await expect(page.getByRole('link', { name: 'Қазақша' })).toBeVisible();
});

test('a number the back office does not know is a page that says so, not JSON', async ({ page }) => {
  const response = await page.goto('/track/AAAA-BBBB-CCCC?lang=ru');
  expect(response?.status()).toBe(404);
  expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Заявление не найдено');
});
