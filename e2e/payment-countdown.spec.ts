// The payment step as a citizen meets it: the QR says how long it can still be paid and counts
// down; a declined or expired payment gives way to a new QR (not the refused one again) that can be
// paid; once paid, Cancel is gone and the receipt says the fee was paid. An exempt citizen reads
// that no fee is due, in words, and no amount; the receipt says so too.
import { declinePayment, expirePayment, payPending } from './support/backoffice';
import type { CameraVideo } from './support/camera';
import { citizen } from './support/citizens';
import { expect, test } from './support/test';
import { action, expectStep, message, pressAction } from './support/kiosk';
import { journeyToPayment, openKiosk, shownPaymentId, takeReceipt } from './support/journey';

test.describe.configure({ timeout: 180_000 });

test('the QR counts down; declined, then expired, a new QR each time, paid at last; then no Cancel', async ({ baseURL, request }) => {
  const c = citizen('kiosk-payment-countdown');
  const { browser, page } = await openKiosk(`${c.faceId}-live` as CameraVideo, baseURL!);
  try {
    await journeyToPayment(page, request, 'ru', c);
    const qr = page.locator('[data-qr="payment"]');
    const expiry = page.locator('[data-field="qr-expiry"]');
    const secondsLeft = async () => Number(await expiry.getAttribute('data-seconds-left'));

    // Fifteen minutes from the gateway, counting down as the citizen looks.
    await expect(expiry).toHaveText(/^QR-код действует ещё 1[45]:[0-5]\d\.$/);
    const atFirst = await secondsLeft();
    expect(atFirst).toBeGreaterThan(14 * 60);
    expect(atFirst).toBeLessThanOrEqual(15 * 60);
    await expect.poll(secondsLeft).toBeLessThan(atFirst);
    await expect(action(page, 'cancel')).toBeVisible();

    const first = await qr.getAttribute('data-payload');
    await declinePayment(request, await shownPaymentId(page, request));
    await expect(message(page, 'payment.declined')).toBeVisible();
    await expect(qr).toHaveCount(0);
    await pressAction(page, 'new-qr');
    await expect(qr).toBeVisible();
    const second = await qr.getAttribute('data-payload');
    expect(second).not.toBe(first);
    await expect(expiry).toBeVisible();

    await expirePayment(request, await shownPaymentId(page, request));
    await expect(message(page, 'payment.expired')).toBeVisible();
    await pressAction(page, 'new-qr');
    await expect(qr).toBeVisible();
    const third = await qr.getAttribute('data-payload');
    expect([first, second]).not.toContain(third);

    // The new QR is the one the gateway takes; once paid, the way on is the receipt, not Cancel.
    await payPending(request, await shownPaymentId(page, request));
    await expect(message(page, 'paid')).toHaveText('Оплачено. Спасибо.');
    await expect(action(page, 'cancel')).toHaveCount(0);
    await expectStep(page, 'receipt');
    await expect(page.locator('[data-message="printed"]')).toHaveText('Возьмите, пожалуйста, расписку.');
    const receipt = await takeReceipt(page);
    expect(receipt).toMatch(/Госпошлина\s+[\d\s]+₸, оплачено/);
  } finally {
    await browser.close();
  }
});

test('an exempt citizen reads that there is no fee to pay, with no amount and no QR, and the receipt says so', async ({ baseURL, request }) => {
  const c = citizen('kiosk-payment-exempt');
  const { browser, page } = await openKiosk(`${c.faceId}-live` as CameraVideo, baseURL!);
  try {
    await journeyToPayment(page, request, 'kk', c);
    await expect(message(page, 'exempt')).toHaveText('Бұл өтініш үшін баж төлеудің қажеті жоқ.');
    await expect(page.locator('[data-amount]')).toHaveCount(0);
    await expect(page.locator('[data-qr="payment"]')).toHaveCount(0);
    await expect(page.locator('[data-field="qr-expiry"]')).toHaveCount(0);
    await pressAction(page, 'next');
    const receipt = await takeReceipt(page);
    expect(receipt).toMatch(/Мемлекеттік баж\s+алынбайды/);
  } finally {
    await browser.close();
  }
});
