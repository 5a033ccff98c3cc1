/*
 * The hidden way into technician mode from the start screen: five taps in the top-left corner,
 * then one in the bottom-right corner, all within four seconds. The corners are empty on the start
 * screen (the emblem and language buttons are centred; the offline note sits top right); a citizen
 * who taps a corner out of impatience taps the same one, and would have to cross the screen on
 * purpose to finish. Even then it only shows the PIN pad: the PIN is the lock, this is the curtain.
 * Pure: fed with pointer events, it keeps no timer and touches no DOM.
 */

export interface PointerInput {
  kind: 'down' | 'up' | 'cancel';
  pointerId: number;
  /** CSS pixels from the viewport's top left. */
  x: number;
  y: number;
  /** ms, any monotonic clock (event.timeStamp). */
  t: number;
}

export interface Viewport {
  width: number;
  height: number;
}

type Corner = 'top-left' | 'bottom-right';

const SEQUENCE: readonly Corner[] = ['top-left', 'top-left', 'top-left', 'top-left', 'top-left', 'bottom-right'];
/** From the first tap's press to the last tap's release. */
export const GESTURE_WITHIN_MS = 4000;
/** A press longer than this is a hold, not a tap. */
const TAP_MAX_MS = 600;
/** Further than this between press and release is a swipe, not a tap. */
const TAP_MAX_MOVE = 24;
/** The corner square's side: a tenth of the shorter side of the screen, at most 100 px. */
const CORNER_MAX = 100;

function cornerAt(x: number, y: number, { width, height }: Viewport): Corner | null {
  const side = Math.min(CORNER_MAX, Math.min(width, height) / 10);
  if (x <= side && y <= side) return 'top-left';
  if (x >= width - side && y >= height - side) return 'bottom-right';
  return null;
}

interface Tap {
  corner: Corner;
  downAt: number;
  upAt: number;
}

export class HiddenGesture {
  /** Completed taps in corners, oldest first; any other touch clears them. */
  #taps: Tap[] = [];
  /** Pointers now down, with where they went down. */
  readonly #down = new Map<number, { x: number; y: number; t: number; corner: Corner | null }>();
  /** A second finger spoils everything until every finger is lifted. */
  #spoiled = false;

  /** Feeds one event; 'open' when it completes the gesture (which then starts afresh). */
  feed(event: PointerInput, viewport: Viewport): 'open' | null {
    if (event.kind === 'down') {
      if (this.#down.size > 0) this.#spoil();
      this.#down.set(event.pointerId, { x: event.x, y: event.y, t: event.t, corner: cornerAt(event.x, event.y, viewport) });
      return null;
    }
    const press = this.#down.get(event.pointerId);
    this.#down.delete(event.pointerId);
    if (this.#spoiled) {
      if (this.#down.size === 0) this.#spoiled = false;
      return null;
    }
    if (!press) return null;
    const isTap =
      event.kind === 'up' &&
      press.corner !== null &&
      event.t - press.t <= TAP_MAX_MS &&
      Math.hypot(event.x - press.x, event.y - press.y) <= TAP_MAX_MOVE &&
      cornerAt(event.x, event.y, viewport) === press.corner;
    if (!isTap || press.corner === null) {
      this.#taps = [];
      return null;
    }
    this.#taps = [...this.#taps, { corner: press.corner, downAt: press.t, upAt: event.t }].slice(-SEQUENCE.length);
    if (!this.#complete()) return null;
    this.#taps = [];
    return 'open';
  }

  /** Forgets everything, e.g. when the start screen is left. */
  reset(): void {
    this.#taps = [];
    this.#down.clear();
    this.#spoiled = false;
  }

  #spoil(): void {
    this.#spoiled = true;
    this.#taps = [];
  }

  #complete(): boolean {
    const first = this.#taps[0];
    const last = this.#taps.at(-1);
    return (
      first !== undefined &&
      last !== undefined &&
      this.#taps.length === SEQUENCE.length &&
      this.#taps.every((tap, i) => tap.corner === SEQUENCE[i]) &&
      last.upAt - first.downAt <= GESTURE_WITHIN_MS
    );
  }
}
