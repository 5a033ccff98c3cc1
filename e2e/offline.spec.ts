// Offline-first, as a citizen and the back office see it: the whole journey with the network gone
// (a provisional receipt naming what is still to be checked), the application reaching the back
// office once the network is back, exactly once, through reloads and a closed page at every step;
// and packets the back office must refuse — altered on the way, replayed, from a revoked terminal —
// kept quarantined on the kiosk, never lost.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, prepareContext } from './support/test';
import type { SeedCitizen } from '../server/seed/citizens';
import { en } from '../src/i18n/en';
import { kk } from '../src/i18n/kk';
import { ru } from '../src/i18n/ru';
import { lastSeqOf, payQr, reviewApplication, revokeTerminal } from './support/backoffice';
import { citizen, phoneDigits } from './support/citizens';
import { expectStep, message, pressAction, typeDigits } from './support/kiosk';
import { chooseService, enterIin, journeyToReceipt, openKiosk, passIdentifyAndPhoto, pay, sign, takeReceipt, verifyPhone } from './support/journey';
import { readOutbox, rewindSeq, terminalId } from './support/outbox';

test.describe.configure({ timeout: 240_000 });

const NUMBER = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

function numberOn(receipt: string): string {
  const number = NUMBER.exec(receipt)?.[0];
  if (!number) throw new Error(`no application number on the receipt:\n${receipt}`);
  return number;
}

/** The kiosk has enrolled with the sandbox back office: the start screen takes a citizen. */
async function enrolled(page: Page): Promise<string> {
  await expect(page.locator('[data-action="lang-ru"]')).toBeEnabled();
  return terminalId(page);
}

/** The citizen's journey online, up to the receipt on paper. */
async function journeyOnline(page: Page, request: APIRequestContext, c: SeedCitizen): Promise<string> {
  await journeyToReceipt(page, request, 'ru', c);
  return takeReceipt(page);
}

async function expectAcceptedOnce(request: APIRequestContext, number: string, terminal: string): Promise<void> {
  await expect.poll(async () => (await reviewApplication(request, number))?.status, { timeout: 30_000 }).toBe('accepted');
  expect(await lastSeqOf(request, terminal), 'one packet from this kiosk').toBe(1);
}

test('the whole journey offline from a cold start: a provisional receipt, then the application arrives once with its checks made', async ({ baseURL, request }) => {
  const c = citizen('kiosk-offline');
  const { browser, page } = await openKiosk('f06-live', baseURL!);
  try {
    const terminal = await enrolled(page);
    // The kiosk was installed online once (the service worker has everything); now the link is gone and it starts again.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.context().setOffline(true);
    await page.reload();
    await expectStep(page, 'language');
    await expect(page.locator('[data-connection="offline"]')).toBeVisible();

    await chooseService(page, 'ru', c);
    await enterIin(page, c.person.iin);
    await expectStep(page, 'phone');
    await typeDigits(page, phoneDigits(c));
    await pressAction(page, 'next');
    // No SMS code can be sent: the citizen is told the number will be checked, and goes on.
    await expect(message(page, 'phone_deferred')).toHaveText('Сейчас нельзя отправить SMS-код. Номер сохранён: его проверят позже, и вам придёт SMS.');
    await pressAction(page, 'next');
    await expectStep(page, 'identify');
    await passIdentifyAndPhoto(page);
    await sign(page);

    // The kiosk makes the QR itself, with the fee of the day; the citizen pays on their own phone.
    await expect(page.locator('[data-amount]')).toHaveAttribute('data-amount', '86500');
    await expect(message(page, 'payment_deferred')).toBeVisible();
    const qr = await page.locator('[data-qr="payment"]').getAttribute('data-payload');
    expect(qr).toBeTruthy();
    await payQr(request, qr!);
    await pressAction(page, 'next');

    const receipt = await takeReceipt(page);
    expect(receipt).toContain('ПРЕДВАРИТЕЛЬНАЯ РАСПИСКА');
    for (const pending of ['ваши данные в реестре населения', 'номер телефона', 'сходство лица с фото в реестре', 'оплата госпошлины']) {
      expect(receipt).toContain(pending);
    }
    expect(receipt).toContain(`********${c.person.iin.slice(8)}`);
    expect(receipt).toContain(terminal);
    const number = numberOn(receipt);
    expect(await readOutbox(page)).toMatchObject([{ state: 'pending', seq: 1 }]);
    expect(await reviewApplication(request, number), 'nothing reaches the back office while the link is down').toBeNull();

    await page.context().setOffline(false);
    await expectAcceptedOnce(request, number, terminal);
    const review = await reviewApplication(request, number);
    expect(review?.checks).toEqual([
      expect.objectContaining({ check: 'registry', outcome: 'passed' }),
      expect.objectContaining({ check: 'phone', outcome: 'passed' }),
      expect.objectContaining({ check: 'face_match', outcome: 'passed' }),
      expect.objectContaining({ check: 'payment', outcome: 'passed' }),
    ]);
    await expect.poll(() => readOutbox(page)).toEqual([]);
    await expect(page.locator('[data-connection="offline"]')).toHaveCount(0);
  } finally {
    await browser.close();
  }
});

