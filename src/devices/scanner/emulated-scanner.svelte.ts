import type { Scanner, ScannerEventMap, ScannerListener } from './scanner';
import { ScannerListeners } from './scanner-listeners';

/**
 * The tester's scanner: scan(text) stands for a code held to the reader. `listening` is state so a
 * tester's panel can offer its text field only while a step listens, as a real scanner would only
 * be read then.
 */
export class EmulatedScanner implements Scanner {
  readonly source = 'emulated';
  listening = $state(false);
  readonly #listeners: ScannerListeners;

  constructor(now?: () => number) {
    this.#listeners = new ScannerListeners(this.source, now);
  }

  start(): Promise<void> {
    this.listening = true;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.listening = false;
    return Promise.resolve();
  }

  on<K extends keyof ScannerEventMap>(type: K, listener: ScannerListener<K>): () => void {
    return this.#listeners.on(type, listener);
  }

  /** Delivers `text` as a read; false when nothing listens (stopped), as a real scan would be lost. */
  scan(text: string): boolean {
    if (!this.listening) return false;
    this.#listeners.scan(text);
    return true;
  }
}
