// The order the tactile keypad's focus goes through a screen's controls (docs/accessibility.md,
// "The tactile keypad"), and what each key asks of the screen. Pure: the DOM is read and focused
// in focus-navigator.ts.
import type { KeypadKey } from '../devices/keypad/keypad';

/**
 * Where a control sits on the screen. An open dialog's controls are the only ones reachable. On a
 * step: what the step asks (the choices), then its own buttons (Next, Accept, Confirm…), then the
 * on-screen keypad's keys (the tactile keypad types digits by itself, so they come after), then the
 * access bar (listen, volume, text size, contrast, language), and Cancel last — never met by
 * chance on the way to Next.
 */
export type Region = 'dialog' | 'choices' | 'actions' | 'keys' | 'access' | 'cancel';

const STEP_ORDER: readonly Exclude<Region, 'dialog'>[] = ['choices', 'actions', 'keys', 'access', 'cancel'];

export interface Placed<E> {
  element: E;
  region: Region;
  /** The step's main button (Next, Accept, Confirm): first among its buttons, whatever the layout. */
  primary: boolean;
  /** data-action, where the control has one. */
  action: string | null;
}

/** The controls in spoken order, given in document order. */
export function spokenOrder<E>(controls: readonly Placed<E>[], dialogOpen: boolean): E[] {
  if (dialogOpen) return controls.filter((c) => c.region === 'dialog').map((c) => c.element);
  return STEP_ORDER.flatMap((region) => {
    const here = controls.filter((c) => c.region === region);
    const ordered = region === 'actions' ? [...here.filter((c) => c.primary), ...here.filter((c) => !c.primary)] : here;
    return ordered.map((c) => c.element);
  });
}

/**
 * The control the focus moves to, round the end to the start and back. From nothing focused (a
 * screen just shown, its title focused), "next" is the first control and "previous" the last.
 */
export function moveFrom<E>(order: readonly E[], current: E | null, direction: 1 | -1): E | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at === -1) return (direction === 1 ? order[0] : order.at(-1)) ?? null;
  return order[(at + direction + order.length) % order.length] ?? null;
}

/**
 * What Back presses: in a dialog its way out without consequence (its first button that is not the
 * main one, or its only button: "stay"); on a step its Back button. None: nothing happens.
 */
export function backChoice<E>(controls: readonly Placed<E>[], dialogOpen: boolean): E | null {
  if (dialogOpen) {
    const inDialog = controls.filter((c) => c.region === 'dialog');
    const way = inDialog.find((c) => !c.primary) ?? (inDialog.length === 1 ? inDialog[0] : undefined);
    return way?.element ?? null;
  }
  return controls.find((c) => c.action === 'back' && c.region !== 'dialog')?.element ?? null;
}

export type Command =
  | { kind: 'move'; direction: 1 | -1 }
  | { kind: 'press' }
  | { kind: 'back' }
  | { kind: 'speak-screen' }
  | { kind: 'volume'; change: 1 | -1 };

/**
 * What the focus navigation does with a key; null leaves it to the step's number field. Enter
 * presses the control the keypad focused; with none (the screen's title focused, or a control the
 * citizen touched) it is the field's "done", as on the on-screen keypad.
 */
export function commandFor(key: KeypadKey, keypadFocus: boolean): Command | null {
  switch (key.kind) {
    case 'next':
      return { kind: 'move', direction: 1 };
    case 'previous':
      return { kind: 'move', direction: -1 };
    case 'activate':
      return keypadFocus ? { kind: 'press' } : null;
    case 'back':
      return { kind: 'back' };
    case 'help':
      return { kind: 'speak-screen' };
    case 'volume':
      return { kind: 'volume', change: key.change };
    case 'digit':
    case 'erase':
      return null;
  }
}

/** What makes a screen new: another step, another title on it (a review after the photo), a dialog opened or closed. */
export function screenKey(screen: { step: string | null; title: string; dialog: string | null }): string {
  return screen.dialog !== null ? `dialog:${screen.dialog}` : `${screen.step ?? ''}|${screen.title}`;
}
