// The whole journey as a citizen walks it, in Kazakh and in Russian, for four reasons (one of them
// free of the fee), with the camera showing the citizen's own face turning as asked. Along the way,
// the bad inputs a citizen makes at the steps only a journey reaches, and the message each gets.
import type { APIRequestContext } from '@playwright/test';
import type { SeedCitizen } from '../server/seed/citizens';
import { declinePayment, expirePayment, latestSmsCode } from './support/backoffice';
import type { CameraVideo } from './support/camera';
import { citizen, phoneDigits } from './support/citizens';
import { expect, test } from './support/test';
import { expectStep, message, pressAction, typeDigits } from './support/kiosk';
import {
  chooseService,
  drawSignature,
  enterIin,
  journeyToPayment,
  openKiosk,
  passIdentifyAndPhoto,
  pay,
  shownPaymentId,
  sign,
  takeReceipt,
} from './support/journey';

test.describe.configure({ timeout: 180_000 });

function faceVideo(c: SeedCitizen): CameraVideo {
  return `${c.faceId}-live` as CameraVideo;
}

async function expectHeldByBackOffice(request: APIRequestContext, receiptText: string) {
  const number = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(receiptText)?.[0];
  expect(number, 'the receipt shows the application number').toBeTruthy();
  // The receipt prints once the application is sealed in the kiosk's outbox; the drain sends it
  // straight after, and the back office runs its checks when it arrives.
  await expect
    .poll(async () => {
      const response = await request.get(`/api/v1/applications/${number}`);
      return response.status() === 200 ? await response.json() : response.status();
    })
    // The e2e kiosk runs the test device profile: its applications are kept apart as test.
    .toMatchObject({ number, status: 'accepted', test: true });
}

test('18, ID card on expiry, in Kazakh: no fee, no QR, a receipt, and the back office holds it', async ({ baseURL, request }) => {
  const c = citizen('service-18');
  const { browser, page } = await openKiosk(faceVideo(c), baseURL!);
  try {
    await journeyToPayment(page, request, 'kk', c);
    await expect(message(page, 'exempt')).toHaveText(/баж төлеудің қажеті жоқ/);
    // No fee is said in words, never as an amount of 0.
    await expect(page.locator('[data-amount]')).toHaveCount(0);
    await expect(page.locator('[data-qr="payment"]')).toHaveCount(0);
    await pressAction(page, 'next');
    const receipt = await takeReceipt(page);
    expect(receipt).toContain('ҚОЛХАТ');
    expect(receipt).toContain('Жеке куәлік');
    expect(receipt).toContain(c.person.givenName);
    expect(receipt).not.toContain(c.person.surname);
    await expectHeldByBackOffice(request, receipt);
  } finally {
    await browser.close();
  }
});

test('09, lost ID card, in Russian: a wrong SMS code, a refused signature, a declined and an expired payment, then paid', async ({ baseURL, request }) => {
  const c = citizen('service-09');
  const { browser, page } = await openKiosk(faceVideo(c), baseURL!);
  try {
    await chooseService(page, 'ru', c);
    await enterIin(page, c.person.iin);

    await expectStep(page, 'phone');
    await typeDigits(page, phoneDigits(c));
    await pressAction(page, 'next');
    const code = await latestSmsCode(request, c.phoneToType);
    const wrong = code === '000000' ? '111111' : '000000';
    await typeDigits(page, wrong);
    await expect(message(page, 'wrong_code')).toHaveText('Неверный код. Осталось попыток: 2.');
    await typeDigits(page, code);
    await expectStep(page, 'identify');

    await passIdentifyAndPhoto(page);

    await pressAction(page, 'confirm');
    await expect(message(page, 'signature.empty')).toHaveText('Пожалуйста, распишитесь внутри рамки.');
    await drawSignature(page, 0.05);
    await pressAction(page, 'confirm');
    await expect(message(page, 'signature.too_small')).toBeVisible();
    await pressAction(page, 'clear');
    await sign(page);

    await expect(page.locator('[data-amount]')).toHaveAttribute('data-amount', '86500');
    await expect(page.locator('.amount')).toHaveText('К оплате: 865 ₸');
    await declinePayment(request, await shownPaymentId(page, request));
    await expect(message(page, 'payment.declined')).toHaveText('Банк отклонил платёж. Можно попробовать снова.');
    await pressAction(page, 'new-qr');
    await expirePayment(request, await shownPaymentId(page, request));
    await expect(message(page, 'payment.expired')).toBeVisible();
    await pressAction(page, 'new-qr');
    await pay(page, request);

    const receipt = await takeReceipt(page);
    expect(receipt).toContain('РАСПИСКА');
    expect(receipt).toContain('Потерял(а) удостоверение личности');
    expect(receipt).toContain('865');
    await expectHeldByBackOffice(request, receipt);
  } finally {
    await browser.close();
  }
});

test('13, lost passport, in Kazakh: the passport fee of 8 MRP paid by QR', async ({ baseURL, request }) => {
  const c = citizen('service-13');
  const { browser, page } = await openKiosk(faceVideo(c), baseURL!);
  try {
    await journeyToPayment(page, request, 'kk', c);
    await expect(page.locator('[data-amount]')).toHaveAttribute('data-amount', '3460000');
    await pay(page, request);
    const receipt = await takeReceipt(page);
    expect(receipt).toContain('Төлқұжат');
    await expectHeldByBackOffice(request, receipt);
  } finally {
    await browser.close();
  }
});

test('04, surname change after marriage, in Russian', async ({ baseURL, request }) => {
  const c = citizen('service-04');
  const { browser, page } = await openKiosk(faceVideo(c), baseURL!);
  try {
    await journeyToPayment(page, request, 'ru', c);
    await pay(page, request);
    const receipt = await takeReceipt(page);
    expect(receipt).toContain('Сменил(а) фамилию');
    await expectHeldByBackOffice(request, receipt);
  } finally {
    await browser.close();
  }
});
