import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCamera } from './camera';
import { EMULATED_CAMERA_CLIP, EmulatedCamera } from './emulated-camera';

/** A server that answers every request with `status` and `body`, and counts what it was asked. */
function serve(status: number, body = '', type = 'video/x-motion-jpeg') {
  const asked: Array<{ url: string; method: string }> = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    asked.push({ url, method: init?.method ?? 'GET' });
    return Promise.resolve(new Response(init?.method === 'HEAD' ? null : body, { status, headers: { 'content-type': type } }));
  });
  return asked;
}

const video = {} as HTMLVideoElement; // never reached: each case fails before playing

describe('EmulatedCamera', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is present when its clip can be had, asking for its head only', async () => {
    const asked = serve(200);
    expect(await checkCamera(new EmulatedCamera())).toBeNull();
    expect(asked).toEqual([{ url: `/${EMULATED_CAMERA_CLIP}`, method: 'HEAD' }]);
  });

  it('is camera_missing when the clip is not there or the server cannot be reached', async () => {
    serve(404);
    expect(await checkCamera(new EmulatedCamera())).toBe('camera_missing');
    serve(200, '', 'text/html; charset=utf-8'); // a dev server's answer for any address: the app's page
    expect(await checkCamera(new EmulatedCamera())).toBe('camera_missing');
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await checkCamera(new EmulatedCamera())).toBe('camera_missing');
  });

  it('fails to open with camera_missing when the clip cannot be fetched, and fetches again next time', async () => {
    const asked = serve(404);
    const camera = new EmulatedCamera();
    await expect(camera.open(video)).rejects.toMatchObject({ name: 'CameraError', code: 'camera_missing' });
    await expect(camera.open(video)).rejects.toMatchObject({ code: 'camera_missing' });
    expect(asked.filter((a) => a.method === 'GET')).toHaveLength(2);
  });

  it('fails to open with camera_missing when what comes back holds no JPEG frame', async () => {
    serve(200, '<!doctype html><title>kiosk</title>');
    await expect(new EmulatedCamera().open(video)).rejects.toMatchObject({ code: 'camera_missing' });
  });
});
