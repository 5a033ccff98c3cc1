import type { Box } from '../biometrics/face-analysis';
import { MAX_PORTRAIT_BYTES } from '../protocol/photo-quality';
import { jpegWithin } from './jpeg-within';

/** 35×45 mm at 300 dpi: the size document printers expect. */
export const PORTRAIT_SIZE = { width: 413, height: 531 } as const;

/**
 * The portrait as it will be shipped, drawn from the camera at its final size on every frame: the
 * photo checks measure these pixels and the shot is encoded from them, so what passed is what is sent.
 */
export class PortraitCanvas {
  readonly #canvas = document.createElement('canvas');
  readonly #context: CanvasRenderingContext2D;

  constructor() {
    this.#canvas.width = PORTRAIT_SIZE.width;
    this.#canvas.height = PORTRAIT_SIZE.height;
    const context = this.#canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d canvas');
    this.#context = context;
  }

  /** Cuts `crop` (frame pixels) out of the camera's current frame and returns its pixels. */
  draw(source: HTMLVideoElement, crop: Box): ImageData {
    const { width, height } = PORTRAIT_SIZE;
    this.#context.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, width, height);
    return this.#context.getImageData(0, 0, width, height);
  }

  /** The last drawn portrait as base64 JPEG (no data: prefix), within MAX_PORTRAIT_BYTES. */
  jpeg(): string {
    const encoded = jpegWithin((quality) => this.#canvas.toDataURL('image/jpeg', quality).replace(/^data:image\/jpeg;base64,/, ''), MAX_PORTRAIT_BYTES);
    if (!encoded.fits) throw new Error(`portrait JPEG of ${encoded.bytes} bytes at the lowest quality`);
    return encoded.base64;
  }

  /** The canvas held a face: clear it rather than leave it to the garbage collector. */
  clear(): void {
    this.#context.clearRect(0, 0, this.#canvas.width, this.#canvas.height);
  }
}
