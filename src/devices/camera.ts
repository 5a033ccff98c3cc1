import { DeviceError } from './device-error';

export type CameraErrorCode = 'camera_denied' | 'camera_missing' | 'camera_failed';

export class CameraError extends DeviceError<CameraErrorCode> {}

export interface CameraHandle {
  readonly video: HTMLVideoElement;
  readonly width: number;
  readonly height: number;
  /** Stops every track and detaches the stream from the video element. Safe to call twice. */
  stop(): void;
}

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

export async function openCamera(video: HTMLVideoElement): Promise<CameraHandle> {
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
  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
  } catch (cause) {
    stop();
    throw new CameraError('camera_failed', { cause });
  }
  return { video, width: video.videoWidth, height: video.videoHeight, stop };
}
