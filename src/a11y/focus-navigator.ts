// The tactile keypad's focus on the page: moves through the screen's controls in spoken order
// (focus-order.ts), presses the focused one, keeps the focus inside an open dialog, puts it on a
// new screen's title, and asks the speaker to say each control reached and each screen shown.
import type { Keypad, KeypadPress } from '../devices/keypad/keypad';
import type { Speaker } from '../speech/speaker';
import { backChoice, commandFor, moveFrom, screenKey, spokenOrder, type Placed, type Region } from './focus-order';

const DIALOG = '[role="alertdialog"], [role="dialog"]';
const CONTROLS = 'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])';
/** On the element the keypad focused, so its ring shows whatever the browser thinks of :focus-visible. */
export const KEYPAD_FOCUS = 'data-keypad-focus';

export interface FocusNavigatorOptions {
  document: Document;
  keypad: Keypad;
  speaker: Speaker;
  /** Each key counts as the citizen being there (a WebHID keypad's keys are no keydown for the idle watch). */
  activity: () => void;
}

export class FocusNavigator {
  readonly #doc: Document;
  readonly #options: FocusNavigatorOptions;
  /**
   * Whether this citizen uses the keypad: from their first key until the start screen comes back.
   * Before it, nothing is focused or said on a new screen, so a citizen who touches the screen
   * meets the kiosk as it was.
   */
  #engaged = false;
  /** The control the keypad put the focus on: Enter presses it. */
  #focused: HTMLElement | null = null;
  /** Where the focus was when a dialog opened: it goes back there when the dialog closes. */
  #beforeDialog: HTMLElement | null = null;
  #screen = '';

  constructor(options: FocusNavigatorOptions) {
    this.#options = options;
    this.#doc = options.document;
  }

  /** Returns what stops it. */
  start(): () => void {
    const stopPress = this.#options.keypad.on('press', this.#onPress);
    const observer = new MutationObserver(this.#onChange);
    observer.observe(this.#doc.body, { childList: true, subtree: true, characterData: true });
    this.#doc.addEventListener('focusin', this.#onFocusIn);
    this.#screen = this.#currentScreen();
    return () => {
      stopPress();
      observer.disconnect();
      this.#doc.removeEventListener('focusin', this.#onFocusIn);
    };
  }

  readonly #onPress = (press: KeypadPress): void => {
    const dialog = this.#dialog();
    const scope = dialog ?? this.#doc.querySelector<HTMLElement>('[data-step]');
    if (!scope) return;
    this.#options.activity();
    const focused = this.#focused;
    const keypadFocus = focused !== null && focused.isConnected && this.#doc.activeElement === focused && usable(focused);
    const command = commandFor(press.key, keypadFocus);
    if (!command) return;
    press.handled = true;
    this.#engaged = true;
    const placed = () => this.#controls(scope, dialog !== null);
    switch (command.kind) {
      case 'move': {
        const current = this.#doc.activeElement instanceof HTMLElement ? this.#doc.activeElement : null;
        const next = moveFrom(spokenOrder(placed(), dialog !== null), current, command.direction);
        if (next) this.#focusControl(next);
        else this.#focusTitle();
        return;
      }
      case 'press':
        focused?.click();
        return;
      case 'back':
        backChoice(placed(), dialog !== null)?.click();
        return;
      case 'speak-screen':
        this.#options.speaker.speakScreen();
        return;
      case 'volume':
        // The speech controls' own buttons (src/ui/SpeechControls.svelte): one volume, however changed.
        this.#doc.querySelector<HTMLElement>(`[data-action="volume-${command.change === 1 ? 'up' : 'down'}"]`)?.click();
        return;
    }
  };

  readonly #onChange = (): void => {
    const screen = this.#currentScreen();
    if (screen !== this.#screen) {
      const dialogClosed = this.#screen.startsWith('dialog:') && !screen.startsWith('dialog:');
      this.#screen = screen;
      this.#newScreen(dialogClosed);
      return;
    }
    // The focused control went away (Retry pressed, a photo taken): the focus goes to the title, not nowhere.
    const active = this.#doc.activeElement;
    if (this.#engaged && (active === null || active === this.#doc.body)) this.#focusTitle();
  };

  #newScreen(dialogClosed: boolean): void {
    const dialog = this.#dialog();
    if (!dialog && this.#doc.querySelector('[data-step="language"]')) {
      // The start screen again: the next citizen may not use the keypad.
      this.#engaged = false;
      this.#focused = null;
      this.#beforeDialog = null;
      return;
    }
    if (!this.#engaged) return;
    const back = this.#beforeDialog;
    if (dialog) {
      if (!dialogClosed) this.#beforeDialog = this.#focused;
    } else if (dialogClosed && back?.isConnected && usable(back)) {
      this.#beforeDialog = null;
      this.#focusControl(back);
      return;
    }
    this.#focusTitle();
    this.#options.speaker.speakScreen();
  }

  // The focus never leaves an open dialog for what is behind it.
  readonly #onFocusIn = (event: FocusEvent): void => {
    const dialog = this.#dialog();
    if (!this.#engaged || !dialog || !(event.target instanceof Node) || dialog.contains(event.target)) return;
    this.#focusTitle();
  };

  #focusControl(element: HTMLElement): void {
    this.#mark(element);
    this.#focused = element;
    this.#options.speaker.speakElement(element);
  }

