// The kiosk driven as a blind citizen drives it: the tactile keypad only, here the keyboard that the
// test profile takes for one (profile keypad `keyboard`): ArrowDown/ArrowUp move the focus, Enter
// presses the focused control, digits type, F1 says the screen again. No pointer, no page.click.
import { expect, type Page } from '@playwright/test';
import type { SpeechRequest } from '../../src/a11y/speech-record';
import type { Lang } from '../../src/protocol';
import { listenForClips, titleClips } from './speech-clips';


/** The focused element, and whether a focus ring shows on it: outline or ring wide enough to see. */
export interface FocusSeen {
  action: string | null;
  tag: string;
  text: string;
  visible: boolean;
  outlineWidth: number;
  outlineStyle: string;
}

export async function focusSeen(page: Page): Promise<FocusSeen | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      action: element.dataset.action ?? element.dataset.key ?? null,
      tag: element.tagName.toLowerCase(),
      text: (element.textContent ?? '').trim().slice(0, 60),
      visible: element.checkVisibility() && element.getBoundingClientRect().width > 0,
      outlineWidth: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
      outlineStyle: style.outlineStyle,
    };
  });
}

/** Something has the focus, is on screen, and wears a ring at least 3 px wide (a thick one, not the browser's 1–2 px). */
export async function expectFocusRing(page: Page): Promise<FocusSeen> {
  await expect.poll(async () => (await focusSeen(page))?.visible ?? false, { message: 'the focus is on something shown' }).toBe(true);
  const seen = (await focusSeen(page))!;
  expect(seen.outlineWidth, `the focus ring on ${seen.tag} ${seen.action ?? seen.text}`).toBeGreaterThanOrEqual(3);
  return seen;
}

/**
 * Presses ArrowDown until the control `[data-action=name]` has the focus, as a citizen moves until
 * they hear it; fails if it is not met within a round of the screen's controls.
 */
export async function moveTo(page: Page, action: string, most = 40): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('ArrowDown');
    if ((await focusSeen(page))?.action === action) {
      await expectFocusRing(page);
      await expectSpokenControl(page, action);
      return;
    }
  }
  throw new Error(`the keypad's focus never reached [data-action="${action}"]`);
}

/** Moves to the control and presses it with Enter. */
export async function pressWithKeypad(page: Page, action: string): Promise<void> {
  await moveTo(page, action);
  await page.keyboard.press('Enter');
}

/** Types digits on the tactile keypad's digit keys. */
export async function typeOnKeypad(page: Page, digits: string): Promise<void> {
  for (const digit of digits) {
    if (!/^[0-9]$/.test(digit)) throw new Error(`typeOnKeypad: "${digit}" is not a digit`);
    await page.keyboard.press(digit);
  }
}

async function speechRequests(page: Page): Promise<SpeechRequest[]> {
  return page.evaluate(() => (window as unknown as { __kioskSpeech?: SpeechRequest[] }).__kioskSpeech ?? []);
}

/** The clips each keypad kiosk's page asked for (listenForClips), kept from its first screen. */
const clipsAsked = new WeakMap<Page, Set<string>>();

/** Keeps the clips `page` asks for, for expectScreenSpoken. */
export function hearClips(page: Page): void {
  clipsAsked.set(page, listenForClips(page).urls);
}

/**
 * The screen shown now — step `step` under its current title, or the open dialog — was asked to be
 * said when it appeared (the test profile's record of the speaker's calls), and its title's audio
 * was requested from the kiosk's origin (on a page that hearClips watches).
 */
export async function expectScreenSpoken(page: Page, step: string, dialog: string | null = null): Promise<void> {
  const { title, lang } = await page.evaluate((inDialog) => {
    const root = document.querySelector(inDialog ? '[data-dialog]' : '[data-step]');
    return { title: (root?.querySelector('h1, h2')?.textContent ?? '').trim(), lang: document.documentElement.lang as Lang };
  }, dialog !== null);
  await expect
    .poll(async () => (await speechRequests(page)).some((r) => r.call === 'screen' && r.step === step && r.dialog === dialog && r.title === title), {
      message: `the ${dialog ? `${dialog} dialog` : `${step} screen`} ("${title}") was to be said`,
    })
    .toBe(true);
  const asked = clipsAsked.get(page);
  if (!asked) return;
  const wanted = titleClips(lang, title);
  await expect.poll(() => wanted.filter((url) => !asked.has(url)), { message: `the audio of "${title}" was requested` }).toEqual([]);
}

/** The control the focus just reached was to be said. */
export async function expectSpokenControl(page: Page, action: string): Promise<void> {
  const last = (await speechRequests(page)).filter((r) => r.call === 'element').at(-1);
  expect(last?.action, 'the control the focus reached was to be said').toBe(action);
}
