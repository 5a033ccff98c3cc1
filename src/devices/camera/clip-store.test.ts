import { describe, expect, it } from 'vitest';
import { cacheStorageClips, CLIP_CACHE } from './clip-store';

/** Enough of Cache Storage for the store: one named cache, matched by URL. */
function fakeCacheStorage() {
  const caches = new Map<string, Map<string, Response>>();
  const storage = {
    open: async (name: string) => {
      const cache = caches.get(name) ?? new Map<string, Response>();
      caches.set(name, cache);
      return { put: async (url: string, response: Response) => void cache.set(url, response) };
    },
    match: async (url: string, options?: { cacheName?: string }) => caches.get(options?.cacheName ?? '')?.get(url)?.clone(),
  };
  return { caches, storage: storage as unknown as CacheStorage };
}

describe('cacheStorageClips', () => {
  it('keeps the clip in a cache of its own, apart from the precache, and gives it back', async () => {
    const { caches, storage } = fakeCacheStorage();
    const store = cacheStorageClips(storage);
    expect(await store.get('/camera/f06-live.mjpeg')).toBeNull();
    await store.put('/camera/f06-live.mjpeg', new Uint8Array([1, 2, 3]));
    expect([...caches.keys()]).toEqual([CLIP_CACHE]);
    expect(await store.get('/camera/f06-live.mjpeg')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('keeps nothing, and fails nothing, where the page has no Cache API', async () => {
    const store = cacheStorageClips(undefined);
    await store.put('/camera/f06-live.mjpeg', new Uint8Array([1]));
    expect(await store.get('/camera/f06-live.mjpeg')).toBeNull();
  });
});
