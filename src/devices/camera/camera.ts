import { DeviceError } from '../device-error';

export type CameraErrorCode = 'camera_denied' | 'camera_missing' | 'camera_failed';

export class CameraError extends DeviceError<CameraErrorCode> {}

export interface CameraHandle {
  readonly video: HTMLVideoElement;
  readonly width: number;
  readonly height: number;
  /** Stops every track and detaches the stream from the video element. Safe to call twice. */
  stop(): void;
}

/**
 * The camera the kiosk sees the citizen by: the terminal's own (getUserMedia) or an emulated one
 * that plays a recorded citizen, for a tester's desktop without a webcam. Each step opens it on
 * its own <video> and stops the handle when it leaves.
 */
export interface Camera {
  /** Plays the camera's picture in `video`. Rejects with a CameraError. */
  open(video: HTMLVideoElement): Promise<CameraHandle>;
  /**
   * Whether there is a camera to open, learnt without opening it: no stream, no permission prompt.
   * Rejects with a CameraError when even that cannot be asked.
   */
  present(): Promise<boolean>;
}

/**
 * Plays `stream` in `video`, muted and inline as a kiosk's preview must be. If it will not play,
 * `stop` releases the stream (the camera's light goes off) and a CameraError says so.
 */
export async function playInto(video: HTMLVideoElement, stream: MediaStream, stop: () => void): Promise<void> {
  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
  } catch (cause) {
    stop();
    throw new CameraError('camera_failed', { cause });
  }
}

/** Why no citizen could be seen now, or null when a camera is there: for the start screen's check. */
export async function checkCamera(camera: Camera): Promise<CameraErrorCode | null> {
  try {
    return (await camera.present()) ? null : 'camera_missing';
  } catch (error) {
    return error instanceof CameraError ? error.code : 'camera_failed';
  }
}
