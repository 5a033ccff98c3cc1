// The camera steps' live guidance changes many times a second when a face is at the edge: each new
// instruction is said when it changes, but an instruction said a moment ago is not said again.
export const REPEAT_AFTER_MS = 6_000;

export class GuidanceFilter {
  #last = '';
  readonly #saidAt = new Map<string, number>();

  /** Whether to say `text`, shown at `now` (ms). */
  shouldSay(text: string, now: number): boolean {
    if (text === '' || text === this.#last) return false;
    this.#last = text;
    const said = this.#saidAt.get(text);
    if (said !== undefined && now - said < REPEAT_AFTER_MS) return false;
    this.#saidAt.set(text, now);
    return true;
  }

  /** A new screen: its first instruction is said whatever was said before. */
  reset(): void {
    this.#last = '';
    this.#saidAt.clear();
  }
}
