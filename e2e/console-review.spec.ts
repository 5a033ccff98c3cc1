// The manual review in the staff console: an application whose face the rules could not settle
// (sealed offline in the band around the threshold) waits in the operator's queue; the operator
// looks at it, refuses it with a reason, and the citizen's SMS arrives in the sandbox in their
// language; the decision is in the audit log. An operator finds a citizen by IIN only with a
// reason, and never another branch's application.
import { applicationThroughApi, faceAtDistance } from './support/api-application';
import { reviewApplication } from './support/backoffice';
import { citizen } from './support/citizens';
import { expect, test } from './support/test';
import { signInToConsole } from './support/console';

test.use({ viewport: { width: 1280, height: 800 } });

test('an operator refuses a face near the threshold: the citizen is told in Kazakh, the decision is audited', async ({ page, request }) => {
  const applicant = citizen('crowd-05');
  const descriptor = await faceAtDistance(request, applicant, 0.46);
  const number = await applicationThroughApi(request, applicant, 'kk', { descriptor, paid: true });
  await expect.poll(async () => (await reviewApplication(request, number))?.status).toBe('in_review');

  await signInToConsole(page, 'operator');
  await page.locator('[data-action="nav-review"]').click();
  await expect(page.locator('[data-page="review"] h1')).toHaveText('Заявления на проверке сотрудником');
  const row = page.locator(`tr[data-application="${number}"]`);
  await expect(row.locator('[data-field="reviews"]')).toHaveText('сходство лица близко к порогу (0.460)');
  await row.getByRole('link', { name: number }).click();

  await expect(page.locator('[data-field="status"]')).toHaveAttribute('data-status', 'in_review');
  await expect(page.locator('tr[data-check="face_match"]')).toHaveAttribute('data-outcome', 'review');
  // The liveness evidence beside the limits it would fail at: nothing narrow in this one.
  await expect(page.locator('[data-field="liveness-measures"] tr[data-measure="fps"]')).toContainText('20.0');
  await expect(page.locator('[data-field="liveness-measures"] tr[data-flagged="true"]')).toHaveCount(0);
  // The portrait and the signature, on request (each view audited).
  await page.locator('[data-action="show-images"]').click();
  const portrait = page.locator('[data-field="images"] img').first();
  await expect(portrait).toBeVisible();
  await expect.poll(() => portrait.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // A decision without a reason is said before anything is sent.
  await page.locator('[data-action="decide-reject"]').check();
  await page.locator('[data-action="decide"]').click();
  await expect(page.locator('[data-field="decision"] .field-error')).toHaveText('Выберите причину.');
  await page.locator('select[name="reason"]').selectOption('face_not_applicant');
  await page.locator('textarea[name="note"]').fill('на фото другой человек');
  await page.locator('[data-action="decide"]').click();
  await expect(page.locator('[data-field="decided"]')).toHaveText('Решение сохранено; гражданину придёт SMS.');
  await expect(page.locator('[data-field="status"]')).toHaveAttribute('data-status', 'rejected');
  await expect(page.locator('[data-field="decision"]')).toHaveCount(0);

  // The citizen's SMS, in the language of the kiosk, as the sandbox's gateway received it.
  await expect
    .poll(async () => {
      const response = await request.get(`/api/v1/sandbox/sms?phone=${encodeURIComponent(applicant.phoneToType)}`);
      return ((await response.json()) as { messages: { text: string }[] }).messages.map((m) => m.text);
    })
    .toContain(`${number} өтініші қабылданбады: өтінішті сіз бергеніңіз фото арқылы расталмады. ХҚКО-ға жүгініңіз.`);
  await expect(page.locator('[data-field="sms"]')).toContainText('өтінішті сіз бергеніңіз фото арқылы расталмады');

  // The audit log, as an administrator reads it in the console: who decided, what, and the note.
  await page.locator('[data-action="sign-out"]').click();
  await signInToConsole(page, 'admin');
  await page.locator('[data-action="nav-audit"]').click();
  await page.locator('[data-page="audit"] input[name="number"]').fill(number);
  await page.locator('[data-page="audit"] [data-action="filter"]').click();
  const decided = page.locator('tr[data-audit="review_decided"]');
  await expect(decided.locator('[data-field="who"]')).toHaveText('operator');
  await expect(decided).toContainText('на фото другой человек');
  await expect(page.locator('tr[data-audit="portrait_viewed"] [data-field="who"]')).toHaveText('operator');
});

test("an operator finds a citizen by IIN only with a reason, and never another branch's application", async ({ page, request }) => {
  const applicant = citizen('crowd-07');
  const elsewhere = await applicationThroughApi(request, applicant, 'ru', { centreId: 'ALA-ALMALY' });
  const here = await applicationThroughApi(request, citizen('crowd-09'), 'ru');

  await signInToConsole(page, 'operator');
  const lookup = page.locator('[data-field="lookup"]');
  await lookup.locator('input[name="iin"]').fill(`${applicant.person.iin.slice(0, 11)}${(Number(applicant.person.iin.at(-1)) + 1) % 10}`);
  await lookup.locator('input[name="reason"]').fill('звонок');
  await page.locator('[data-action="lookup"]').click();
  await expect(lookup.locator('.field-error')).toHaveText(['Такого ИИН не бывает: проверьте цифры.', 'Укажите причину, не короче 10 символов.']);

  await lookup.locator('input[name="iin"]').fill(applicant.person.iin);
  await lookup.locator('input[name="reason"]').fill('гражданин у окна 3 без расписки');
  await page.locator('[data-action="lookup"]').click();
  // Almaty's application is not the Astana operator's to see.
  await expect(page.locator('[data-field="lookup-empty"]')).toHaveText('В ваших ЦОНах нет заявлений с этим ИИН.');

  await lookup.locator('input[name="iin"]').fill(citizen('crowd-09').person.iin);
  await page.locator('[data-action="lookup"]').click();
  await expect(page.locator(`[data-field="lookup-result"] tr[data-application="${here}"]`)).toBeVisible();

  await page.goto(`/console/applications/${elsewhere}`);
  await expect(page.locator('[data-error="not_found"]')).toHaveText('Не найдено или не относится к вашим ЦОНам.');
});
