import { Listeners } from '../listeners';
import type { ScanEvent, ScanSource, ScannerError, ScannerEventMap, ScannerListener } from './scanner';

/** The listener bookkeeping every Scanner shares, so the events are the same whatever the reader. */
export class ScannerListeners {
  readonly #listeners = new Listeners<ScannerEventMap>();

  constructor(
    private readonly source: ScanSource,
    private readonly now: () => number = Date.now,
  ) {}

  on<K extends keyof ScannerEventMap>(type: K, listener: ScannerListener<K>): () => void {
    return this.#listeners.on(type, listener);
  }

  scan(text: string): ScanEvent {
    const event: ScanEvent = { text, source: this.source, at: this.now() };
    this.#listeners.emit('scan', event);
    return event;
  }

  error(error: ScannerError): void {
    this.#listeners.emit('error', error);
  }
}