  /** The screen's title (an open dialog's), where a new screen starts: Enter there is the number field's. */
  #focusTitle(): void {
    const dialog = this.#dialog();
    const step = this.#doc.querySelector<HTMLElement>('[data-step]');
    const title = dialog?.querySelector<HTMLElement>('h1, h2') ?? dialog ?? step?.querySelector<HTMLElement>('h1') ?? step;
    if (!title) return;
    if (!title.hasAttribute('tabindex')) title.setAttribute('tabindex', '-1');
    this.#mark(title);
    this.#focused = null;
  }

  #mark(element: HTMLElement): void {
    for (const marked of this.#doc.querySelectorAll(`[${KEYPAD_FOCUS}]`)) marked.removeAttribute(KEYPAD_FOCUS);
    element.setAttribute(KEYPAD_FOCUS, '');
    // focusVisible: the ring shows though the last input may have been a touch (Chromium 123+).
    element.focus({ focusVisible: true } as FocusOptions);
  }

  #dialog(): HTMLElement | null {
    return this.#doc.querySelector<HTMLElement>(DIALOG);
  }

  #currentScreen(): string {
    const dialog = this.#dialog();
    const step = this.#doc.querySelector<HTMLElement>('[data-step]');
    return screenKey({
      step: step?.dataset.step ?? null,
      title: step?.querySelector('h1')?.textContent?.trim() ?? '',
      dialog: dialog ? (dialog.dataset.dialog ?? 'dialog') : null,
    });
  }

  #controls(scope: HTMLElement, dialogOpen: boolean): Placed<HTMLElement>[] {
    return [...scope.querySelectorAll<HTMLElement>(CONTROLS)].filter(usable).map((element) => ({
      element,
      region: dialogOpen ? 'dialog' : regionOf(element),
      primary: element.classList.contains('primary'),
      action: element.dataset.action ?? null,
    }));
  }
}

function regionOf(element: HTMLElement): Region {
  if (element.dataset.action === 'cancel') return 'cancel';
  if (element.closest('[data-access-bar]')) return 'access';
  if (element.closest('[data-keypad]')) return 'keys';
  if (element.closest('.step-actions')) return 'actions';
  return 'choices';
}

/** A control a citizen can press now: enabled, shown, not behind an inert or hidden part. */
function usable(element: HTMLElement): boolean {
  if ('disabled' in element && element.disabled === true) return false;
  if (element.closest('[inert], [aria-hidden="true"]')) return false;
  return element.checkVisibility();
}
