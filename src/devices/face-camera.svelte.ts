import type { ColourRegions, ColourSample } from '../biometrics/colour-regions';
import type { FaceAnalysis } from '../biometrics/face-analysis';
import { getFaceAnalyser, type FaceAnalyser } from '../workers/face-client';
import { CameraError, type Camera, type CameraHandle } from './camera/camera';
import { nextFrameTime } from './camera/frame-time';

/** Frames read at once while the colours show: enough for a slow round trip, few enough that a stalled worker is not flooded. */
const MAX_FRAMES_IN_FLIGHT = 3;

interface ColourSampling {
  regions: ColourRegions;
  onSample: (sample: ColourSample | null, at: number) => void;
}

export type FaceCameraError = 'camera_denied' | 'camera_missing' | 'camera_failed' | 'face_models_failed';

/**
 * The camera and the face worker together: opens the profile's camera (the kiosk's `camera`), then
 * analyses frames one after another (never two at once, so the worker is never queued) and hands
 * each result to `onFrame`. stop() turns the camera off; the session calls it on wipe too.
 */
export class FaceCamera {
  status = $state<'starting' | 'running' | 'stopped' | 'failed'>('starting');
  error = $state<FaceCameraError | null>(null);
  #handle: CameraHandle | null = null;
  #analyser: FaceAnalyser | null = null;
  #wantDescriptor = false;
  #running = false;
  #colour: ColourSampling | null = null;

  /** Run the expression net on the frames from now on (a few ms a face): the photo step's neutral face, the smile challenge. */
  expressions = false;

  constructor(
    private readonly source: Camera,
    private readonly onFrame: (analysis: FaceAnalysis, video: HTMLVideoElement) => void,
  ) {}

  async start(video: HTMLVideoElement): Promise<void> {
    this.status = 'starting';
    this.error = null;
    const opening = this.source.open(video);
    try {
      const [handle, analyser] = await Promise.all([opening, getFaceAnalyser()]);
      this.#handle = handle;
      this.#analyser = analyser;
    } catch (error) {
      // The camera may have opened though the models failed: its light must not stay on.
      void opening.then((handle) => handle.stop(), () => undefined);
      this.stop();
      this.status = 'failed';
      this.error = error instanceof CameraError ? error.code : 'face_models_failed';
      return;
    }
    if (this.status !== 'starting') return this.stop(); // stopped while starting
    this.status = 'running';
    this.#running = true;
    void this.#loop();
  }

  /** The next frame also gets a descriptor (it costs about 50 ms more, so only when needed). */
  requestDescriptor(): void {
    this.#wantDescriptor = true;
  }

  /**
   * From the next frame on, read the colour challenge's regions instead of analysing: no detection,
   * a millisecond or two a frame, so every step of the colour sequence gets frames. Each new frame
   * is read once, and `at` is when it was taken (frame-time.ts). Analysis resumes with stopSampling().
   */
  sampleColour(regions: ColourRegions, onSample: (sample: ColourSample | null, at: number) => void): void {
    this.#colour = { regions, onSample };
  }

  stopSampling(): void {
    this.#colour = null;
  }

  stop(): void {
    this.#running = false;
    this.#handle?.stop();
    this.#handle = null;
    if (this.status !== 'failed') this.status = 'stopped';
  }

  async #loop(): Promise<void> {
    while (this.#running && this.#handle && this.#analyser) {
      const video = this.#handle.video;
      const descriptor = this.#wantDescriptor;
      const colour = this.#colour;
      try {
        if (colour) {
          await this.#sampleFrames(this.#analyser, video, colour);
          continue;
        }
        const analysis = await this.#analyser.analyse(video, { descriptor, expressions: this.expressions });
        if (descriptor && analysis.descriptor) this.#wantDescriptor = false;
        if (this.#running) this.onFrame(analysis, video);
      } catch {
        // A frame the camera could not give (starting up, switching): wait a moment and go on.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /**
   * Reads every new frame while the colours show, without waiting for one reading before taking
   * the next frame: the worker's millisecond is not the cost, the round trip to it is, and on a
   * busy terminal waiting for it skipped every other frame. A frame that cannot be read is skipped.
   */
  async #sampleFrames(analyser: FaceAnalyser, video: HTMLVideoElement, colour: ColourSampling): Promise<void> {
    let inFlight = 0;
    let last: Promise<void> = Promise.resolve();
    const sampling = () => this.#running && this.#colour === colour;
    while (sampling()) {
      const at = await nextFrameTime(video);
      if (!sampling()) break;
      if (inFlight >= MAX_FRAMES_IN_FLIGHT) continue;
      inFlight += 1;
      // The worker answers in order, so the last reading asked for is the last to come.
      last = analyser.sampleColour(video, colour.regions).then(
        ({ sample }) => {
          if (sampling()) colour.onSample(sample, at);
        },
        () => undefined,
      ).finally(() => (inFlight -= 1));
    }
    await last;
  }
}
