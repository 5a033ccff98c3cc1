import SignaturePadLib from 'signature_pad';
import { Listeners } from '../listeners';
import { canvasPng, fitCanvasToScreen } from './screen-canvas';
import { PEN, type SignaturePad, type SignaturePadEventMap, type SignaturePadListener, type SignatureStrokes } from './signature-pad';
import { StrokePressure } from './stroke-pressure';

/**
 * The touchscreen as the signature pad: signature_pad on the step's canvas, written on with a
 * finger (or a stylus, whose pressure sets the width). On a tester's desktop the mouse writes: the
 * emulated case needs no driver of its own.
 */
export class TouchSignaturePad implements SignaturePad {
  readonly driver = 'touch';
  readonly #listeners = new Listeners<SignaturePadEventMap>();
  readonly #pressure = new StrokePressure();
  #pad: SignaturePadLib | null = null;
  #canvas: HTMLCanvasElement | null = null;

  attach(canvas: HTMLCanvasElement): Promise<void> {
    void this.detach();
    fitCanvasToScreen(canvas);
    const pad = new SignaturePadLib(canvas, { penColor: PEN.color, minWidth: PEN.minWidth, maxWidth: PEN.maxWidth });
    pad.addEventListener('beginStroke', () => {
      this.#pressure.reset();
      this.#listeners.emit('beginStroke', undefined);
    });
    pad.addEventListener('beforeUpdateStroke', (event) => {
      const width = this.#pressure.width((event as CustomEvent<{ pressure: number }>).detail.pressure);
      // signature_pad (5.1) sizes each curve from the widths of the stroke's own point group,
      // which toData() hands out live, velocity within them: equal ones make the pressure's width.
      const group = pad.toData().at(-1);
      if (width !== null && group) {
        group.minWidth = width;
        group.maxWidth = width;
      }
    });
    pad.addEventListener('endStroke', () => this.#listeners.emit('endStroke', undefined));
    this.#pad = pad;
    this.#canvas = canvas;
    return Promise.resolve();
  }

  strokes(): SignatureStrokes {
    return (this.#pad?.toData() ?? []).map((group) => group.points.map(({ x, y, time, pressure }) => ({ x, y, t: time, pressure })));
  }

  clear(): void {
    this.#pad?.clear();
  }

  toPng(): string {
    return this.#canvas ? canvasPng(this.#canvas) : '';
  }

  on<K extends keyof SignaturePadEventMap>(type: K, listener: SignaturePadListener<K>): () => void {
    return this.#listeners.on(type, listener);
  }

  detach(): Promise<void> {
    this.#pad?.off();
    this.#pad = null;
    this.#canvas = null;
    return Promise.resolve();
  }
}
