import type { Layout } from '../devices/profile';
import type { ReachBand } from '../devices/screen-reach';

/*
 * "Seeing better" (issue 14): the citizen's text size and colours. The page keeps the browser's
 * zoom off (it is a kiosk), so this is the zoom: a larger root font size, which every size in rem
 * follows, and a theme that redefines kiosk.css's colour variables. Both are the citizen's own and
 * return to the usual when the session ends.
 */

export const TEXT_SIZES = ['normal', 'large', 'xlarge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const CONTRASTS = ['normal', 'high'] as const;
export type Contrast = (typeof CONTRASTS)[number];

/**
 * How much larger than the usual the root font size is. Extra large doubles it: the body text is
 * then 200% of the usual, as the issue asks.
 */
export const TEXT_SCALE: Readonly<Record<TextSize, number>> = { normal: 1, large: 1.5, xlarge: 2 };

/** The button cycles: normal → large → extra large → normal. */
export function nextTextSize(size: TextSize): TextSize {
  const next: Record<TextSize, TextSize> = { normal: 'large', large: 'xlarge', xlarge: 'normal' };
  return next[size];
}

/** Where the settings show: the document's root element, whose attributes kiosk.css reads. */
export interface ViewRoot {
  setAttribute(name: string, value: string): void;
}

/** The attributes kiosk.css styles by; e2e tests read them too. */
export const TEXT_SIZE_ATTRIBUTE = 'data-text-size';
export const CONTRAST_ATTRIBUTE = 'data-contrast';

/** The root element as the low layout needs it: an attribute, and the reach band's two custom properties. */
export interface LayoutRoot extends ViewRoot {
  style: { setProperty(name: string, value: string): void };
}

/**
 * Shows the profile's layout, once at start: `data-layout` for kiosk.css, and the band of the screen
 * within reach (shares of its height, screen-reach.ts) that the low layout keeps the controls in.
 */
export function showLayout(root: LayoutRoot, layout: Layout, band: ReachBand | null): void {
  root.setAttribute('data-layout', layout);
  root.style.setProperty('--reach-top', String(band?.top ?? 0));
  root.style.setProperty('--reach-bottom', String(band?.bottom ?? 1));
}
