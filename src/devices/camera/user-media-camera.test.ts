import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCamera } from './camera';
import { cameraErrorCode, UserMediaCamera } from './user-media-camera';

const named = (name: string) => Object.assign(new Error('x'), { name });

describe('cameraErrorCode', () => {
  it('maps a refused permission to camera_denied', () => {
    expect(cameraErrorCode(named('NotAllowedError'))).toBe('camera_denied');
    expect(cameraErrorCode(named('SecurityError'))).toBe('camera_denied');
  });

  it('maps an absent device to camera_missing', () => {
    expect(cameraErrorCode(named('NotFoundError'))).toBe('camera_missing');
    expect(cameraErrorCode(named('OverconstrainedError'))).toBe('camera_missing');
  });

  it('maps anything else, such as a camera held by another program, to camera_failed', () => {
    expect(cameraErrorCode(named('NotReadableError'))).toBe('camera_failed');
    expect(cameraErrorCode('weird')).toBe('camera_failed');
  });
});

/** A browser whose enumerateDevices lists these kinds, as Chromium does before permission: no ids, no labels. */
function browserWith(kinds: MediaDeviceKind[] | Error) {
  const getUserMedia = vi.fn();
  const enumerateDevices = () =>
    kinds instanceof Error ? Promise.reject(kinds) : Promise.resolve(kinds.map((kind) => ({ kind, deviceId: '', groupId: '', label: '' })));
  vi.stubGlobal('navigator', { mediaDevices: { enumerateDevices, getUserMedia } });
  return { getUserMedia };
}

describe('checkCamera on the terminal camera', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('finds a plugged-in camera without opening it', async () => {
    const { getUserMedia } = browserWith(['audioinput', 'videoinput', 'audiooutput']);
    expect(await checkCamera(new UserMediaCamera())).toBeNull();
    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it('says camera_missing when only sound devices are listed, or the browser has no media devices', async () => {
    browserWith(['audioinput', 'audiooutput']);
    expect(await checkCamera(new UserMediaCamera())).toBe('camera_missing');
    vi.stubGlobal('navigator', {});
    expect(await checkCamera(new UserMediaCamera())).toBe('camera_missing');
  });

  it('says camera_failed when the devices cannot be listed', async () => {
    browserWith(new Error('boom'));
    expect(await checkCamera(new UserMediaCamera())).toBe('camera_failed');
  });

  it('opening without media devices rejects with camera_missing', async () => {
    vi.stubGlobal('navigator', {});
    await expect(new UserMediaCamera().open({} as HTMLVideoElement)).rejects.toMatchObject({ name: 'CameraError', code: 'camera_missing' });
  });
});
