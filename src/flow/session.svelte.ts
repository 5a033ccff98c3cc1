import type { Lang } from '../protocol';
import { translate, type MessageKey, type Params } from '../i18n';
import { emptySession, type SessionData } from './session-data';

/**
 * The one citizen at the kiosk. All personal data is held here, in memory only; wipe() drops it
 * and runs the hooks that devices register (camera off, canvases cleared).
 */
export class Session {
  data = $state<SessionData>(emptySession());
  // Not state: nothing on screen depends on who is listening for the wipe.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #wipeHooks = new Set<() => void>();

  get lang(): Lang {
    return this.data.lang ?? 'kk';
  }

  t = (key: MessageKey, params?: Params): string => translate(this.lang, key, params);

  update(patch: Partial<SessionData>): void {
    Object.assign(this.data, patch);
  }

  /** Registers something to erase on wipe; returns the function that unregisters it. */
  onWipe(hook: () => void): () => void {
    this.#wipeHooks.add(hook);
    return () => this.#wipeHooks.delete(hook);
  }

  wipe(): void {
    for (const hook of [...this.#wipeHooks]) hook();
    this.data = emptySession();
  }
}
