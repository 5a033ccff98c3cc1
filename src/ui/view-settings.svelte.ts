import { CONTRAST_ATTRIBUTE, TEXT_SIZE_ATTRIBUTE, nextTextSize, type Contrast, type TextSize, type ViewRoot } from './view-settings';

/**
 * The text size and contrast the citizen at the kiosk chose. One for the kiosk (`view` below): the
 * access bar's buttons change it on any screen, and the session's end puts it back.
 */
export class ViewSettings {
  textSize = $state<TextSize>('normal');
  contrast = $state<Contrast>('normal');
  readonly #root: ViewRoot | null;

  constructor(root: ViewRoot | null) {
    this.#root = root;
    this.#show();
  }

  cycleTextSize(): void {
    this.textSize = nextTextSize(this.textSize);
    this.#show();
  }

  toggleContrast(): void {
    this.contrast = this.contrast === 'high' ? 'normal' : 'high';
    this.#show();
  }

  /** The next citizen starts with the usual screen, whatever the last one chose. */
  reset(): void {
    this.textSize = 'normal';
    this.contrast = 'normal';
    this.#show();
  }

  #show(): void {
    this.#root?.setAttribute(TEXT_SIZE_ATTRIBUTE, this.textSize);
    this.#root?.setAttribute(CONTRAST_ATTRIBUTE, this.contrast);
  }
}

export const view = new ViewSettings(typeof document === 'undefined' ? null : document.documentElement);
