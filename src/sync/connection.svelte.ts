/**
 * Whether the back office can be reached, as far as the kiosk knows: from the browser's
 * online/offline events, the steps' own calls and the outbox's sends. It is shown discreetly and
 * decides nothing by itself — each step tries its call and follows the offline policy when it fails,
 * so a citizen is never asked to wait for the network.
 */
export class Connection {
  // Until something is heard, the browser's word: a kiosk started with its cable out shows it at once.
  reachable = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  readonly #onBack: () => void;

  /** `onBack` runs when the link returns after a silence (the outbox sends what it holds). */
  constructor(onBack: () => void = () => {}) {
    this.#onBack = onBack;
  }

  heard(reached: boolean): void {
    const wasDown = !this.reachable;
    this.reachable = reached;
    if (reached && wasDown) this.#onBack();
  }
}
