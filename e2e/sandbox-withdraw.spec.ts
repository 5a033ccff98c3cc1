// A tester runs the same test citizen twice: the second journey is refused as "application in
// progress" until the tester withdraws the citizen's test applications on /sandbox/citizens
// (server/routes/sandbox-pages.ts, server/applications/withdraw-test-applications.ts).
import { applicationThroughApi, faceAtDistance } from './support/api-application';
import { citizen } from './support/citizens';
import { chooseService, enterIin } from './support/journey';
import { expectStep, message, pressAction } from './support/kiosk';
import { expect, test } from './support/test';

test("a test citizen refused as 'application in progress' starts again once a tester withdraws her test application", async ({ page, context, request }) => {
  const c = citizen('crowd-17');
  // Her first application, as a test kiosk sends it: her own face, paid, so the checks accept it.
  const number = await applicationThroughApi(request, c, 'ru', { paid: true, descriptor: await faceAtDistance(request, c, 0.1) });

  await page.goto('/?profile=test');
  await chooseService(page, 'ru', c);
  await enterIin(page, c.person.iin);
  await expect(message(page, 'application_in_progress')).toBeVisible();
  await pressAction(page, 'finish');
  await expectStep(page, 'language');

  const tester = await context.newPage();
  await tester.goto('/sandbox/citizens');
  await expect(tester.locator('.banner')).toContainText('SANDBOX');
  await tester.getByLabel('IIN').fill(c.person.iin);
  await tester.getByRole('button', { name: 'Withdraw this citizen’s test applications' }).click();
  await expect(tester.locator('[data-outcome="withdrawn"]')).toHaveText(`Withdrew 1 test application of ${c.person.iin}: this citizen can start a new journey.`);
  await expect(tester.locator('ul.done')).toContainText(`${number} (was `);
  // Asked again, it says there is nothing left, rather than nothing at all.
  await tester.getByRole('button', { name: 'Withdraw this citizen’s test applications' }).click();
  await expect(tester.locator('[data-outcome="none"]')).toHaveText(`No open test application of ${c.person.iin}: nothing to withdraw.`);

  await chooseService(page, 'ru', c);
  await enterIin(page, c.person.iin);
  await expectStep(page, 'phone');

  // The withdrawn application is kept, and its tracking page says what became of it.
  const tracking = await request.get(`/track/${number}?lang=ru`);
  expect(await tracking.text()).toContain('Отозвано');
});
