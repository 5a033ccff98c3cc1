import { describe, expect, it, vi } from 'vitest';
import { frameTime, nextFrameTime } from './frame-time';

describe("a frame's time", () => {
  it("is the camera's capture time where the stream tells it, else when the frame reached the video", () => {
    expect(frameTime({ captureTime: 948.6, presentationTime: 952.5 })).toBe(948.6);
    expect(frameTime({ presentationTime: 395 })).toBe(395);
  });

  it('is had from the next frame the video shows, once', async () => {
    let callback: ((now: number, metadata: { captureTime?: number; presentationTime: number }) => void) | undefined;
    const video = {
      requestVideoFrameCallback: vi.fn((cb: typeof callback) => {
        callback = cb;
        return 1;
      }),
      cancelVideoFrameCallback: vi.fn(),
    } as unknown as HTMLVideoElement;
    const next = nextFrameTime(video);
    callback!(1000, { captureTime: 990, presentationTime: 998 });
    await expect(next).resolves.toBe(990);
    expect(video.cancelVideoFrameCallback).not.toHaveBeenCalled();
  });

  it('is now where the browser cannot tell, or no frame comes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      vi.advanceTimersByTime(5000);
      await expect(nextFrameTime({} as HTMLVideoElement)).resolves.toBe(5000);
      const unpainted = { requestVideoFrameCallback: () => 7, cancelVideoFrameCallback: vi.fn() } as unknown as HTMLVideoElement;
      const next = nextFrameTime(unpainted, 250);
      vi.advanceTimersByTime(250);
      await expect(next).resolves.toBe(5250);
      expect(unpainted.cancelVideoFrameCallback).toHaveBeenCalledWith(7);
    } finally {
      vi.useRealTimers();
    }
  });
});
