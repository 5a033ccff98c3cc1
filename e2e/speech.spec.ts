// The audio guidance as a citizen meets it: the listen button says the screen from clips made at
// build time (docs/speech.md), in the screen's language; personal data is said only on headphones
// (here ?headset=1, a tester's setting), where each screen is also said by itself; the clips come
// from the service worker's precache when the network is gone.
import type { BrowserContext, Page } from '@playwright/test';
import type { SeedCitizen } from '../server/seed/citizens';
import { CATALOGUES, LANG_NAMES } from '../src/i18n';
import type { Lang } from '../src/protocol';
import { chromiumLaunchOptions } from './support/chromium';
import { citizen } from './support/citizens';
import { chooseService } from './support/journey';
import { action, expectStep, pressAction, typeDigits } from './support/kiosk';
import { CLIPS, clipUrl, listenForClips as listen, partsOf } from './support/speech-clips';
import { expect, test } from './support/test';

// A kiosk starts speech without a touch (docs/speech.md); the default camera flags are kept.
test.use({
  launchOptions: chromiumLaunchOptions(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required']),
});

async function expectSaid(heard: Set<string>, lang: Lang, keys: string[]): Promise<void> {
  const wanted = keys.map((key) => clipUrl(lang, key));
  await expect.poll(() => wanted.filter((url) => !heard.has(url)), { message: `${lang}: ${keys.join(' | ')}` }).toEqual([]);
}

/** The reason for the application, and the document when the reason serves two. */
async function chooseReason(page: Page, c: SeedCitizen): Promise<void> {
  await pressAction(page, `service-${c.example.service}`);
  const documentChoice = page.locator(`[data-action="document-${c.example.document}"]`);
  if (await documentChoice.isVisible().catch(() => false)) await documentChoice.click();
  await expectStep(page, 'iin');
}

/** An IIN typed on the keypad: its zeros are said "нөл"/"ноль", a word no step number or title uses. */
const TYPED_IIN = '900101';

async function toIin(page: Page, lang: Lang): Promise<void> {
  await chooseService(page, lang, citizen('service-18'));
  await typeDigits(page, TYPED_IIN);
}

test.describe('audio guidance', () => {
  test.use({ serviceWorkers: 'block' });

  test('the listen button says the first screen in its three languages, then each step in the chosen one (kk)', async ({ page }) => {
    const { urls } = listen(page);
    await page.goto('/?profile=test');
    await expectStep(page, 'language');
    expect(urls.size).toBe(0);

    await pressAction(page, 'speak');
    await expectSaid(urls, 'kk', [CATALOGUES.kk['language.title'], LANG_NAMES.kk]);
    await expectSaid(urls, 'ru', [CATALOGUES.ru['language.title'], LANG_NAMES.ru]);
    await expectSaid(urls, 'en', [CATALOGUES.en['language.title'], LANG_NAMES.en]);

    await pressAction(page, 'lang-kk');
    await expectStep(page, 'service');
    await pressAction(page, 'speak');
    await expectSaid(urls, 'kk', [CATALOGUES.kk['service.title'], CATALOGUES.kk['service.18']]);

    await chooseReason(page, citizen('service-18'));
    await typeDigits(page, TYPED_IIN);
    await pressAction(page, 'speak');
    // The title and hint, the step's number, and the typed IIN kept from the loudspeaker.
    await expectSaid(urls, 'kk', ['ЖСН енгізіңіз', CATALOGUES.kk['iin.hint'], ...partsOf('kk', 'common.stepOf'), CATALOGUES.kk['speech.hidden']]);
    expect(urls.has(clipUrl('kk', 'нөл')), 'the IIN said aloud').toBe(false);
    // No clip the build did not make was asked for.
    const made = new Set([...(['kk', 'ru', 'en'] as const)].flatMap((lang) => [...CLIPS[lang].keys()].map((key) => clipUrl(lang, key))));
    expect([...urls].filter((url) => !made.has(url))).toEqual([]);
  });

  test('in Russian, the typed IIN is said only with a headset, and each screen is said by itself then', async ({ browser, baseURL }) => {
    const loud = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const loudPage = await loud.newPage();
    const onLoudspeaker = listen(loudPage);
    await loudPage.goto('/?profile=test');
    await toIin(loudPage, 'ru');
    await pressAction(loudPage, 'speak');
    await expectSaid(onLoudspeaker.urls, 'ru', [CATALOGUES.ru['iin.title'], CATALOGUES.ru['speech.hidden']]);
    expect(onLoudspeaker.urls.has(clipUrl('ru', 'ноль'))).toBe(false);
    await loud.close();

    const headset = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const page = await headset.newPage();
    const { urls } = listen(page);
    await page.goto('/?profile=test&headset=1');
    // Nothing pressed: the first screen is said by itself.
    await expectSaid(urls, 'ru', [CATALOGUES.ru['language.title']]);
    await pressAction(page, 'lang-ru');
    await expectSaid(urls, 'ru', [CATALOGUES.ru['service.title']]);
    await chooseReason(page, citizen('service-18'));
    await expectSaid(urls, 'ru', [CATALOGUES.ru['iin.title'], CATALOGUES.ru['iin.hint']]);
    await typeDigits(page, TYPED_IIN);
    await pressAction(page, 'speak');
    await expectSaid(urls, 'ru', ['девять', 'ноль', 'один']);
    await headset.close();
  });

  test('the volume goes down and up on screen, and is back to the default for the next citizen', async ({ page }) => {
    await page.goto('/?profile=test');
    await expectStep(page, 'language');
    const level = () => action(page, 'volume-down').getAttribute('data-volume');
    const start = await level();
    await pressAction(page, 'volume-down');
    await pressAction(page, 'volume-down');
    await expect.poll(level).toBe(String(Number(start) - 2));
    await pressAction(page, 'volume-up');
    await expect.poll(level).toBe(String(Number(start) - 1));

    await pressAction(page, 'lang-ru');
    await expectStep(page, 'service');
    await pressAction(page, 'cancel');
    await pressAction(page, 'cancel-yes');
    await expectStep(page, 'language');
    await expect.poll(level).toBe(start);
  });
});

test.describe('audio guidance offline', () => {
  async function installOnline(page: Page): Promise<void> {
    await page.goto('/?profile=test');
    await expectStep(page, 'language');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (worker && worker.state !== 'activated') {
        await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
      }
    });
  }

  async function goOffline(context: BrowserContext, page: Page): Promise<void> {
    await context.setOffline(true);
    const reached = await page.evaluate(() => fetch('/api/v1/health').then(() => true, () => false));
    expect(reached).toBe(false);
  }

  test('with no network the clips come from the precache, and are played', async ({ page, context }) => {
    await installOnline(page);
    await goOffline(context, page);
    await page.reload();
    await expectStep(page, 'language');
    const failures: string[] = [];
    page.on('console', (message) => {
      if (message.text().startsWith('speech:')) failures.push(message.text());
    });
    const { urls, fromServiceWorker } = listen(page);

    await pressAction(page, 'speak');
    await expectSaid(urls, 'kk', [CATALOGUES.kk['language.title'], LANG_NAMES.kk]);
    await expectSaid(urls, 'ru', [CATALOGUES.ru['language.title']]);
    await expect.poll(() => [...urls].filter((url) => fromServiceWorker.get(url) !== true)).toEqual([]);
    expect(failures).toEqual([]);
  });
});
