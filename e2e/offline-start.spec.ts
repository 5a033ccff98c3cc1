// A kiosk that lost its link, or that starts before the link is up, still opens on the start
// screen with everything the journey needs: the service worker's precache (src/sw.ts) serves the
// app shell, fonts, face models and wasm with no network at all (docs/service-worker.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { CATALOGUES, LANG_NAMES, LANGS } from '../src/i18n';
import { OUTBOX_SYNC_TAG } from '../src/sync/background-sync';
import { expect, test } from './support/test';
import { REPO_ROOT } from './support/paths';
import { expectStep, step } from './support/kiosk';

const DIST = join(REPO_ROOT, 'dist');

/** The URLs the build put in the service worker's precache manifest. */
function precachedUrls(): string[] {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => `/${m[1] ?? ''}`);
}

/** Every file of the face models, with its size on disk. */
function modelFiles(): { url: string; size: number }[] {
  const dir = join(DIST, 'models');
  return readdirSync(dir).map((name) => ({ url: `/models/${name}`, size: statSync(join(dir, name)).size }));
}

/** Fetches from the page; a fetch the network refuses gives status 0. */
function fetchFromPage(page: Page, urls: string[]): Promise<{ url: string; status: number; size: number }[]> {
  return page.evaluate(
    (list) =>
      Promise.all(
        list.map(async (url) => {
          try {
            const response = await fetch(url);
            return { url, status: response.status, size: (await response.arrayBuffer()).byteLength };
          } catch {
            return { url, status: 0, size: 0 };
          }
        }),
      ),
    urls,
  );
}

/** Loads the kiosk online and waits until its service worker is active with the whole precache. */
async function installOnline(page: Page): Promise<void> {
  await page.goto('/?profile=test');
  await expectStep(page, 'language');
  const cached = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
    const names = (await caches.keys()).filter((name) => name.startsWith('workbox-precache'));
    const keys = await Promise.all(names.map(async (name) => (await caches.open(name)).keys()));
    return keys.flat().map((request) => new URL(request.url).pathname);
  });
  // Activation comes only after every precached file arrived: the cache holds them all.
  expect(cached.sort()).toEqual(precachedUrls().sort());
}

async function expectStartScreen(page: Page): Promise<void> {
  await expectStep(page, 'language');
  const screen = step(page, 'language');
  for (const lang of LANGS) {
    await expect(screen).toContainText(CATALOGUES[lang]['language.title']);
    await expect(screen).toContainText(LANG_NAMES[lang]);
  }
}

/** The back office answers this online; offline, the page's own fetch of it must fail. */
async function expectPageOffline(page: Page): Promise<void> {
  const [health] = await fetchFromPage(page, ['/api/v1/health']);
  expect(health?.status).toBe(0);
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await expectPageOffline(page);
}

