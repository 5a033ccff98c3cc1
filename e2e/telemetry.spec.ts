// The pilot's telemetry end to end: a citizen who takes their receipt and one who gives up at the
// IIN, at one kiosk, both reach the back office as anonymous journeys and show in the weekly
// report's funnel for that terminal, as an analyst reads it.
import type { APIRequestContext, Page } from '@playwright/test';
import type { WeeklyReport } from '../src/protocol/weekly-report';
import { isoWeekOf } from '../src/domain/iso-week';
import type { CameraVideo } from './support/camera';
import { citizen } from './support/citizens';
import { signInToConsole } from './support/console';
import { chooseService, journeyToReceipt, openKiosk, takeReceipt } from './support/journey';
import { expectStep, pressAction, typeDigits } from './support/kiosk';
import { expect, test } from './support/test';

test.describe.configure({ timeout: 240_000 });

/** The kiosk's own terminal id, as it enrolled itself in the sandbox (IndexedDB `kiosk`, table `terminal`). */
async function terminalIdOf(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('terminal').objectStore('terminal').get('this');
          get.onsuccess = () => resolve((get.result as { terminalId: string }).terminalId);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** The week the back office is in now (the e2e run's fixed clock, E2E_CLOCK), from its Date header. */
async function backOfficeWeek(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/v1/health');
  return isoWeekOf(new Date(Date.parse(response.headers()['date']!))).week;
}

test('a cancelled journey and a finished one reach the back office and show in the weekly funnel', async ({ baseURL, request, browser: consoleBrowser }) => {
  const c = citizen('kiosk-telemetry');
  const { browser, page } = await openKiosk(`${c.faceId}-live` as CameraVideo, baseURL!);
  try {
    // The first citizen goes all the way and takes the receipt (first: the fake camera's turns are
    // timed from the browser's start, as in every journey spec).
    await journeyToReceipt(page, request, 'ru', c);
    await takeReceipt(page);

    // The next types part of an IIN and gives up.
    await chooseService(page, 'ru', c);
    await typeDigits(page, c.person.iin.slice(0, 6));
    await pressAction(page, 'cancel');
    await pressAction(page, 'cancel-yes');
    await expectStep(page, 'language');
    const terminalId = await terminalIdOf(page);

    const consolePage = await consoleBrowser.newPage({ baseURL });
    await signInToConsole(consolePage, 'analyst');
    const week = await backOfficeWeek(request);
    const report = async (): Promise<WeeklyReport | number> => {
      const response = await consolePage.request.get(`/api/v1/staff/reports/weekly?week=${week}&scope=terminal:${terminalId}&format=json`);
      return response.status() === 200 ? ((await response.json()) as WeeklyReport) : response.status();
    };
    // The kiosk sends its journeys after each drain of the outbox: at once when one ends.
    await expect.poll(async () => {
      const r = await report();
      return typeof r === 'number' ? r : [r.journeys.started, r.journeys.applications];
    }, { timeout: 60_000 }).toEqual([2, 1]);

    const r = (await report()) as WeeklyReport;
    const at = (step: string) => r.funnel.find((f) => f.step === step)!;
    expect(at('service').reached).toBe(2);
    expect(at('iin').reached).toBe(2);
    expect(at('iin').left).toContainEqual({ outcome: 'cancel', count: 1 });
    expect(at('phone').reached).toBe(1);
    expect(at('done').reached).toBe(1);
    expect(r.journeys.byService).toContainEqual({ service: c.example.service, document: c.example.document, started: 2, applications: 1 });
    expect(r.serviceTime.measured).toBe(1);
    expect(r.journeys.completionRate).toBe(0.5);
  } finally {
    await browser.close();
  }
});
