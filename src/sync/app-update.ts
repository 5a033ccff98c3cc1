import { Workbox } from 'workbox-window';

/**
 * Keeps the kiosk's code up to date without disturbing a citizen: the service worker fetches a
 * new version in the background, and it is switched to only when the kiosk is between sessions
 * (on the first screen). The page then reloads once under the new version.
 */
export class AppUpdate {
  #workbox: Workbox | null = null;
  #waiting = false;

  constructor(private readonly betweenCitizens: () => boolean) {}

  register(): void {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const workbox = new Workbox('/sw.js');
    workbox.addEventListener('waiting', () => {
      this.#waiting = true;
      this.applyIfWaiting();
    });
    workbox.addEventListener('controlling', () => location.reload());
    workbox.register().catch(() => {
      // No service worker (a browser without one, or a failed fetch): the kiosk still runs online.
    });
    this.#workbox = workbox;
  }

  /** Switches to a waiting new version, but only while no citizen is at the kiosk. */
  applyIfWaiting(): void {
    if (this.#waiting && this.#workbox && this.betweenCitizens()) this.#workbox.messageSkipWaiting();
  }
}
