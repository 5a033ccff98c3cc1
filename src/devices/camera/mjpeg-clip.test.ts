import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { frameAt, jpegFrames, msToNextFrame } from './mjpeg-clip';

/** A real JPEG of one colour, as ffmpeg's MJPEG muxer puts them one after another. */
function solidJpeg(width: number, height: number, grey: number): Uint8Array {
  const data = new Uint8Array(width * height * 4).fill(grey);
  return new Uint8Array(jpeg.encode({ data, width, height }, 90).data);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const bytes = (...values: number[]) => new Uint8Array(values);

describe('jpegFrames', () => {
  it('splits a clip into its JPEGs, each of which decodes to its own picture', () => {
    const pictures = [solidJpeg(32, 24, 20), solidJpeg(16, 16, 200), solidJpeg(48, 8, 120)];
    const clip = concat(...pictures);
    const frames = jpegFrames(clip);
    expect(frames.map((f) => f.end - f.start)).toEqual(pictures.map((p) => p.length));
    const decoded = frames.map(({ start, end }) => jpeg.decode(clip.subarray(start, end)));
    expect(decoded.map((d) => [d.width, d.height])).toEqual([[32, 24], [16, 16], [48, 8]]);
    expect(decoded.map((d) => Math.round(d.data[0]! / 10) * 10)).toEqual([20, 200, 120]);
  });

  it('does not end a frame at an EOI inside a segment or at stuffed and restart bytes in the scan', () => {
    const frame = bytes(
      0xff, 0xd8,
      0xff, 0xfe, 0x00, 0x06, 0xff, 0xd9, 0xff, 0xd8, // a comment holding EOI and SOI
      0xff, 0xda, 0x00, 0x03, 0x01, // a scan header
      0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, // scan data: a stuffed FF, RST0
      0xff, 0xd9,
    );
    expect(jpegFrames(concat(frame, frame))).toEqual([
      { start: 0, end: frame.length },
      { start: frame.length, end: 2 * frame.length },
    ]);
  });

  it('leaves out a frame cut short at the end of the clip, and garbage between frames', () => {
    const whole = solidJpeg(16, 16, 90);
    const clip = concat(bytes(0x00, 0x11), whole, bytes(0x42), whole, whole.subarray(0, whole.length - 40));
    expect(jpegFrames(clip)).toEqual([
      { start: 2, end: 2 + whole.length },
      { start: 3 + whole.length, end: 3 + 2 * whole.length },
    ]);
  });

  it('finds nothing in what is not a JPEG clip (the page a server answers for a missing file)', () => {
    expect(jpegFrames(new TextEncoder().encode('<!doctype html><title>kiosk</title>'))).toEqual([]);
  });
});

describe('frame timing at 30 fps', () => {
  it('shows frame n from n/30 s on, and loops', () => {
    expect(frameAt(0, 30, 540)).toBe(0);
    expect(frameAt(33, 30, 540)).toBe(0);
    expect(frameAt(34, 30, 540)).toBe(1);
    expect(frameAt(1000, 30, 540)).toBe(30);
    expect(frameAt(18_000, 30, 540)).toBe(0);
    expect(frameAt(18_050, 30, 540)).toBe(1);
  });

  it('waits until the next frame is due, and always a little', () => {
    expect(msToNextFrame(0, 30)).toBe(34);
    expect(msToNextFrame(30, 30)).toBe(4);
    expect(msToNextFrame(1000, 30)).toBe(34);
    expect(msToNextFrame(1033.3, 30)).toBe(1);
    // What the next wait lands on is the next frame.
    for (const elapsed of [0, 12.5, 33.3, 500, 999.9]) expect(frameAt(elapsed + msToNextFrame(elapsed, 30), 30, 1e6)).toBe(frameAt(elapsed, 30, 1e6) + 1);
  });
});
