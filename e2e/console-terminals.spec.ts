// A supervisor runs the branch's terminals from the staff console: enrols one in a centre of the
// branch and reads its one-time code as text and as a QR, a kiosk is enrolled with that code through
// technician mode, the supervisor names it, and revokes it after a confirmation; the fleet says it is
// revoked. Another branch's centre is never offered.
import type { Page } from '@playwright/test';
import { action, message, pressAction } from './support/kiosk';
import { openOverview } from './support/technician';
import { expect, test } from './support/test';
import { signInToConsole } from './support/console';

test.use({ viewport: { width: 1280, height: 800 } });

async function signInAsSupervisor(page: Page): Promise<void> {
  await signInToConsole(page, 'supervisor', { path: '/console/terminals' });
  await expect(page.locator('[data-page="terminals"] h1')).toHaveText('Терминалы');
}

/** Technician mode on a kiosk the sandbox enrolled (its PIN is the sandbox's): enrol again with `code`. */
async function enrolKioskWith(kiosk: Page, code: string): Promise<void> {
  await kiosk.goto('/?profile=test');
  await expect(action(kiosk, 'lang-ru')).toBeEnabled();
  await openOverview(kiosk);
  await pressAction(kiosk, 'tech-enrol-open');
  for (const char of code.replace('-', '')) await kiosk.locator(`[data-action="tech-char"][data-char="${char}"]`).click();
  await expect(kiosk.locator('[data-field="enrol-code"]')).toHaveText(code);
  await pressAction(kiosk, 'tech-enrol');
  await expect(message(kiosk, 'enrolled')).toBeVisible();
}

test('a supervisor enrols a terminal with its one-time code, a kiosk takes the code, then the supervisor names it and revokes it', async ({ page, context }) => {
  await signInAsSupervisor(page);
  const section = page.locator('[data-page="terminals"]');

  await section.locator('[data-action="enrol-open"]').click();
  // The centres of the supervisor's branch (Astana), never another branch's.
  const centres = section.locator('[data-form="enrol-terminal"] select[name="centre"] option');
  await expect(centres).toHaveText(['ЦОН Есильского района г. Астаны (AST-ESIL)', 'ЦОН района Сарыарка г. Астаны (AST-SARYARKA)']);

  // A typed id the back office could not take is said before anything is sent.
  await section.locator('input[name="terminal-id"]').fill('зал 1');
  await section.locator('[data-action="enrol"]').click();
  await expect(section.locator('[data-error="terminal-id"]')).toContainText('заглавные латинские буквы');

  await section.locator('[data-action="generate-id"]').click();
  const terminalId = await section.locator('input[name="terminal-id"]').inputValue();
  expect(terminalId).toMatch(/^AST-ESIL-[A-Z2-9]{5}$/);
  await section.locator('input[name="terminal-name"]').fill('  Зал 1, у входа ');
  await section.locator('[data-action="enrol"]').click();

  // The code, large and as a QR holding the same code, with when it stops working.
  const code = (await section.locator('[data-field="enrolment-code"]').textContent())!;
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(section.locator('[data-field="issued-code"] h2')).toHaveText(`Код регистрации для ${terminalId}`);
  await expect(section.locator('svg[data-qr="enrolment-code"]')).toHaveAttribute('data-payload', code);
  await expect(section.locator('svg[data-qr="enrolment-code"] path')).toHaveAttribute('d', /^M/);
  await expect(section.locator('[data-field="code-expires"]')).toContainText(/до \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  const row = section.locator(`tr[data-terminal="${terminalId}"]`);
  await expect(row.locator('[data-field="name"]')).toHaveText('Зал 1, у входа');
  await expect(row.locator('[data-field="state"]')).toHaveText('ждёт регистрации');

  // A kiosk of the sandbox is enrolled again with that code, as a technician does it.
  const kiosk = await context.newPage();
  await enrolKioskWith(kiosk, code);
  await expect(kiosk.locator('[data-field="terminal-id"]')).toHaveText(terminalId);
  await expect(kiosk.locator('[data-field="centre-id"]')).toHaveText('AST-ESIL');
  await kiosk.close();

  await section.locator('[data-action="close-code"]').click();
  await expect(section.locator('[data-field="issued-code"]')).toHaveCount(0);
  await page.reload();
  await expect(row.locator('[data-field="state"]')).not.toHaveText('ждёт регистрации');

  // Renamed and moved to the branch's other centre in place.
  await row.locator('[data-action="edit-terminal"]').click();
  await row.locator('input[name="terminal-name"]').fill('Зал 2, у окна');
  await row.locator('select[name="centre"]').selectOption('AST-SARYARKA');
  await row.locator('[data-action="save-terminal"]').click();
  await expect(row.locator('[data-field="name"]')).toHaveText('Зал 2, у окна');
  await expect(row.locator('[data-field="centre"]')).toHaveText('AST-SARYARKA');

  // Revoking asks once, saying what it does; cancelling changes nothing.
  await row.locator('[data-action="revoke-terminal"]').click();
  const confirm = section.locator('[data-confirm="revoke"]');
  await expect(confirm).toContainText(`Отключить терминал ${terminalId} (Зал 2, у окна)?`);
  await expect(confirm).toContainText('Отменить это нельзя');
  await confirm.locator('[data-action="cancel-revoke"]').click();
  await expect(row).toHaveAttribute('data-revoked', 'false');
  await row.locator('[data-action="revoke-terminal"]').click();
  await section.locator('[data-action="confirm-revoke"]').click();
  await expect(row).toHaveAttribute('data-revoked', 'true');
  await expect(row.locator('[data-field="state"]')).toHaveText('отключён');
  await expect(row.locator('[data-action="revoke-terminal"]')).toHaveCount(0);

  // The id is spent: enrolling it again is refused in the supervisor's language.
  await section.locator('[data-action="enrol-open"]').click();
  await section.locator('input[name="terminal-id"]').fill(terminalId);
  await section.locator('[data-action="enrol"]').click();
  await expect(section.locator('[data-error="terminal_exists"]')).toContainText('Этот идентификатор уже занят');
});
