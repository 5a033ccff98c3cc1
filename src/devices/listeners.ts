/**
 * A device's listeners, by event: `on` returns what removes the listener; `emit` calls each one
 * registered when it began (a listener that removes itself does not skip the next). Every device
 * kind with events (scanners, signature pads) keeps its listeners here.
 */
export class Listeners<EventMap> {
  readonly #sets = new Map<keyof EventMap, Set<(event: never) => void>>();

  on<K extends keyof EventMap>(type: K, listener: (event: EventMap[K]) => void): () => void {
    let set = this.#sets.get(type);
    if (!set) this.#sets.set(type, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof EventMap>(type: K, event: EventMap[K]): void {
    for (const listener of [...(this.#sets.get(type) ?? [])]) (listener as (event: EventMap[K]) => void)(event);
  }
}
