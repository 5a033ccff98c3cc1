// The weekly pilot report in the staff console (console/pages/Report.svelte) against the back
// office's GET /api/v1/staff/reports/weekly: the analyst lands on it, the week before the back
// office's day (E2E_CLOCK, a Monday: 2026-W24) for the country, empty in the sandbox (it has no
// telemetry) and said so, with the CSV and PDF downloadable; the charts and headline figures drawn
// from a full week's report (the route answered with src/reports/report-fixture.ts, since this
// spec's back office has no journeys to count); a supervisor kept to their branch.
import { reportFixture } from '../src/reports/report-fixture';
import { signInToConsole } from './support/console';
import { expect, test } from './support/test';

test.use({ viewport: { width: 1280, height: 800 } });

test('an analyst lands on the last week of the whole country, empty in the sandbox, and downloads it as CSV and PDF', async ({ page }) => {
  await signInToConsole(page, 'analyst');
  await expect(page.locator('[data-page="report"]')).toBeVisible();
  await expect(page.locator('[data-action="nav-report"]')).toHaveText('Недельный отчёт');
  await expect(page.locator('[data-field="report-heading"]')).toContainText('Казахстан, неделя 2026-W24');
  // No journeys: said in words, no empty chart.
  await expect(page.locator('[data-field="empty-week"]')).toHaveText('На этой неделе в этом разрезе сеансов не было.');
  await expect(page.locator('[data-chart]')).toHaveCount(0);
  // The week after is not over yet on the back office's day.
  await expect(page.locator('[data-action="week-after"]')).toBeDisabled();
  await expect(page).toHaveURL(/\/console\/report\?week=2026-W24&scope=country$/);

  const csv = await page.request.get((await page.locator('[data-action="download-csv"]').getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const pdfHref = (await page.locator('[data-action="download-pdf"]').getAttribute('href'))!;
  expect(pdfHref).toContain('lang=ru');
  const pdf = await page.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The week before, by its button: the address follows, so the page can be sent on.
  await page.locator('[data-action="week-before"]').click();
  await expect(page.locator('[data-field="report-heading"]')).toContainText('2026-W23');
  await expect(page).toHaveURL(/\/console\/report\?week=2026-W23&scope=country$/);
});

test("a full week's charts and headline figures, against the design ones and the week before", async ({ page }) => {
  await page.route('**/api/v1/staff/reports/weekly?**', async (route) => {
    const query = new URL(route.request().url()).searchParams;
    const week = query.get('week')!;
    // The week before had fewer applications, each a little slower.
    await route.fulfill({ json: reportFixture({ week, scope: query.get('scope')!, scale: week === '2026-W24' ? 1 : 0.9 }) });
  });
  await signInToConsole(page, 'analyst');
  for (const chart of ['funnel', 'service-time', 'throughput']) {
    await expect(page.locator(`[data-chart="${chart}"] svg`)).toBeVisible();
    await expect(page.locator(`[data-chart="${chart}"]`)).toHaveAttribute('aria-label', /^Диаграмма: .+\. Те же цифры — в таблицах ниже\.$/);
  }
  const figure = (id: string) => page.locator(`[data-figure="${id}"]`);
  await expect(figure('serviceMedian').locator('[data-field="value"]')).toHaveText('3,5 мин');
  await expect(figure('serviceMedian')).toContainText('по проекту: 5 мин');
  await expect(figure('serviceMedian')).toContainText('соответствует проектному значению');
  await expect(figure('serviceMedian').locator('[data-field="change"]')).toHaveText(/^[-−]0,\d мин к прошлой неделе \(лучше\)$/);
  await expect(figure('perDay').locator('[data-field="value"]')).toHaveText('52,5');
  await expect(figure('perDay')).toContainText('по проекту: 108');
  await expect(figure('perDay')).toContainText('ниже проектного значения');
  await expect(figure('perMonth')).toContainText('по проекту: 2\u00a0376');
  await expect(figure('completion').locator('[data-field="value"]')).toHaveText(/^89,2\s?%$/);
  await expect(page.locator('[data-table="problems"] tbody tr')).toHaveCount(reportFixture().problems.length);

  // In Kazakh, the PDF link asks for the Kazakh PDF.
  await page.locator('[data-action="lang-kk"]').click();
  await expect(page.locator('[data-action="download-pdf"]')).toHaveAttribute('href', /lang=kk/);
  // Debian's Chromium has no Kazakh locale data: never its root locale's "2026 M06 8–14" or "18,900".
  await expect(page.locator('[data-field="report-heading"]')).not.toContainText('M06');
  await expect(figure('applications').locator('[data-field="value"]')).toHaveText('18\u00a0900');
});

test("a supervisor's report is their branch's: no whole country to choose", async ({ page }) => {
  await signInToConsole(page, 'supervisor');
  await page.locator('[data-action="nav-report"]').click();
  await expect(page.locator('[data-field="report-heading"]')).toContainText('неделя 2026-W24');
  await expect(page.locator('select[name="scope-kind"] option')).toHaveText(['Регион', 'Филиал', 'ЦОН', 'Терминал']);
  await expect(page.locator('select[name="scope"] option')).toHaveCount(1);
  await expect(page).toHaveURL(/scope=branch%3A[A-Z]+$/);
});
