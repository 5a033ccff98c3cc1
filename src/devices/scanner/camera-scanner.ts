import { BrowserQRCodeReader } from '@zxing/browser';
import { CameraError, type Camera, type CameraHandle } from '../camera/camera';
import { UserMediaCamera } from '../camera/user-media-camera';
import { ScannerError, type Scanner, type ScannerEventMap, type ScannerListener } from './scanner';
import { ScannerListeners } from './scanner-listeners';

/**
 * The part of @zxing/browser's BrowserQRCodeReader used here: a decoding loop over a playing video.
 * `onAttempt` runs after every frame (a result, or an error when no code was found); `onEnd`
 * runs once when the loop ends, with the error that ended it or none after stop().
 */
export interface QrVideoReader {
  scan(
    video: HTMLVideoElement,
    onAttempt: (result: { getText(): string } | undefined, error: unknown) => void,
    onEnd?: (error?: Error) => void,
  ): { stop(): void };
}

export interface CameraScannerOptions {
  /** Where the camera's picture plays; the step shows it so the citizen can aim the QR. */
  video: HTMLVideoElement;
  /** The profile's camera (the kiosk's `camera`); the terminal's own when none is given. */
  camera?: Camera;
  reader?: QrVideoReader;
  now?: () => number;
}

/**
 * The decoder sees the same QR in frame after frame while it is held up; one showing is one
 * read. The same code counts as shown again only once it has been out of sight this long.
 */
export const REPEAT_HOLD_MS = 3000;

/** The kiosk's camera as a QR reader: the same events as the HID scanner, source 'camera'. */
export class CameraScanner implements Scanner {
  readonly source = 'camera';
  readonly #video: HTMLVideoElement;
  readonly #source: Camera;
  readonly #reader: QrVideoReader;
  readonly #now: () => number;
  readonly #listeners: ScannerListeners;
  #run: object | null = null;
  #camera: CameraHandle | null = null;
  #loop: { stop(): void } | null = null;
  #last: { text: string; at: number } | null = null;

  constructor(options: CameraScannerOptions) {
    this.#video = options.video;
    this.#source = options.camera ?? new UserMediaCamera();
    this.#reader = options.reader ?? new BrowserQRCodeReader();
    this.#now = options.now ?? Date.now;
    this.#listeners = new ScannerListeners(this.source, this.#now);
  }

  on<K extends keyof ScannerEventMap>(type: K, listener: ScannerListener<K>): () => void {
    return this.#listeners.on(type, listener);
  }

  async start(): Promise<void> {
    if (this.#run) return;
    const run = {};
    this.#run = run;
    let camera: CameraHandle;
    try {
      camera = await this.#source.open(this.#video);
    } catch (cause) {
      if (this.#run === run) this.#run = null;
      throw new ScannerError(cause instanceof CameraError ? cause.code : 'camera_failed', { cause });
    }
    if (this.#run !== run) {
      camera.stop();
      return;
    }
    this.#camera = camera;
    this.#last = null;
    try {
      const loop = this.#reader.scan(this.#video, this.#onAttempt, (error) => {
        if (error && this.#run === run) this.#fail(new ScannerError('camera_failed', { cause: error }));
      });
      // The loop may have died on its first frame, before scan() returned.
      if (this.#run === run) this.#loop = loop;
    } catch (cause) {
      this.#release();
      throw new ScannerError('camera_failed', { cause });
    }
  }

  stop(): Promise<void> {
    this.#release();
    return Promise.resolve();
  }

  readonly #onAttempt = (result: { getText(): string } | undefined): void => {
    // Frames without a code come as errors; the loop goes on by itself, so they are not ours to report.
    if (!result || !this.#run) return;
    const text = result.getText();
    const at = this.#now();
    if (this.#last && this.#last.text === text && at - this.#last.at < REPEAT_HOLD_MS) {
      this.#last.at = at;
      return;
    }
    this.#last = { text, at };
    if (text !== '') this.#listeners.scan(text);
  };

  #fail(error: ScannerError): void {
    this.#release();
    this.#listeners.error(error);
  }

  /** Ends the decoding loop and stops the camera's tracks: the light goes off. */
  #release(): void {
    this.#run = null;
    const loop = this.#loop;
    this.#loop = null;
    loop?.stop();
    this.#camera?.stop();
    this.#camera = null;
    this.#last = null;
  }
}
