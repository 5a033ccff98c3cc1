// What e2e/accessibility.spec.ts checks on each screen it passes: axe's rules, and the kiosk's own
// layout rules at large text (nothing clipped, no control over another, every control reachable),
// and, with the low layout, every control within the band of the screen a seated citizen reaches.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { LANDSCAPE, PORTRAIT } from './journey';

/**
 * The kiosk keeps the browser's zoom off (user-scalable=no: a pinch must not leave the next citizen
 * a zoomed screen); the text size button on every screen is the kiosk's answer (docs/accessibility.md).
 */
const ANSWERED_BY_THE_KIOSK = ['meta-viewport'];

/** axe's WCAG A and AA rules, and AAA's enhanced contrast (7:1 for body text, as the issue asks). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'wcag2aaa'])
    .disableRules(ANSWERED_BY_THE_KIOSK)
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`).join('; ')}`,
  );
}

export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
}

/** The band of the screen within reach, as shares of its height from the top (src/devices/screen-reach.ts). */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * Runs in the page: text cut off or running out of its box, controls over one another, controls
 * out of the screen and of any scrolling container, and (with a band) controls out of reach.
 */
export async function layoutProblems(page: Page, band: Band | null = null): Promise<string[]> {
  return page.evaluate((band) => {
    const problems: string[] = [];
    const name = (el: Element) => {
      const data = Array.from(el.attributes).filter((a) => a.name.startsWith('data-')).map((a) => `[${a.name}="${a.value}"]`).join('');
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${data} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && el.closest('[hidden]') === null;
    };
    // With a dialog open, only the dialog is in use: what is behind the backdrop is out of play.
    const dialog = document.querySelector('[role="alertdialog"], [role="dialog"]');
    const scope = dialog ?? document.body;

    for (const el of Array.from(scope.querySelectorAll('*'))) {
      if (!shown(el)) continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!ownText) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'contents') continue;
      const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
      if (el.scrollWidth > el.clientWidth + 1 && !scrolls(style.overflowX)) problems.push(`text wider than its box (${el.scrollWidth} > ${el.clientWidth}): ${name(el)}`);
      if ((style.overflowY === 'hidden' || style.overflowY === 'clip') && el.scrollHeight > el.clientHeight + 1) problems.push(`text cut off at the bottom: ${name(el)}`);
    }

    const controls = Array.from(scope.querySelectorAll('button, input, select, textarea, a[href], [role="button"], canvas[data-field]')).filter(shown);
    /** The nearest ancestor that scrolls vertically, if any: a control below its fold is reached by scrolling it. */
    const scroller = (el: Element): Element | null => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowY;
        if ((overflow === 'auto' || overflow === 'scroll') && p.scrollHeight > p.clientHeight) return p;
      }
      return null;
    };
    const rects = controls.map((el) => el.getBoundingClientRect());
    const viewport = { width: innerWidth, height: innerHeight };
    controls.forEach((el, i) => {
      const r = rects[i]!;
      if (r.left < -1 || r.right > viewport.width + 1) problems.push(`control out of the screen sideways: ${name(el)}`);
      const box = scroller(el);
      if (!box && (r.top < -1 || r.bottom > viewport.height + 1)) problems.push(`control out of the screen, nothing to scroll: ${name(el)}`);
      for (let j = i + 1; j < controls.length; j++) {
        const other = controls[j]!;
        if (el.contains(other) || other.contains(el)) continue;
        const o = rects[j]!;
        const overlap = Math.min(r.right, o.right) - Math.max(r.left, o.left) > 1 && Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top) > 1;
        if (overlap) problems.push(`controls overlap: ${name(el)} and ${name(other)}`);
      }
      if (band) {
        // What a scrolling container hides is not on screen: only the part of the control within it counts.
        const clip = box?.getBoundingClientRect();
        const top = Math.max(r.top, clip?.top ?? -Infinity);
        const bottom = Math.min(r.bottom, clip?.bottom ?? Infinity);
        if (bottom > top && (top < band.top * viewport.height - 1 || bottom > band.bottom * viewport.height + 1)) {
          problems.push(`control out of reach (${Math.round(top)}–${Math.round(bottom)} px, band ${Math.round(band.top * viewport.height)}–${Math.round(band.bottom * viewport.height)}): ${name(el)}`);
        }
      }
    });
    return problems;
  }, band);
}

/** The text size the root shows now. */
async function textSize(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('data-text-size');
}

/** Presses the access bar's text size button until the root shows `size`. */
export async function setTextSize(page: Page, size: 'normal' | 'large' | 'xlarge'): Promise<void> {
  for (let presses = 0; presses < 3 && (await textSize(page)) !== size; presses++) {
    await page.locator('[data-action="text-size"]').click();
  }
  await expect(page.locator('html')).toHaveAttribute('data-text-size', size);
}

export async function setContrast(page: Page, contrast: 'normal' | 'high'): Promise<void> {
  const button = page.locator('[data-action="contrast"]');
  if ((await button.getAttribute('data-contrast')) !== contrast) await button.click();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', contrast);
}

/**
 * Large and extra large text, upright and wide: the layout problems of each, named with the size
 * and the orientation. The page is left as it was found (normal text, its own viewport).
 */
export async function largeTextProblems(page: Page): Promise<string[]> {
  const own = page.viewportSize() ?? PORTRAIT;
  const found: string[] = [];
  const dialogOpen = (await page.locator('[role="alertdialog"]').count()) > 0;
  // A dialog covers the access bar: the size is set on the root directly, as the button would.
  const set = async (size: 'normal' | 'large' | 'xlarge') => {
    if (dialogOpen) await page.evaluate((s) => document.documentElement.setAttribute('data-text-size', s), size);
    else await setTextSize(page, size);
  };
  for (const size of ['large', 'xlarge'] as const) {
    await set(size);
    for (const [orientation, viewport] of [['portrait', PORTRAIT], ['landscape', LANDSCAPE]] as const) {
      await page.setViewportSize(viewport);
      found.push(...(await layoutProblems(page)).map((p) => `${size} text, ${orientation}: ${p}`));
    }
  }
  await page.setViewportSize(own);
  await set('normal');
  return found;
}