test('a reload at every step loses nothing and makes nothing twice; a page closed on its receipt still sends it', async ({ baseURL, request }) => {
  const c = citizen('kiosk-reload');
  const { browser, page } = await openKiosk('f06-live', baseURL!);
  try {
    const terminal = await enrolled(page);
    const reloadAt = async (reach: () => Promise<void>) => {
      await reach();
      await page.reload();
      await expectStep(page, 'language');
    };
    await reloadAt(async () => {
      await pressAction(page, 'lang-ru');
      await expectStep(page, 'service');
    });
    await reloadAt(() => chooseService(page, 'ru', c));
    await reloadAt(async () => {
      await chooseService(page, 'ru', c);
      await enterIin(page, c.person.iin);
      await expectStep(page, 'phone');
    });
    await reloadAt(async () => {
      await chooseService(page, 'ru', c);
      await enterIin(page, c.person.iin);
      await verifyPhone(page, request, c);
    });
    const untilPhoto = async () => {
      await chooseService(page, 'ru', c);
      await enterIin(page, c.person.iin);
      await verifyPhone(page, request, c);
      await passIdentifyAndPhoto(page);
    };
    await reloadAt(untilPhoto);
    await reloadAt(async () => {
      await untilPhoto();
      await sign(page);
      await expect(page.locator('[data-qr="payment"]')).toBeVisible();
    });
    // Nothing was sealed: no packet, nothing at the back office.
    expect(await readOutbox(page)).toEqual([]);
    expect(await lastSeqOf(request, terminal)).toBe(0);

    // Sealed, but the back office's answer never comes: the page is closed on the receipt.
    await page.context().route('**/api/v1/packets', (route) => route.abort('connectionreset'));
    await untilPhoto();
    await sign(page);
    await pay(page, request);
    await expect(page.locator('[data-device="printer"]')).toBeVisible();
    const number = numberOn(await page.locator('[data-device="printer"]').innerText());
    expect(await readOutbox(page)).toMatchObject([{ state: 'pending' }]);
    await page.close();

    // The kiosk starts again with the link back: the packet leaves, once.
    await page.context().unroute('**/api/v1/packets');
    const again = await page.context().newPage();
    await again.goto('/?profile=test');
    await expectStep(again, 'language');
    await expectAcceptedOnce(request, number, terminal);
    await expect.poll(() => readOutbox(again)).toEqual([]);
    await again.reload();
    await expectStep(again, 'language');
    expect(await lastSeqOf(request, terminal)).toBe(1);
  } finally {
    await browser.close();
  }
});

test('a packet altered on the way is refused and stays quarantined on the kiosk', async ({ baseURL, request }) => {
  const c = citizen('kiosk-altered');
  const { browser, page } = await openKiosk('f06-live', baseURL!);
  try {
    await enrolled(page);
    // Someone on the link changes one character of the ciphertext.
    await page.context().route('**/api/v1/packets', async (route) => {
      const packet = route.request().postDataJSON() as { ciphertext: string };
      const flipped = packet.ciphertext.startsWith('A') ? 'B' : 'A';
      await route.continue({ postData: JSON.stringify({ ...packet, ciphertext: flipped + packet.ciphertext.slice(1) }) });
    });
    const number = numberOn(await journeyOnline(page, request, c));
    await expect.poll(() => readOutbox(page)).toMatchObject([{ state: 'quarantined', quarantine: { code: 'bad_signature', status: 400 } }]);
    expect(await reviewApplication(request, number)).toBeNull();
  } finally {
    await browser.close();
  }
});

test('a revoked terminal asks about no citizen: its first lookup is refused, the citizen is sent to the staff in their language, and no one else starts', async ({ baseURL, request }) => {
  const c = citizen('kiosk-revoked');
  const { browser, page } = await openKiosk('f06-live', baseURL!);
  try {
    await revokeTerminal(request, await enrolled(page));
    await chooseService(page, 'ru', c);
    await enterIin(page, c.person.iin);
    // Its requests are the terminal's (signed): a revoked one learns nothing of the citizen.
    await expect(message(page, 'revoked_terminal')).toHaveText(ru['error.terminal']);
    await expectStep(page, 'iin');
    await pressAction(page, 'cancel');
    await pressAction(page, 'cancel-yes');
    // The next citizen finds it out of order, and so does the kiosk after a reload.
    for (const when of ['after the citizen', 'after a reload']) {
      if (when === 'after a reload') await page.reload();
      await expect(message(page, 'out_of_order'), when).toHaveAttribute('data-reason', 'terminal_refused');
      await expect(page.locator('[data-action^="lang-"]'), when).toHaveCount(0);
    }
  } finally {
    await browser.close();
  }
});

test('a replayed seq (a kiosk restored from an old image) is refused and the packet stays quarantined', async ({ baseURL, request }) => {
  const first = citizen('kiosk-replay-first');
  const second = citizen('kiosk-replay-second');
  const { browser, page } = await openKiosk('f06-live', baseURL!);
  try {
    const terminal = await enrolled(page);
    await expectAcceptedOnce(request, numberOn(await journeyOnline(page, request, first)), terminal);
    await rewindSeq(page);
    const number = numberOn(await journeyOnline(page, request, second));
    await expect.poll(() => readOutbox(page)).toMatchObject([{ seq: 1, state: 'quarantined', quarantine: { code: 'replay', status: 409 } }]);
    expect(await reviewApplication(request, number)).toBeNull();
  } finally {
    await browser.close();
  }
});

test('a kiosk whose storage is nearly full takes no new citizen, and says so in three languages', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  await prepareContext(context, baseURL!);
  try {
    // 10 MB left of 1 GB: less than the reserve an application in progress may need.
    await context.addInitScript(() => {
      Object.defineProperty(navigator.storage, 'estimate', { value: () => Promise.resolve({ usage: 990_000_000, quota: 1_000_000_000 }) });
    });
    const page = await context.newPage();
    await page.goto('/?profile=test');
    const outOfOrder = message(page, 'out_of_order');
    await expect(outOfOrder).toHaveAttribute('data-reason', 'storage_full');
    for (const text of [kk['outOfOrder.storage_full'], ru['outOfOrder.storage_full'], en['outOfOrder.storage_full']]) {
      await expect(outOfOrder).toContainText(text);
    }
    await expect(page.locator('[data-action^="lang-"]')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
