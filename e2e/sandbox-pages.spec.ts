// The sandbox's tester pages in a real browser, under the back office's Content-Security-Policy:
// styled and refreshing by files they load (no inline style or script), and their forms taken when
// the page itself sends them (Chromium's Sec-Fetch-Site: same-origin), refused from another origin.
import { encodePaymentQr } from '../src/domain/payment-qr';
import { listPayments } from './support/backoffice';
import { expect, test } from './support/test';

test('the payments page is styled under the CSP and pays a QR pasted into its form', async ({ page, request }) => {
  await page.goto('/sandbox/payments');
  // The red SANDBOX banner: the stylesheet is a file the policy allows.
  await expect(page.locator('.banner')).toHaveCSS('background-color', 'rgb(176, 0, 32)');

  const reference = `KZ-E2E-${Date.now()}`;
  await page.locator('#qr').fill(encodePaymentQr({ amountKzt: 865, reference }));
  await page.getByRole('button', { name: 'Pay this QR' }).click();
  await expect(page).toHaveURL(/\/sandbox\/payments$/);
  await expect(page.locator('tr', { hasText: reference })).toContainText('paid');
  const { payments } = await listPayments(request, 'paid');
  expect(payments.map((p) => p.reference)).toContain(reference);
});

test("another site's page cannot send the sandbox's forms", async ({ page, baseURL, request }) => {
  const reference = `KZ-X-${Date.now()}`;
  // Another origin (the same host by another name): a page there posts the QR form to the back office.
  const other = new URL(baseURL!);
  other.hostname = 'localhost';
  await page.route(`${other.origin}/forged`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form method="post" action="${baseURL}/sandbox/qr/pay"><input name="qrPayload" value="${encodePaymentQr({ amountKzt: 865, reference })}"><button>go</button></form>`,
    }),
  );
  await page.goto(`${other.origin}/forged`);
  const [answer] = await Promise.all([page.waitForResponse(`${baseURL}/sandbox/qr/pay`), page.getByRole('button', { name: 'go' }).click()]);
  expect(answer.status()).toBe(403);
  expect(await answer.json()).toMatchObject({ code: 'cross_site_request' });
  const { payments } = await listPayments(request);
  expect(payments.map((p) => p.reference)).not.toContain(reference);
});
