// The built kiosk comes up from the back office and stands alone: a kiosk on a public network must
// not load anything (fonts, scripts, models) from another origin.
import { expect, test } from './support/test';
import { expectStep } from './support/kiosk';

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
