import type { SignaturePadEventMap, SignaturePadListener } from './signature-pad';

/** The listeners of one pad, by event. */
export class PadListeners {
  readonly #listeners: { [K in keyof SignaturePadEventMap]: Set<SignaturePadListener<K>> } = {
    beginStroke: new Set(),
    endStroke: new Set(),
    error: new Set(),
  };

  on<K extends keyof SignaturePadEventMap>(type: K, listener: SignaturePadListener<K>): () => void {
    const set = this.#listeners[type] as Set<SignaturePadListener<K>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof SignaturePadEventMap>(type: K, event: SignaturePadEventMap[K]): void {
    for (const listener of [...(this.#listeners[type] as Set<SignaturePadListener<K>>)]) listener(event);
  }
}
