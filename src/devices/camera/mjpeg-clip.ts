/*
 * A Motion-JPEG clip as scripts/faces/make-camera-videos.ts writes it: JPEG images one after
 * another, nothing between them, played at a fixed rate and looped, as Chromium's fake capture does.
 */

/** One JPEG in the clip: its bytes are [start, end). */
export interface FrameRange {
  start: number;
  end: number;
}

const MARKER = 0xff;
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const TEM = 0x01;

/** A marker that stands alone, without a length: TEM, RST0–RST7. */
function standalone(marker: number): boolean {
  return marker === TEM || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * Where each whole JPEG in `bytes` lies. Each runs from its SOI to its EOI; segments are skipped by
 * their length and scan data to its next marker, so an EOI's two bytes inside a segment (a
 * comment, a thumbnail) do not end a frame early. A frame cut short (the clip's truncated tail)
 * or garbled is left out.
 */
export function jpegFrames(bytes: Uint8Array): FrameRange[] {
  const frames: FrameRange[] = [];
  let at = findSoi(bytes, 0);
  while (at >= 0) {
    const end = jpegEnd(bytes, at);
    if (end !== null) frames.push({ start: at, end });
    at = findSoi(bytes, end ?? at + 2);
  }
  return frames;
}

function findSoi(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] === MARKER && bytes[i + 1] === SOI) return i;
  }
  return -1;
}

/** Just past the EOI of the JPEG whose SOI is at `start`, or null when it does not end well. */
function jpegEnd(bytes: Uint8Array, start: number): number | null {
  let i = start + 2;
  while (i + 1 < bytes.length) {
    if (bytes[i] !== MARKER) return null;
    const marker = bytes[i + 1]!;
    if (marker === MARKER) {
      i += 1; // a fill byte before the marker
      continue;
    }
    if (marker === EOI) return i + 2;
    if (marker === SOI) return null;
    if (standalone(marker)) {
      i += 2;
      continue;
    }
    if (i + 3 >= bytes.length) return null;
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
    if (marker === SOS) i = scanEnd(bytes, i);
  }
  return null;
}

/** The next marker after entropy-coded data: FF 00 is a stuffed FF and RSTn sits inside the scan. */
function scanEnd(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i + 1 < bytes.length) {
    if (bytes[i] === MARKER) {
      const next = bytes[i + 1]!;
      if (next !== 0 && !(next >= 0xd0 && next <= 0xd7)) return i;
      i += 2;
    } else {
      i += 1;
    }
  }
  return bytes.length;
}

/** The frame of a looping clip of `count` frames due `elapsedMs` after it started playing. */
export function frameAt(elapsedMs: number, fps: number, count: number): number {
  return Math.floor((elapsedMs * fps) / 1000) % count;
}

/** How long after `elapsedMs` the next frame is due (never 0, so a late player does not spin). */
export function msToNextFrame(elapsedMs: number, fps: number): number {
  const next = Math.floor((elapsedMs * fps) / 1000) + 1;
  return Math.max(1, Math.ceil((next * 1000) / fps - elapsedMs));
}
