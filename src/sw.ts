// The kiosk's service worker, built by vite-plugin-pwa (injectManifest) to /sw.js. It does three
// things (docs/service-worker.md): serves the precached app shell, fonts and face models, so the
// kiosk starts with no network; waits, once installed as a new version, until the page says the
// kiosk is between citizens; and drains the outbox on Background Sync.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { drainOnSync, OUTBOX_SYNC_TAG } from './sync/background-sync';
import { createDrainer } from './sync/drain';
import { KioskDb } from './sync/kiosk-db';
import { httpSend, webLock } from './sync/sync-engine';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** Background Sync's event (Chromium); not in TypeScript's WebWorker lib. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The page that installed the worker is served by it at once: the parts the kiosk loads only when
// a citizen reaches them (the camera's code, the face worker) then come from the precache even if
// the network drops during the very first session. A new version still waits for SKIP_WAITING.
clientsClaim();
// Any address the kiosk navigates to is the app (?profile=…, a reload on a step); the back office's
// own pages (sandbox, staff console, tracking) and API are never answered from the cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /^\/sandbox\//, /^\/console(\/|$)/, /^\/track\//] }));

self.addEventListener('message', (event) => {
  // What workbox-window's messageSkipWaiting() sends; the page sends it only between citizens.
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('sync', (event: Event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  sync.waitUntil(
    drainOnSync({
      openDb: () => new KioskDb(),
      drainerFor: (db) => createDrainer({ db, send: httpSend(), now: Date.now, random: Math.random, lock: webLock }),
    }),
  );
});
