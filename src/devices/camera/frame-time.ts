/**
 * The colour challenge compares each frame with the colour the screen showed when the frame was
 * taken, so it needs the frame's own time, not the moment the kiosk got round to reading it: on a
 * busy terminal that moment can be a step later, and the face's colour is then set against the
 * wrong screen colour. A camera's stream tells the capture time (`captureTime`); a stream made on
 * the page (the simulated face, screen-lit-camera.ts) tells only when its frame reached the video.
 */

/** What the browser says of a frame: the fields of VideoFrameCallbackMetadata read here. */
export interface FrameMetadata {
  captureTime?: number;
  presentationTime: number;
}

/** When a frame was taken, in performance.now()'s time: the camera's capture time where it tells it. */
export function frameTime(metadata: FrameMetadata): number {
  return metadata.captureTime ?? metadata.presentationTime;
}

/**
 * Waits for the next new frame the video shows and says when it was taken; each frame is had once,
 * so a slow reader skips frames instead of reading one frame twice under two times. Where the
 * browser cannot tell (no requestVideoFrameCallback), or no frame comes within `waitMs` (a video
 * not painted), it is now, as before this was known.
 */
export function nextFrameTime(video: HTMLVideoElement, waitMs = 250): Promise<number> {
  if (typeof video.requestVideoFrameCallback !== 'function') return Promise.resolve(performance.now());
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      video.cancelVideoFrameCallback(handle);
      resolve(performance.now());
    }, waitMs);
    const handle = video.requestVideoFrameCallback((_now, metadata) => {
      clearTimeout(timer);
      resolve(frameTime(metadata));
    });
  });
}