test.describe('offline cold start', () => {
  test('a reload with no network shows the start screen, with fonts, models and wasm from the precache', async ({ page, context }) => {
    await installOnline(page);
    await goOffline(context, page);

    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await expectStartScreen(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    const models = modelFiles();
    expect(models.map((m) => m.url)).toContain('/models/face_recognition_model.bin');
    const fetched = await fetchFromPage(page, models.map((m) => m.url));
    expect(fetched).toEqual(models.map(({ url, size }) => ({ url, status: 200, size })));

    // The start screen's words are drawn in the bundled Noto Sans, loaded with no network: its
    // Cyrillic face, and the Cyrillic-extended one that holds Kazakh's own letters (Қ, Ә, Ө, Ү, Ұ, Ғ, Ң, І, Һ).
    const ranges = await page.evaluate(async () => {
      await document.fonts.ready;
      const loaded: string[] = [];
      document.fonts.forEach((font) => {
        if (font.family.includes('Noto Sans') && font.status === 'loaded') loaded.push(font.unicodeRange);
      });
      return loaded;
    });
    expect(ranges.some((range) => range.includes('U+400-45F'))).toBe(true);
    expect(ranges.some((range) => range.includes('U+460-52F'))).toBe(true);

    const assets = precachedUrls().filter((url) => /\.(woff2|wasm)$/.test(url));
    expect(assets.length).toBeGreaterThan(0);
    const assetsFetched = await fetchFromPage(page, assets);
    expect(assetsFetched.filter((a) => a.status !== 200 || a.size === 0)).toEqual([]);
  });

  test('a new page opened with no network starts too, at any address the kiosk uses', async ({ page, context }) => {
    await installOnline(page);
    await goOffline(context, page);

    const fresh = await context.newPage();
    const response = await fresh.goto('/?profile=test');
    expect(response?.fromServiceWorker()).toBe(true);
    await expectPageOffline(fresh);
    await expectStartScreen(fresh);

    // A path the kiosk never links to still gets the app, not the browser's offline page.
    const deep = await fresh.goto('/some/step?profile=test');
    expect(deep?.fromServiceWorker()).toBe(true);
    await expectStartScreen(fresh);
  });

  test("the back office's own addresses are never answered from the cache", async ({ page, context }) => {
    await installOnline(page);
    await goOffline(context, page);
    // A navigation to the API must fail as the network fails, not show the kiosk's index.html.
    await expect(page.goto('/api/v1/health')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  });
});

// Background Sync as the kiosk uses it: a packet put while the link is down, the outbox's sync
// tag registered; when the link comes back the browser fires `sync` in the service worker, which
// drains the outbox. The kiosk's page is closed first, so only the worker can have sent the packet.
// It is well formed but from a terminal the back office does not know, which the back office
// refuses for good (403 unknown_terminal): the worker must keep it, quarantined.
test('Background Sync: a sync registered offline drains the outbox from the service worker once the link is back', async ({ page, context }) => {
  await installOnline(page);
  // Same origin, but none of the kiosk's code: nothing here drains the outbox.
  const probe = await context.newPage();
  await probe.goto('/icon.svg');
  await page.close();

  await context.setOffline(true);
  const applicationId = await putRawPacket(probe);
  // What requestBackgroundSync() does after a packet is put.
  const tags = await probe.evaluate(async (tag) => {
    type SyncRegistration = ServiceWorkerRegistration & { sync: { register(tag: string): Promise<void>; getTags(): Promise<string[]> } };
    const registration = (await navigator.serviceWorker.getRegistration()) as SyncRegistration | undefined;
    await registration?.sync.register(tag);
    return registration?.sync.getTags();
  }, OUTBOX_SYNC_TAG);
  expect(tags).toEqual([OUTBOX_SYNC_TAG]);

  await context.setOffline(false);
  // One attempt only: the browser held the event while offline rather than fire it into a dead link.
  await expect.poll(() => readRawEntry(probe, applicationId)).toMatchObject({
    state: 'quarantined',
    attempts: 1,
    lastError: 'unknown_terminal',
    quarantine: { code: 'unknown_terminal', status: 403 },
  });
});

/** Writes a well-formed packet from an unknown terminal straight into the kiosk's IndexedDB. */
function putRawPacket(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kiosk');
      open.onupgradeneeded = () => {
        open.transaction?.abort();
        reject(new Error('the kiosk had not created its database'));
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const applicationId = crypto.randomUUID();
    const b64u = (n: number) => 'A'.repeat(n);
    const now = Date.now();
    const packet = {
      v: 1,
      terminalId: 'ZZ-NOT-ENROLLED',
      applicationId,
      seq: 1,
      sealedAt: new Date(now).toISOString(),
      epk: { kty: 'EC', crv: 'P-256', x: b64u(43), y: b64u(43) },
      iv: b64u(16),
      ciphertext: b64u(64),
      signature: b64u(86),
    };
    const entry = { applicationId, packet, seq: 1, state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now };
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('outbox', 'readwrite');
      tx.objectStore('outbox').add(entry);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('put failed'));
    });
    db.close();
    return applicationId;
  });
}

function readRawEntry(page: Page, applicationId: string): Promise<unknown> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kiosk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const entry = await new Promise<unknown>((resolve, reject) => {
      const get = db.transaction('outbox').objectStore('outbox').get(id);
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error ?? new Error('get failed'));
    });
    db.close();
    return entry;
  }, applicationId);
}
