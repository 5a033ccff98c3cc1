import { describe, expect, it } from 'vitest';
import { CameraError, type Camera, type CameraHandle } from '../camera/camera';
import { CameraScanner, REPEAT_HOLD_MS, type QrVideoReader } from './camera-scanner';
import type { ScanEvent, ScannerError } from './scanner';

type Attempt = Parameters<QrVideoReader['scan']>[1];
type End = NonNullable<Parameters<QrVideoReader['scan']>[2]>;

/** Stands for BrowserQRCodeReader: the test plays the frames the decoder would see. */
class FakeReader implements QrVideoReader {
  attempt: Attempt = () => {};
  end: End = () => {};
  loops = 0;
  stopped = 0;
  scanError: Error | null = null;

  scan(_video: HTMLVideoElement, onAttempt: Attempt, onEnd?: End): { stop(): void } {
    if (this.scanError) throw this.scanError;
    this.loops += 1;
    this.attempt = onAttempt;
    this.end = onEnd ?? (() => {});
    return {
      stop: () => {
        this.stopped += 1;
        this.end();
      },
    };
  }

  sees(text: string): void {
    this.attempt({ getText: () => text }, undefined);
  }

  seesNothing(): void {
    this.attempt(undefined, new Error('NotFoundException'));
  }
}

function setUp(open?: (video: HTMLVideoElement) => Promise<CameraHandle>) {
  const video = {} as HTMLVideoElement; // never played: the fake reader does not look at it
  const camera = { stops: 0, opened: [] as HTMLVideoElement[] };
  const source: Camera = {
    open:
      open ??
      ((v: HTMLVideoElement) => {
        camera.opened.push(v);
        return Promise.resolve({ video: v, width: 640, height: 480, stop: () => (camera.stops += 1) });
      }),
    present: () => Promise.resolve(true),
  };
  let now = 1000;
  const clock = { advance: (ms: number) => (now += ms) };
  const reader = new FakeReader();
  const scanner = new CameraScanner({ video, camera: source, reader, now: () => now });
  const scans: ScanEvent[] = [];
  const errors: ScannerError[] = [];
  scanner.on('scan', (event) => scans.push(event));
  scanner.on('error', (error) => errors.push(error));
  return { video, camera, clock, reader, scanner, scans, errors };
}

describe('CameraScanner', () => {
  it('opens the camera on the given video and delivers a QR seen in it as a camera read', async () => {
    const { video, camera, reader, scanner, scans } = setUp();
    await scanner.start();
    expect(camera.opened).toEqual([video]);
    reader.seesNothing();
    reader.sees('KZDOC1|850714300127|09|id_card');
    expect(scans).toEqual([{ text: 'KZDOC1|850714300127|09|id_card', source: 'camera', at: 1000 }]);
  });

  it('counts a QR held up over many frames once, and again once it has been out of sight', async () => {
    const { clock, reader, scanner, scans } = setUp();
    await scanner.start();
    for (let frame = 0; frame < 10; frame++) {
      reader.sees('A');
      clock.advance(500);
    }
    reader.sees('B');
    clock.advance(REPEAT_HOLD_MS);
    reader.sees('B');
    expect(scans.map((s) => s.text)).toEqual(['A', 'B', 'B']);
  });

  it('reports no error for the frames without a code', async () => {
    const { reader, scanner, errors } = setUp();
    await scanner.start();
    for (let frame = 0; frame < 5; frame++) reader.seesNothing();
    expect(errors).toEqual([]);
  });

  it('stops the decoding loop and the camera on stop(), and delivers nothing after', async () => {
    const { camera, reader, scanner, scans, errors } = setUp();
    await scanner.start();
    await scanner.stop();
    await scanner.stop();
    expect(reader.stopped).toBe(1);
    expect(camera.stops).toBe(1);
    reader.sees('late');
    expect(scans).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('passes the camera’s own code when it cannot open: camera_denied, camera_missing', async () => {
    for (const code of ['camera_denied', 'camera_missing'] as const) {
      const { scanner } = setUp(() => Promise.reject(new CameraError(code)));
      await expect(scanner.start()).rejects.toMatchObject({ name: 'ScannerError', code });
    }
    const { scanner } = setUp(() => Promise.reject(new Error('odd')));
    await expect(scanner.start()).rejects.toMatchObject({ code: 'camera_failed' });
  });

  it('says camera_failed and turns the camera off when the decoding loop dies', async () => {
    const { camera, reader, scanner, errors } = setUp();
    await scanner.start();
    reader.end(new Error('canvas lost'));
    expect(errors.map((e) => e.code)).toEqual(['camera_failed']);
    expect(camera.stops).toBe(1);
  });

  it('turns the camera off when the loop cannot start', async () => {
    const { camera, reader, scanner } = setUp();
    reader.scanError = new Error("Couldn't create canvas");
    await expect(scanner.start()).rejects.toMatchObject({ code: 'camera_failed' });
    expect(camera.stops).toBe(1);
  });

  it('turns off a camera that finished opening after stop()', async () => {
    let opened: (handle: CameraHandle) => void = () => {};
    let stops = 0;
    const { video, reader, scanner } = setUp(() => new Promise((resolve) => (opened = resolve)));
    const starting = scanner.start();
    await scanner.stop();
    opened({ video, width: 640, height: 480, stop: () => (stops += 1) });
    await starting;
    expect(stops).toBe(1);
    expect(reader.loops).toBe(0);
  });
});
