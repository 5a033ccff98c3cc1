// The citizen's tracking page as a phone opens it from the receipt's QR: an application made
// through the API (a terminal enrolled with the admin's code, a packet sealed and sent as a kiosk
// does), its page in Kazakh and then, one tap away, in Russian, under the back office's CSP (the
// shared fixture fails the test on any violation). No camera: the application is sealed here.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { applicationNumber } from '../src/domain/application';
import { feeFor } from '../src/domain/fees';
import type { Lang } from '../src/protocol/common';
import type { Enrolled } from '../src/protocol/packets';
import { makeApplicationPayload } from '../src/sync/packet-fixture';
import { exportPublicJwk, importBackOfficePublicKey, makeTerminalKeys, sealPacket } from '../src/sync/seal';
import type { SeedCitizen } from '../server/seed/citizens';
import { E2E_ADMIN_TOKEN, reviewApplication } from './support/backoffice';
import { citizen } from './support/citizens';
import { expect, test } from './support/test';

/** The status as the page says it, by language (server/tracking/tracking-texts.ts). */
const STATUS_WORDS: Record<'kk' | 'ru', Record<string, string>> = {
  kk: { pending_checks: 'Тексерілуде', accepted: 'Қабылданды', rejected: 'Қабылданбады' },
  ru: { pending_checks: 'Проверяется', accepted: 'Принято', rejected: 'Отклонено' },
};

/** A new terminal enrolled as a technician would, and an application of `c` sealed and sent by it, made in `lang`. */
async function applicationThroughApi(request: APIRequestContext, c: SeedCitizen, lang: Lang): Promise<string> {
  const terminalId = `E2E-TRK-${Date.now().toString(36).toUpperCase()}`;
  const created = await request.post('/api/v1/admin/terminals', { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` }, data: { terminalId, centreId: 'AST-ESIL' } });
  expect(created.status(), await created.text()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  const keys = await makeTerminalKeys();
  const enrol = await request.post('/api/v1/terminals/enrol', { data: { code, publicKey: await exportPublicJwk(keys.publicKey) } });
  expect(enrol.status(), await enrol.text()).toBe(201);
  const enrolled = (await enrol.json()) as Enrolled;

  // Made now by the back office's clock (the e2e run's fixed day), as a kiosk set to it would.
  const now = new Date(Date.parse((await request.get('/api/v1/health')).headers().date ?? ''));
  const id = randomUUID();
  const { service, document } = c.example;
  const payload = makeApplicationPayload({
    id,
    number: applicationNumber(id),
    iin: c.person.iin,
    service,
    document,
    lang,
    phone: c.phoneToType,
    centreId: enrolled.centreId,
    terminalId,
    test: true,
    createdAt: now.toISOString(),
    feeTiyn: feeFor({ service, document, on: now.toISOString().slice(0, 10), lostIdCardsThisYear: c.person.lostIdCardsThisYear }).amountTiyn,
  });
  const packet = await sealPacket(payload, {
    terminalId,
    seq: 1,
    sealedAt: now.toISOString(),
    backOfficeKey: await importBackOfficePublicKey(enrolled.backOfficeKey),
    signingKey: keys.privateKey,
  });
  const sent = await request.post('/api/v1/packets', { data: packet });
  expect(sent.status(), await sent.text()).toBe(201);
  return payload.application.number;
}

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
