// The built kiosk comes up from the back office and stands alone: a kiosk on a public network must
// not load anything (fonts, scripts, models) from another origin.
import { expect, test } from './support/test';
import { terminalHealthOf } from './support/backoffice';
import { expectStep } from './support/kiosk';
import { terminalId } from './support/outbox';

test('the back office reports healthy, in JSON', async ({ request }) => {
  const response = await request.get('/api/v1/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(await response.json()).toBeTruthy();
});

test('the kiosk opens on the language step and requests nothing from another origin', async ({ page, context, baseURL }) => {
  const origins = new Set<string>();
  const note = (url: string): void => {
    if (!url.startsWith('data:')) origins.add(new URL(url).origin);
  };
  context.on('request', (request) => note(request.url()));
  page.on('websocket', (socket) => note(socket.url().replace(/^ws/, 'http')));

  await page.goto('/');
  await expectStep(page, 'language');
  // Let the service worker's precache and the face models finish loading before counting.
  await page.waitForLoadState('networkidle');

  expect(origins.size).toBeGreaterThan(0);
  expect([...origins]).toEqual([new URL(baseURL ?? '').origin]);
});

test('the kiosk’s heartbeat reaches the back office: its health shows in the terminal list', async ({ page, request }) => {
  await page.goto('/');
  await expectStep(page, 'language');
  // The sandbox enrols the kiosk by itself as it starts.
  let id = '';
  await expect.poll(async () => (id = await terminalId(page).catch(() => ''))).not.toBe('');
  // The first heartbeat goes 30 s after the start (src/sync/heartbeat.ts FIRST_HEARTBEAT_MS).
  await expect.poll(async () => (await terminalHealthOf(request, id)).lastContactAt, { timeout: 60_000 }).not.toBeNull();
  const health = await terminalHealthOf(request, id);
  expect(health).toMatchObject({
    silent: false,
    outbox: { pending: 0, oldestPendingAgeS: null, quarantined: 0 },
    devices: { printer: { driver: 'emulated', state: 'ok' } },
    readiness: { fault: null, outOfOrderSince: null },
  });
  expect(health.appVersion).toMatch(/^[0-9]+\.[0-9]+\.[0-9]+/);
});
