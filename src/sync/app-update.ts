import { Workbox } from 'workbox-window';

/**
 * How often the kiosk asks for a new version. The browser checks on its own only on a navigation
 * (and on the worker's events at most once a day), and a kiosk stays on one page for days.
 */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Keeps the kiosk's code up to date without disturbing a citizen: the service worker fetches a
 * new version in the background (it installs only once every precached file has arrived), and it
 * is switched to only when the kiosk is between sessions (on the first screen). The page then
 * reloads once under the new version.
 */
export class AppUpdate {
  #workbox: Workbox | null = null;
  #waiting = false;
  #stopChecks: (() => void) | null = null;

  constructor(private readonly betweenCitizens: () => boolean) {}

  register(): void {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const workbox = new Workbox('/sw.js');
    workbox.addEventListener('waiting', () => {
      this.#waiting = true;
      this.applyIfWaiting();
    });
    // A first install takes the page over too (clientsClaim) and needs no reload; a new version,
    // switched to between citizens, reloads the page once to run its code.
    workbox.addEventListener('controlling', (event) => {
      if (event.isUpdate) location.reload();
    });
    workbox.register().catch(() => {
      // No service worker (a browser without one, or a failed fetch): the kiosk still runs online.
    });
    const timer = setInterval(() => {
      workbox.update().catch(() => {
        // Offline or the back office down: the next check tries again.
      });
    }, UPDATE_CHECK_MS);
    this.#stopChecks = () => clearInterval(timer);
    this.#workbox = workbox;
  }

  /** Switches to a waiting new version, but only while no citizen is at the kiosk. */
  applyIfWaiting(): void {
    if (this.#waiting && this.#workbox && this.betweenCitizens()) this.#workbox.messageSkipWaiting();
  }

  /** Stops the periodic checks (the page is going away). */
  dispose(): void {
    this.#stopChecks?.();
    this.#stopChecks = null;
  }
}
