// `npm run screens:console`: each of the staff console's pages in docs/screens/ (console-*.png), in Russian
// at 1280×800, on a back office of its own with a few applications made through its API (one
// waiting for review, with a face in the band around the threshold) on the e2e run's fixed day.
// Runs against the built console (the npm script builds it first); the data folder is removed at the end.
// The weekly report's pages on a second back office of their own, seeded first with four weeks of a
// synthetic pilot (server/seed/pilot/) up to the day before the fixed day.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { applicationThroughApi, faceAtDistance } from '../../e2e/support/api-application';
import { E2E_ADMIN_TOKEN } from '../../e2e/support/backoffice';
import { chromiumLaunchOptions } from '../../e2e/support/chromium';
import { citizen } from '../../e2e/support/citizens';
import { E2E_CLOCK } from '../../e2e/support/kiosk-clock';
import { REPO_ROOT } from '../../e2e/support/paths';
import { makeDataDir, startBackOffice } from './backoffice';
import { addDays } from '../../src/domain/dates';
import { openDatabase } from '../../server/db/open-database';
import { PILOT_SEED, seedPilot } from '../../server/seed/pilot/write-pilot';
import { signInToConsole } from '../../e2e/support/console';
import { setKioskClock } from '../../e2e/support/kiosk-clock';

const OUT_DIR = join(REPO_ROOT, 'docs', 'screens');
const VIEWPORT = { width: 1280, height: 800 };

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: join(OUT_DIR, `console-${name}.png`), animations: 'disabled', caret: 'hide', fullPage: true });
  console.log(`screens: console-${name}.png`);
}

async function signOut(page: Page): Promise<void> {
  await page.locator('[data-action="sign-out"]').click();
  await expect(page.locator('[data-page="sign-in"]')).toBeVisible();
}

/** Applications of the sandbox's centre: two ordinary ones and one whose face waits for a person. */
async function makeApplications(api: APIRequestContext): Promise<{ inReview: string }> {
  await applicationThroughApi(api, citizen('crowd-02'), 'ru', { paid: true, descriptor: await faceAtDistance(api, citizen('crowd-02'), 0.1) });
  await applicationThroughApi(api, citizen('crowd-04'), 'kk', { paid: true, descriptor: await faceAtDistance(api, citizen('crowd-04'), 0.2) });
  const inReview = await applicationThroughApi(api, citizen('crowd-06'), 'ru', { paid: true, descriptor: await faceAtDistance(api, citizen('crowd-06'), 0.44) });
  return { inReview };
}

async function operatorPages(page: Page, inReview: string): Promise<void> {
  await page.goto('/console/');
  await page.locator('[data-action="lang-ru"]').click();
  await page.locator('input[name="username"]').fill('operator');
  await page.locator('input[name="password"]').fill('not-the-password');
  await page.locator('[data-action="sign-in"]').click();
  await expect(page.locator('[data-error="invalid_credentials"]')).toBeVisible();
  await shot(page, '01-sign-in-error');

  await signInToConsole(page, 'operator');
  await page.locator('input[name="test"]').check();
  await page.locator('[data-action="filter"]').click();
  await expect(page.locator('tr[data-application]')).toHaveCount(3);
  await shot(page, '02-applications');

  const lookup = page.locator('[data-field="lookup"]');
  await lookup.locator('input[name="iin"]').fill(citizen('crowd-06').person.iin);
  await lookup.locator('input[name="reason"]').fill('гражданин у окна 3 без расписки');
  await page.locator('[data-action="lookup"]').click();
  await expect(page.locator('[data-field="lookup-result"] tr[data-application]')).toHaveCount(1);
  await shot(page, '03-lookup-by-iin');

  await page.locator('[data-action="nav-review"]').click();
  await expect.poll(() => page.locator(`tr[data-application="${inReview}"]`).count(), { timeout: 30_000 }).toBe(1);
  await shot(page, '04-review-queue');

  await page.locator(`tr[data-application="${inReview}"] a`).click();
  await page.locator('[data-action="show-images"]').click();
  await page.locator('[data-action="decide-accept"]').check();
  await page.locator('select[name="reason"]').selectOption('face_confirmed');
  await page.locator('textarea[name="note"]').fill('сверено с фото в регистре');
  await shot(page, '05-application-review');
  await page.locator('[data-action="decide"]').click();
  await expect(page.locator('[data-field="decided"]')).toBeVisible();
  await shot(page, '06-application-decided');
  await signOut(page);
}

async function supervisorPages(page: Page): Promise<void> {
  await signInToConsole(page, 'supervisor');
  await page.locator('[data-action="nav-terminals"]').click();
  const section = page.locator('[data-page="terminals"]');
  await expect(section.locator('tr[data-terminal]').first()).toBeVisible();
  await shot(page, '07-terminals');
  await section.locator('[data-action="enrol-open"]').click();
  await section.locator('[data-action="generate-id"]').click();
  await section.locator('input[name="terminal-name"]').fill('Зал 1, у входа');
  await section.locator('[data-action="enrol"]').click();
  await expect(section.locator('svg[data-qr="enrolment-code"]')).toBeVisible();
  await shot(page, '08-terminal-enrolment-code');
  await signOut(page);
}

