// The journey on the two dates the code once failed on, on fixed clocks so no verdict changes with
// the real date: 4 January 2027, when no MRP for 2027 is entered (the fee is deferred, not refused),
// and 13 December 2027, when the ready-by date runs into 2028, whose holiday calendar is not known
// (the receipt prints, the application is flagged for review). The back office's clock is
// BACK_OFFICE_CLOCK, so each date gets a back office of its own (the shared one of
// playwright.config.ts lives on E2E_CLOCK), and the kiosk takes its time (e2e/support/kiosk-clock.ts):
// the back office judges the fee and the payment by its own today, and the packet by the
// application's createdAt.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { chromium, request as apiRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { buildSeedCitizens, type SeedCitizen } from '../server/seed/citizens';
import { translate } from '../src/i18n';
import { E2E_ADMIN_TOKEN, smsTo } from './support/backoffice';
import { cameraLaunchOptions } from './support/camera';
import { expectStep, message, pressAction } from './support/kiosk';
import { chooseService, drawSignature, enterIin, passIdentifyAndPhoto, PORTRAIT, takeReceipt, verifyPhone } from './support/journey';
import { REPO_ROOT } from './support/paths';
import { expect, prepareContext, test } from './support/test';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const E2E_PORT = Number(process.env.E2E_PORT ?? 8181);
/** The first start seeds the sandbox's faces: tens of seconds on two shared cores. */
const START_TIMEOUT = 240_000;

interface DatedBackOffice {
  baseURL: string;
  request: APIRequestContext;
  stop(): Promise<void>;
}

