// A HID digitizer pad (a pen tablet in its generic HID mode) over WebHID: the pen's reports,
// read by the layout WebHID parsed from the pad's report descriptor, drawn on the step's canvas.
// Pads that speak only a vendor protocol (Wacom STU, signotec) are not read: their reports carry
// no Digitizers usages, and the kiosk reports them as `pad_unsupported`.
import { browserHid, type Hid, type HidConnectionEvent, type HidDevice, type HidInputReportEvent } from '../scanner/hid';
import { findPenLayout, readPenSample, type PenLayout } from './digitizer-report';
import { DIGITIZERS_USAGE_PAGE } from './hid-digitizer';
import { Listeners } from '../listeners';
import { padArea, penMove, toCanvas, type Box } from './pen-ink';
import { canvasPng, fitCanvasToScreen } from './screen-canvas';
import {
  PEN,
  pressureWidth,
  SignaturePadError,
  type SignaturePad,
  type SignaturePadEventMap,
  type SignaturePadListener,
  type SignaturePoint,
  type SignatureStrokes,
} from './signature-pad';

/** A pen held still keeps reporting its place; points closer than this (CSS pixels) add nothing. */
const MIN_DISTANCE = 0.5;

/** The granted pen digitizers, in the browser's order; none where there is no WebHID. */
export async function grantedPenPads(hid: Hid | undefined = browserHid()): Promise<HidDevice[]> {
  if (!hid) return [];
  const devices = await hid.getDevices();
  return devices.filter((device) => device.collections.some((c) => c.usagePage === DIGITIZERS_USAGE_PAGE));
}

/**
 * Asks the browser to grant a pad: needs a user gesture, so technician mode would call it from a
 * button. The kiosk itself relies on the WebHidAllowDevicesForUrls policy and never prompts.
 */
export async function requestPenPad(hid: Hid | undefined = browserHid()): Promise<boolean> {
  if (!hid) throw new SignaturePadError('pad_missing');
  const devices = await hid.requestDevice({ filters: [{ usagePage: DIGITIZERS_USAGE_PAGE }] });
  return devices.length > 0;
}

export interface WebHidSignaturePadOptions {
  /** Defaults to navigator.hid. */
  hid?: Hid | undefined;
  now?: () => number;
}

export class WebHidSignaturePad implements SignaturePad {
  readonly driver = 'webhid';
  readonly #hid: Hid | undefined;
  readonly #now: () => number;
  readonly #listeners = new Listeners<SignaturePadEventMap>();
  /** One object per attach(): work begun under an earlier one is undone when it finishes. */
  #run: object | null = null;
  #device: HidDevice | null = null;
  #layout: PenLayout | null = null;
  #canvas: HTMLCanvasElement | null = null;
  #area: Box = { left: 0, top: 0, width: 0, height: 0 };
  #strokes: SignatureStrokes = [];
  /** The stroke the pen is writing, null while it is lifted. */
  #stroke: SignaturePoint[] | null = null;

  constructor(options: WebHidSignaturePadOptions = {}) {
    this.#hid = 'hid' in options ? options.hid : browserHid();
    this.#now = options.now ?? Date.now;
  }

  async attach(canvas: HTMLCanvasElement): Promise<void> {
    const run = {};
    this.#run = run;
    await this.#release();
    const hid = this.#hid;
    if (!hid) throw new SignaturePadError('pad_missing');
    const pads = await grantedPenPads(hid);
    if (pads.length === 0) throw new SignaturePadError('pad_missing');
    const found = pads.map((device) => ({ device, layout: findPenLayout(device.collections) })).find((pad) => pad.layout);
    if (!found?.layout) throw new SignaturePadError('pad_unsupported');
    try {
      if (!found.device.opened) await found.device.open();
    } catch (cause) {
      throw new SignaturePadError('pad_failed', { cause });
    }
    // detach() came while the pad was opening: it must not stay open with nobody listening.
    if (this.#run !== run) {
      if (this.#device !== found.device) await found.device.close().catch(() => undefined);
      return;
    }
    const size = fitCanvasToScreen(canvas);
    this.#canvas = canvas;
    this.#area = padArea(found.layout.aspect, size);
    this.#layout = found.layout;
    this.#device = found.device;
    this.#strokes = [];
    this.#stroke = null;
    found.device.addEventListener('inputreport', this.#onReport);
    hid.addEventListener('disconnect', this.#onDisconnect);
  }

  strokes(): SignatureStrokes {
    return this.#strokes.map((stroke) => [...stroke]);
  }

  clear(): void {
    this.#strokes = [];
    this.#stroke = null;
    const canvas = this.#canvas;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
  }

  toPng(): string {
    return this.#canvas ? canvasPng(this.#canvas) : '';
  }

  on<K extends keyof SignaturePadEventMap>(type: K, listener: SignaturePadListener<K>): () => void {
    return this.#listeners.on(type, listener);
  }

  async detach(): Promise<void> {
    this.#run = null;
    await this.#release();
  }

  async #release(): Promise<void> {
    this.#hid?.removeEventListener('disconnect', this.#onDisconnect);
    const device = this.#device;
    device?.removeEventListener('inputreport', this.#onReport);
    this.#device = null;
    this.#layout = null;
    this.#canvas = null;
    this.#stroke = null;
    if (device?.opened) await device.close().catch(() => undefined);
  }

  readonly #onReport = (event: HidInputReportEvent): void => {
    const sample = this.#layout && readPenSample(this.#layout, event.reportId, event.data);
    if (!sample) return;
    const move = penMove(this.#stroke !== null, sample);
    if (move === null) return;
    if (move === 'end') {
      this.#stroke = null;
      this.#listeners.emit('endStroke', undefined);
      return;
    }
    const point = { ...toCanvas(sample, this.#area), t: this.#now(), pressure: sample.pressure ?? 0 };
    if (move === 'begin') {
      this.#stroke = [];
      this.#strokes.push(this.#stroke);
      this.#listeners.emit('beginStroke', undefined);
    }
    const stroke = this.#stroke;
    if (!stroke) return;
    const last = stroke.at(-1);
    if (last && Math.hypot(point.x - last.x, point.y - last.y) < MIN_DISTANCE) return;
    stroke.push(point);
    this.#draw(last ?? point, point, sample.pressure);
  };

  /** A segment as a round-capped line as wide as the pen presses (the middle width on a pad without pressure). */
  #draw(from: SignaturePoint, to: SignaturePoint, pressure: number | null): void {
    const context = this.#canvas?.getContext('2d');
    if (!context) return;
    const radius = pressure === null ? (PEN.minWidth + PEN.maxWidth) / 2 : pressureWidth(pressure);
    context.strokeStyle = PEN.color;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.lineWidth = radius * 2;
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
  }

  readonly #onDisconnect = (event: HidConnectionEvent): void => {
    if (event.device !== this.#device) return;
    this.#stroke = null;
    this.#listeners.emit('error', new SignaturePadError('pad_missing'));
  };
}
