// Test support, Node only: golden receipts as 1-bit greyscale PNG, viewable anywhere. Compared by
// their dots, not their bytes, so a different zlib cannot fail a test.
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import type { Bitmap } from './bitmap';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

const rowBytes = (width: number): number => Math.ceil(width / 8);

export function encodePng(bitmap: Bitmap): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(bitmap.width, 0);
  header.writeUInt32BE(bitmap.height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const stride = rowBytes(bitmap.width) + 1;
  const raw = Buffer.alloc(stride * bitmap.height);
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      // Greyscale 1 is white: paper is white, a dot is black.
      if (!bitmap.dots[y * bitmap.width + x]) raw[y * stride + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** Reads back what encodePng wrote (1-bit greyscale, filter 0), nothing more. */
export function decodePng(png: Buffer): Bitmap {
  let at = SIGNATURE.length;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 1 || data[9] !== 0) throw new Error('not a 1-bit greyscale PNG');
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = rowBytes(width) + 1;
  const dots = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    if (raw[y * stride] !== 0) throw new Error('a filtered PNG row');
    for (let x = 0; x < width; x++) dots[y * width + x] = (raw[y * stride + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 0 : 1;
  }
  return { width, height, dots };
}
