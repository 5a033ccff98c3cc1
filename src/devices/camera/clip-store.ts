/*
 * Where a tester's kiosk keeps the emulated camera's clip, so it plays offline: a Cache Storage
 * cache the emulated camera alone writes, when it has fetched a clip with frames in it. A real
 * terminal (camera `camera`) never fetches the clip, so its caches never hold these 12 MB; the
 * service worker's precache leaves it out for that reason (vite.config.ts globIgnores), and its
 * clean-up of outdated precaches does not touch this cache (docs/service-worker.md).
 */

export const CLIP_CACHE = 'emulated-camera-clip';

/** The last clip that played, by its address. */
export interface ClipStore {
  get(url: string): Promise<Uint8Array<ArrayBuffer> | null>;
  put(url: string, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
}

/** The browser's Cache Storage; none where the page has no Cache API (an insecure origin): nothing kept. */
export function cacheStorageClips(storage: CacheStorage | undefined): ClipStore {
  return {
    async get(url) {
      const kept = await storage?.match(url, { cacheName: CLIP_CACHE });
      return kept ? new Uint8Array(await kept.arrayBuffer()) : null;
    },
    async put(url, bytes) {
      if (!storage) return;
      const cache = await storage.open(CLIP_CACHE);
      await cache.put(url, new Response(bytes, { headers: { 'content-type': 'video/x-motion-jpeg' } }));
    },
  };
}
