import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCamera } from './camera';
import type { ClipStore } from './clip-store';
import { EMULATED_CAMERA_CLIP, EmulatedCamera } from './emulated-camera';

const CLIP_URL = `/${EMULATED_CAMERA_CLIP}`;
/** Two JPEGs as jpegFrames finds them (SOI … EOI), enough for a clip; the camera never decodes them here. */
const TWO_FRAMES = new Uint8Array([0xff, 0xd8, 0xff, 0xd9, 0xff, 0xd8, 0xff, 0xd9]);

/** A server that answers every request with `status` and `body`, and counts what it was asked. */
function serve(status: number, body: BodyInit | null = TWO_FRAMES, type = 'video/x-motion-jpeg') {
  const asked: Array<{ url: string; method: string }> = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    asked.push({ url, method: init?.method ?? 'GET' });
    return Promise.resolve(new Response(body, { status, headers: { 'content-type': type } }));
  });
  return asked;
}
const offline = () => vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));

/** The Cache Storage of a tester's browser, in memory. */
function memoryStore(): ClipStore & { kept: Map<string, Uint8Array<ArrayBuffer>> } {
  const kept = new Map<string, Uint8Array<ArrayBuffer>>();
  return { kept, get: async (url) => kept.get(url) ?? null, put: async (url, bytes) => void kept.set(url, bytes) };
}

const video = {} as HTMLVideoElement; // never reached: each case fails before playing

describe('EmulatedCamera', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is present once its clip is fetched, which it keeps for offline use, and fetches it once for its life', async () => {
    const asked = serve(200);
    const store = memoryStore();
    const camera = new EmulatedCamera(CLIP_URL, store);
    expect(await checkCamera(camera)).toBeNull();
    expect(await checkCamera(camera)).toBeNull();
    expect(asked).toEqual([{ url: CLIP_URL, method: 'GET' }]);
    expect(store.kept.get(CLIP_URL)).toEqual(TWO_FRAMES);
  });

  it('plays the kept clip on a kiosk that starts with no network', async () => {
    const store = memoryStore();
    serve(200);
    expect(await checkCamera(new EmulatedCamera(CLIP_URL, store))).toBeNull();
    offline();
    // A new page (a reload, a restart): nothing in memory, the kept clip on disk.
    expect(await checkCamera(new EmulatedCamera(CLIP_URL, store))).toBeNull();
  });

  it('takes a rebuilt clip from the network over the kept one', async () => {
    const store = memoryStore();
    store.kept.set(CLIP_URL, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    serve(200);
    expect(await checkCamera(new EmulatedCamera(CLIP_URL, store))).toBeNull();
    expect(store.kept.get(CLIP_URL)).toEqual(TWO_FRAMES);
  });

  it('is camera_missing when the clip is not there and none was kept, and keeps nothing that is not a clip', async () => {
    const store = memoryStore();
    serve(404);
    expect(await checkCamera(new EmulatedCamera(CLIP_URL, store))).toBe('camera_missing');
    serve(200, '<!doctype html><title>kiosk</title>', 'text/html; charset=utf-8'); // a dev server's answer for any address: the app's page
    expect(await checkCamera(new EmulatedCamera(CLIP_URL, store))).toBe('camera_missing');
    offline();
    expect(await checkCamera(new EmulatedCamera(CLIP_URL, store))).toBe('camera_missing');
    expect(store.kept.size).toBe(0);
  });

  it('still plays when the clip cannot be kept (no Cache API, a full disk)', async () => {
    serve(200);
    const failing: ClipStore = { get: () => Promise.reject(new Error('no cache')), put: () => Promise.reject(new Error('quota')) };
    expect(await checkCamera(new EmulatedCamera(CLIP_URL, failing))).toBeNull();
  });

  it('fails to open with camera_missing when the clip cannot be fetched, and fetches again next time', async () => {
    const asked = serve(404);
    const camera = new EmulatedCamera(CLIP_URL, memoryStore());
    await expect(camera.open(video)).rejects.toMatchObject({ name: 'CameraError', code: 'camera_missing' });
    await expect(camera.open(video)).rejects.toMatchObject({ code: 'camera_missing' });
    expect(asked.filter((a) => a.method === 'GET')).toHaveLength(2);
  });
});