/** The e2e back office (scripts/system/e2e-backoffice.sh) on its own port and data, its clock at `clock`. */
async function startBackOffice(port: number, clock: string): Promise<DatedBackOffice> {
  const baseURL = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('bash', ['scripts/system/e2e-backoffice.sh'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(REPO_ROOT, '.cache', 'e2e', `data-${port}`),
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      SANDBOX: '1',
      BACK_OFFICE_CLOCK: clock,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const request = await apiRequest.newContext({ baseURL });
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`the back office on ${port} stopped: ${stderr}`);
        return (await request.get('/api/v1/health').catch(() => null))?.status() ?? 0;
      },
      { timeout: START_TIMEOUT, intervals: [1_000] },
    )
    .toBe(200);
  return {
    baseURL,
    request,
    async stop() {
      await request.dispose();
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The kiosk with the citizen's face in the camera. */
async function openKiosk(baseURL: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch(cameraLaunchOptions('f06-live'));
  const context = await browser.newContext({ baseURL, viewport: PORTRAIT });
  await prepareContext(context, baseURL);
  const page = await context.newPage();
  await page.goto('/?profile=test');
  await expectStep(page, 'language');
  return { browser, page };
}

/** The journey to the payment step, where the application is dated and its fee and due date reckoned. */
async function journeyToPayment(page: Page, request: APIRequestContext, c: SeedCitizen): Promise<void> {
  await chooseService(page, 'ru', c);
  await enterIin(page, c.person.iin);
  await verifyPhone(page, request, c);
  await passIdentifyAndPhoto(page);
  await drawSignature(page);
  await pressAction(page, 'confirm');
  await expectStep(page, 'payment');
}

const numberOn = (receipt: string) => /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(receipt)?.[0] ?? null;

async function review(request: APIRequestContext, number: string) {
  const response = await request.get(`/api/v1/admin/applications/${number}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
  return response.status() === 200 ? ((await response.json()) as { status: string; readyBy: string; reviewReasons: string[]; checks: Array<{ check: string; code: string | null }> }) : null;
}

function citizenOn(day: string, tag: string): SeedCitizen {
  // The back office seeds its citizens on its own today: the spec builds them for the same day.
  const found = buildSeedCitizens(day).find((c) => c.tag === tag);
  if (!found) throw new Error(`no seeded citizen ${tag}`);
  return found;
}

test.describe('4 January 2027: no MRP for the year yet', () => {
  const CLOCK = '2027-01-04T09:00:00+05:00';
  let backOffice: DatedBackOffice;
  test.beforeAll(async () => {
    test.setTimeout(START_TIMEOUT + 10_000);
    backOffice = await startBackOffice(E2E_PORT + 100, CLOCK);
  });
  test.afterAll(async () => backOffice?.stop());

  test('09 in Russian: the fee is deferred, the receipt says it comes by SMS, the back office holds the application pending the fee', async () => {
    const c = citizenOn('2027-01-04', 'service-09');
    const { browser, page } = await openKiosk(backOffice.baseURL);
    try {
      await journeyToPayment(page, backOffice.request, c);
      await expect(message(page, 'fee_deferred')).toHaveText(translate('ru', 'payment.feeBySms'));
      await expect(page.locator('[data-qr="payment"]')).toHaveCount(0);
      await expect(page.locator('[data-amount]')).toHaveCount(0);
      await pressAction(page, 'next');
      const receipt = await takeReceipt(page);
      expect(receipt).toContain('ПРЕДВАРИТЕЛЬНАЯ РАСПИСКА');
      expect(receipt).toMatch(/Госпошлина\s+придёт по SMS/);
      // The paper wraps the note at its width: read as one line.
      expect(receipt.replace(/\s+/g, ' ')).toContain('Сумму госпошлины за это заявление пришлют по SMS');
      expect(receipt).toContain('04.01.2027');
      const number = numberOn(receipt);
      expect(number, 'the receipt shows the application number').toBeTruthy();

      await expect.poll(async () => (await review(backOffice.request, number!))?.checks.find((check) => check.check === 'payment')?.code ?? null).toBe('fee_unknown');
      expect(await review(backOffice.request, number!)).toMatchObject({ status: 'pending_checks', reviewReasons: [] });
      // The SMS is a job of its own, queued with the outcome and sent a moment later.
      await expect
        .poll(async () => (await smsTo(backOffice.request, c.phoneToType)).map((sms) => sms.text))
        .toContainEqual(expect.stringContaining(`Заявление ${number} получено. Размер госпошлины на этот год ещё не утверждён`));
    } finally {
      await browser.close();
    }
  });
});

test.describe('13 December 2027: the ready-by date runs into 2028', () => {
  const CLOCK = '2027-12-13T09:00:00+05:00';
  let backOffice: DatedBackOffice;
  test.beforeAll(async () => {
    test.setTimeout(START_TIMEOUT + 10_000);
    backOffice = await startBackOffice(E2E_PORT + 101, CLOCK);
  });
  test.afterAll(async () => backOffice?.stop());

  test('18 in Russian online: sealed once, the receipt printed with 6 January 2028, the application accepted and flagged for review', async () => {
    const c = citizenOn('2027-12-13', 'service-18');
    const { browser, page } = await openKiosk(backOffice.baseURL);
    try {
      await journeyToPayment(page, backOffice.request, c);
      await expect(message(page, 'exempt')).toBeVisible();
      await pressAction(page, 'next');
      await expect(message(page, 'save_failed')).toHaveCount(0);
      const receipt = await takeReceipt(page);
      expect(receipt).toContain('РАСПИСКА');
      expect(receipt).not.toContain('ПРЕДВАРИТЕЛЬНАЯ');
      expect(receipt).toMatch(/Готов к\s+06\.01\.2028/);
      const number = numberOn(receipt);
      expect(number, 'the receipt shows the application number').toBeTruthy();

      await expect.poll(async () => (await review(backOffice.request, number!))?.status ?? null).toBe('accepted');
      expect(await review(backOffice.request, number!)).toMatchObject({ readyBy: '2028-01-06', reviewReasons: ['ready_by_without_holidays_2028'] });
    } finally {
      await browser.close();
    }
  });
});
