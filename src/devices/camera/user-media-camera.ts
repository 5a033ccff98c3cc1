import { CameraError, playInto, type Camera, type CameraErrorCode, type CameraHandle } from './camera';

const CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
};

/** Maps getUserMedia's DOMException names to our codes. */
export function cameraErrorCode(error: unknown): CameraErrorCode {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'camera_denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'camera_missing';
  return 'camera_failed';
}

/** The terminal's camera, by getUserMedia (in tests: Chromium's fake capture). */
export class UserMediaCamera implements Camera {
  async open(video: HTMLVideoElement): Promise<CameraHandle> {
    if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('camera_missing');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
    } catch (cause) {
      throw new CameraError(cameraErrorCode(cause), { cause });
    }
    const stop = () => {
      for (const track of stream.getTracks()) track.stop();
      if (video.srcObject === stream) video.srcObject = null;
    };
    await playInto(video, stream, stop);
    return { video, width: video.videoWidth, height: video.videoHeight, stop };
  }

  /**
   * Before permission is granted Chromium lists at most one device of a kind, without its label,
   * and none when there is none: enough to know a camera is plugged in, with no prompt shown.
   */
  async present(): Promise<boolean> {
    if (!navigator.mediaDevices?.enumerateDevices) return false;
    let devices: MediaDeviceInfo[];
    try {
      devices = await navigator.mediaDevices.enumerateDevices();
    } catch (cause) {
      throw new CameraError('camera_failed', { cause });
    }
    return devices.some((device) => device.kind === 'videoinput');
  }
}
