// Test support: reads back the ESC/POS commands a receipt is made of, so a test asserts on what
// the printer will do rather than on bytes. Knows the commands the encoder writes; anything else
// is an error, so a new command cannot slip through unread.
import { blankBitmap, type Bitmap } from './bitmap';

export type EscPosCommand =
  | { type: 'initialise' }
  | { type: 'single-byte' }
  | { type: 'font'; n: number }
  | { type: 'codepage'; n: number }
  | { type: 'align'; n: number }
  | { type: 'text'; bytes: Uint8Array }
  | { type: 'feed' }
  | { type: 'raster'; bitmap: Bitmap }
  | { type: 'qr'; fn: number; params: Uint8Array }
  | { type: 'cut'; partial: boolean };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;
const CR = 0x0d;

export function decodeEscPos(bytes: Uint8Array): EscPosCommand[] {
  const commands: EscPosCommand[] = [];
  let i = 0;
  const byte = (at: number): number => {
    const value = bytes[at];
    if (value === undefined) throw new Error(`command cut short at byte ${at}`);
    return value;
  };
  while (i < bytes.length) {
    const b = byte(i);
    const next = bytes[i + 1];
    if (b === ESC && next === 0x40) {
      commands.push({ type: 'initialise' });
      i += 2;
    } else if (b === ESC && next === 0x74) {
      commands.push({ type: 'codepage', n: byte(i + 2) });
      i += 3;
    } else if (b === ESC && next === 0x61) {
      commands.push({ type: 'align', n: byte(i + 2) });
      i += 3;
    } else if (b === ESC && next === 0x4d) {
      commands.push({ type: 'font', n: byte(i + 2) });
      i += 3;
    } else if (b === FS && next === 0x2e) {
      commands.push({ type: 'single-byte' });
      i += 2;
    } else if (b === GS && next === 0x76 && bytes[i + 2] === 0x30) {
      const widthBytes = byte(i + 4) + byte(i + 5) * 256;
      const height = byte(i + 6) + byte(i + 7) * 256;
      const start = i + 8;
      const end = start + widthBytes * height;
      if (end > bytes.length) throw new Error(`raster image cut short at byte ${i}`);
      const bitmap = blankBitmap(widthBytes * 8, height);
      for (let k = 0; k < widthBytes * height; k++) {
        const packed = byte(start + k);
        for (let bit = 0; bit < 8; bit++) bitmap.dots[k * 8 + bit] = (packed >> (7 - bit)) & 1;
      }
      commands.push({ type: 'raster', bitmap });
      i = end;
    } else if (b === GS && next === 0x28 && bytes[i + 2] === 0x6b) {
      const length = byte(i + 3) + byte(i + 4) * 256;
      if (byte(i + 5) !== 0x31) throw new Error(`GS ( k for a symbol other than QR at byte ${i}`);
      commands.push({ type: 'qr', fn: byte(i + 6), params: bytes.slice(i + 7, i + 5 + length) });
      i += 5 + length;
    } else if (b === GS && next === 0x56) {
      const m = byte(i + 2);
      commands.push({ type: 'cut', partial: m === 1 || m === 49 || m === 66 });
      i += m >= 65 ? 4 : 3;
    } else if (b === LF) {
      commands.push({ type: 'feed' });
      i += 1;
    } else if (b === CR) {
      i += 1;
    } else if (b >= 0x20) {
      let end = i;
      while (end < bytes.length && byte(end) >= 0x20) end++;
      commands.push({ type: 'text', bytes: bytes.slice(i, end) });
      i = end;
    } else {
      throw new Error(`unknown command 0x${b.toString(16)} 0x${(next ?? 0).toString(16)} at byte ${i}`);
    }
  }
  return commands;
}

/** The images as printed: consecutive raster bands with nothing between them join into one image. */
export function rasterImages(commands: readonly EscPosCommand[]): Bitmap[] {
  const images: Bitmap[][] = [];
  let previous: EscPosCommand | undefined;
  for (const command of commands) {
    if (command.type === 'raster') {
      if (previous?.type === 'raster') images.at(-1)?.push(command.bitmap);
      else images.push([command.bitmap]);
    }
    previous = command;
  }
  return images.map(stack);
}

/** Bitmaps of one width stacked top to bottom. */
export function stack(bitmaps: readonly Bitmap[]): Bitmap {
  const width = bitmaps[0]?.width ?? 0;
  const out = blankBitmap(width, bitmaps.reduce((sum, b) => sum + b.height, 0));
  let y = 0;
  for (const bitmap of bitmaps) {
    if (bitmap.width !== width) throw new Error(`a bitmap ${bitmap.width} dots wide under one ${width} wide`);
    out.dots.set(bitmap.dots, y * width);
    y += bitmap.height;
  }
  return out;
}