async function adminPages(page: Page): Promise<void> {
  await signInToConsole(page, 'admin');
  await page.locator('[data-action="nav-accounts"]').click();
  await expect(page.locator('[data-page="accounts"]')).toBeVisible();
  await expect(page.locator('[data-page="accounts"] tbody tr').first()).toBeVisible();
  await shot(page, '09-accounts');
  await page.locator('[data-action="nav-audit"]').click();
  await expect(page.locator('tr[data-audit]').first()).toBeVisible();
  await shot(page, '10-audit-log');
  await page.locator('[data-action="nav-centres"]').click();
  await expect(page.locator('[data-action="edit-centre"]').first()).toBeVisible();
  await shot(page, '11-centres');
  await page.locator('[data-action="nav-reference-data"]').click();
  await expect(page.locator('tr[data-in-force="true"]')).toHaveCount(1);
  await shot(page, '12-reference-data');
  await signOut(page);
}

/** A problem recorded by the branch's supervisor, then the analyst's weekly report for the country (the week before the fixed day). */
async function reportPages(page: Page): Promise<void> {
  await signInToConsole(page, 'supervisor');
  await page.locator('[data-action="nav-problems"]').click();
  const section = page.locator('[data-page="problems"]');
  await section.locator('[data-action="record-problem"]').click();
  const form = section.locator('[data-form="problem"]');
  await form.locator('select[name="category"]').selectOption('device');
  // The Friday before the fixed day: in the week the analyst's report shows.
  await form.locator('input[name="happened-at"]').fill('2026-06-12T10:30');
  await form.locator('textarea[name="description"]').fill('В терминале у входа закончилась бумага для чеков, двое граждан ушли без расписки');
  await form.locator('textarea[name="action-taken"]').fill('Заправили рулон, попросили ЦОН проверять бумагу утром');
  await form.locator('[data-action="submit-problem"]').click();
  await expect(section.locator('[data-field="recorded"]')).toBeVisible();
  await shot(page, '13-problems');
  await signOut(page);

  await signInToConsole(page, 'analyst');
  // The week before the fixed day, by its address (as a report is bookmarked or sent on).
  await page.goto('/console/report?week=2026-W24&scope=country');
  await expect(page.locator('[data-page="report"]')).toBeVisible();
  for (const chart of ['funnel', 'service-time', 'throughput']) await expect(page.locator(`[data-chart="${chart}"] svg, [data-chart="${chart}"] canvas`).first()).toBeVisible();
  await shot(page, '14-weekly-report');
  await page.locator('[data-action="lang-kk"]').click();
  await expect(page.locator('[data-action="download-pdf"]')).toHaveAttribute('href', /lang=kk/);
  await shot(page, '15-weekly-report-kk');
  await signOut(page);
}

/** A back office on a data folder seeded with `days` of a pilot ending the day before the fixed day. */
async function seededBackOffice(days: number) {
  const dataDir = makeDataDir('report-screens-data');
  const db = await openDatabase({ dataDir });
  try {
    await seedPilot(db, { terminals: 20, days, until: addDays(E2E_CLOCK.slice(0, 10), -1), seed: PILOT_SEED });
  } finally {
    await db.close();
  }
  const backOffice = await startBackOffice(dataDir, join(REPO_ROOT, '.cache', 'report-screens-backoffice.log'), { ADMIN_TOKEN: E2E_ADMIN_TOKEN, BACK_OFFICE_CLOCK: E2E_CLOCK });
  return { dataDir, backOffice };
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const dataDir = makeDataDir('console-screens-data');
  const backOffice = await startBackOffice(dataDir, join(REPO_ROOT, '.cache', 'console-screens-backoffice.log'), {
    ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    BACK_OFFICE_CLOCK: E2E_CLOCK,
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  console.log(`screens: back office on ${backOffice.baseURL}, data in ${dataDir}`);
  const api = await request.newContext({ baseURL: backOffice.baseURL });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const { inReview } = await makeApplications(api);
    const page = await browser.newPage({ baseURL: backOffice.baseURL, viewport: VIEWPORT });
    await operatorPages(page, inReview);
    await supervisorPages(page);
    await adminPages(page);
  } finally {
    await browser.close();
    await api.dispose();
    await backOffice.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const { dataDir: reportDir, backOffice: reportOffice } = await seededBackOffice(28);
  const reportBrowser = await chromium.launch(chromiumLaunchOptions());
  try {
    // On the back office's clock (its fixed day), as the e2e pages are: a problem is recorded as of now there.
    const context = await reportBrowser.newContext({ baseURL: reportOffice.baseURL, viewport: VIEWPORT });
    await setKioskClock(context, reportOffice.baseURL);
    await reportPages(await context.newPage());
  } finally {
    await reportBrowser.close();
    await reportOffice.stop();
    rmSync(reportDir, { recursive: true, force: true });
  }
  console.log(`screens: done, in ${OUT_DIR}`);
}

await main();
