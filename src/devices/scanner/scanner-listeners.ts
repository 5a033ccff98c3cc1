import type { ScanEvent, ScanSource, ScannerError, ScannerEventMap, ScannerListener } from './scanner';

/** The listener bookkeeping every Scanner shares, so the events are the same whatever the reader. */
export class ScannerListeners {
  readonly #scan = new Set<ScannerListener<'scan'>>();
  readonly #error = new Set<ScannerListener<'error'>>();

  constructor(
    private readonly source: ScanSource,
    private readonly now: () => number = Date.now,
  ) {}

  on<K extends keyof ScannerEventMap>(type: K, listener: ScannerListener<K>): () => void {
    // The map ties each key to its listener type; TypeScript cannot follow K into the branches.
    const set = (type === 'scan' ? this.#scan : this.#error) as Set<ScannerListener<K>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  scan(text: string): ScanEvent {
    const event: ScanEvent = { text, source: this.source, at: this.now() };
    for (const listener of [...this.#scan]) listener(event);
    return event;
  }

  error(error: ScannerError): void {
    for (const listener of [...this.#error]) listener(error);
  }
}
