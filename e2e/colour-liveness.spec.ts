// The colour challenge at the identify step (src/biometrics/colour-challenge.ts): after the head
// movements the screen round the camera shows a short sequence of colours and the face must reflect
// them. The journeys' citizen is a clip lit by the screen's colours as a face would be
// (src/devices/camera/screen-lit-camera.ts) and passes; the same clip bare, as a phone would replay
// it, reflects nothing and is sent to an operator after the usual three tries, in Kazakh and in Russian.
// Each test has a citizen of its own with face f06, the face of the clips (server/seed/citizens.ts).
import type { Page, Request } from '@playwright/test';
import { expect, test } from './support/test';
import { COLOUR_THRESHOLDS } from '../src/biometrics/colour-challenge';
import { SCREEN_COLOUR_NAMES } from '../src/biometrics/colour-palette';
import type { Catalogue } from '../src/i18n';
import { kk } from '../src/i18n/kk';
import { ru } from '../src/i18n/ru';
import type { IdentifyRequest, Lang } from '../src/protocol';
import type { CameraVideo } from './support/camera';
import { citizen } from './support/citizens';
import { CAMERA_STEP_TIMEOUT, chooseService, enterIin, openKiosk, passIdentify, PORTRAIT, verifyPhone } from './support/journey';
import { action, expectStep, message, pressAction } from './support/kiosk';

/**
 * The colours the screen showed, in order, as the page painted them, and the words under the camera
 * while it did: on screen for 1.5 s of a try that may come after others, so noted as they come.
 */
async function recordScreenColours(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shown: string[] = [];
    const words: string[] = [];
    Object.assign(window, { screenColours: shown, colourWords: words });
    new MutationObserver(() => {
      const colour = document.querySelector('[data-screen-colour]')?.getAttribute('data-screen-colour');
      if (colour && shown.at(-1) !== colour) shown.push(colour);
      const text = document.querySelector('[data-guidance="look_at_colours"]')?.textContent?.trim();
      if (text && words.at(-1) !== text) words.push(text);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

const screenColours = (page: Page) => page.evaluate(() => (window as unknown as { screenColours: string[] }).screenColours);
const colourWords = (page: Page) => page.evaluate(() => (window as unknown as { colourWords: string[] }).colourWords);

test('a face lit by the screen: the colours are shown with "keep looking at the screen", reflected, and the citizen goes on to the photo', async ({ baseURL, request }) => {
  test.setTimeout(240_000);
  const c = citizen('kiosk-colour-lit');
  const { browser, page } = await openKiosk(`${c.faceId}-live` as CameraVideo, baseURL!, PORTRAIT);
  try {
    const identifications: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/identify')) identifications.push(r);
    });
    await chooseService(page, 'kk', c);
    await recordScreenColours(page);
    await enterIin(page, c.person.iin);
    await verifyPhone(page, request, c);
    await passIdentify(page);
    expect(await colourWords(page)).toContain(kk['identify.colour.look']);

    // What was sent is what was shown: the back office's sequence (online, it chooses), each step measured, and passed.
    const sent = identifications.at(-1)?.postDataJSON() as IdentifyRequest | undefined;
    const colour = sent?.liveness.colour;
    expect(colour).toMatchObject({ status: 'passed', reason: null, source: 'back_office', thresholdsVersion: COLOUR_THRESHOLDS.version });
    expect(colour!.nonce).toMatch(/^[\w-]{43}$/);
    expect(colour!.sequence).toHaveLength(COLOUR_THRESHOLDS.steps);
    for (const name of colour!.sequence) expect(SCREEN_COLOUR_NAMES).toContain(name);
    expect((await screenColours(page)).slice(-colour!.sequence.length)).toEqual(colour!.sequence);
    expect(colour!.steps.filter((s) => s.samples > 0).length).toBeGreaterThanOrEqual(COLOUR_THRESHOLDS.steps - COLOUR_THRESHOLDS.maxUnmeasuredSteps);
    // The colours are gone with the step: the photo step's screen is the page's own.
    await expect(page.locator('[data-screen-colour]')).toHaveCount(0);
  } finally {
    await browser.close();
  }
});

const REPLAY_REFUSALS = ['no_colour_response', 'colour_mismatch', 'glass_reflection', 'flat_reflection'];

for (const [lang, catalogue] of [
  ['kk', kk],
  ['ru', ru],
] as const satisfies readonly (readonly [Lang, Catalogue])[]) {
  test(`a replay of the citizen's video reflects no colour: "not in person", three tries, then an operator (${lang})`, async ({ baseURL, request }) => {
    test.setTimeout(300_000);
    const c = citizen(lang === 'kk' ? 'kiosk-colour-replay-kk' : 'kiosk-colour-replay-ru');
    const { browser, page } = await openKiosk(`${c.faceId}-live` as CameraVideo, baseURL!, PORTRAIT, '&screenLight=off');
    try {
      const identifications: Request[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/v1/identify')) identifications.push(r);
      });
      await chooseService(page, lang, c);
      await recordScreenColours(page);
      await enterIin(page, c.person.iin);
      await verifyPhone(page, request, c);
      const operator = message(page, 'see_operator');
      const refusals: string[] = [];
      // Each try: the movements (which a replayed clip passes, when its turns come in the asked order), then the colours.
      while (!(await operator.isVisible())) {
        const problem = page.locator('[data-message]').filter({ hasNot: page.locator('[data-message="see_operator"]') });
        await expect(action(page, 'retry').or(operator)).toBeVisible({ timeout: CAMERA_STEP_TIMEOUT });
        if (await operator.isVisible()) break;
        const code = (await problem.first().getAttribute('data-message')) ?? '';
        refusals.push(code);
        if (REPLAY_REFUSALS.includes(code)) await expect(problem.first()).toHaveText(catalogue['identify.error.no_colour_response']);
        await pressAction(page, 'retry');
        expect(refusals.length, `refused: ${refusals.join(', ')}`).toBeLessThan(8);
      }
      await expect(operator).toHaveText(`${catalogue['identify.error.too_many_attempts']} ${catalogue['common.seeOperator']}`);
      // The clip reached the colours (a try may also end on its turns coming in the other order), and
      // they stopped it every time: not one face was sent to be matched.
      expect((await screenColours(page)).length, `refused: ${refusals.join(', ')}`).toBeGreaterThan(0);
      expect(identifications).toHaveLength(0);
      await expect(page.locator('[data-step="photo"]')).toHaveCount(0);
      await pressAction(page, 'finish');
      await expectStep(page, 'language');
    } finally {
      await browser.close();
    }
  });
}
