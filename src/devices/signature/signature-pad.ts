import { DeviceError } from '../device-error';
import type { SignatureDriver } from '../profile';

/** A point of a stroke in the canvas's CSS pixels; `t` in epoch milliseconds, `pressure` 0…1 (0 where the hardware gives none). */
export interface SignaturePoint {
  x: number;
  y: number;
  t: number;
  pressure: number;
}

/** What the citizen drew: one array of points per stroke, in the order drawn. */
export type SignatureStrokes = SignaturePoint[][];

/**
 * `pad_missing`: the profile names a pad and none is granted to the kiosk (or there is no WebHID);
 * `pad_unsupported`: a digitizer is there but its reports carry no pen position (a vendor protocol);
 * `pad_failed`: the pad would not open.
 */
export type SignaturePadErrorCode = 'pad_missing' | 'pad_unsupported' | 'pad_failed';

export class SignaturePadError extends DeviceError<SignaturePadErrorCode> {}

export interface SignaturePadEventMap {
  beginStroke: undefined;
  endStroke: undefined;
  /** Trouble after attach() succeeded (the pad unplugged); attach() itself rejects instead. */
  error: SignaturePadError;
}

export type SignaturePadListener<K extends keyof SignaturePadEventMap> = (event: SignaturePadEventMap[K]) => void;

/**
 * Where the citizen signs: the touchscreen (signature_pad) or a pen pad whose strokes are drawn on
 * the screen's canvas. The kiosk holds one and attaches it to the canvas of the step that shows
 * it; every driver gives the same strokes, PNG and events, so the step does not care which signed.
 */
export interface SignaturePad {
  readonly driver: SignatureDriver;
  /**
   * Sizes `canvas` for the screen's pixels and starts taking strokes on it (detaching from any
   * earlier one). Rejects with a SignaturePadError.
   */
  attach(canvas: HTMLCanvasElement): Promise<void>;
  /** What has been drawn since attach() or clear(). */
  strokes(): SignatureStrokes;
  clear(): void;
  /** The canvas as a PNG, base64 without the data-URL prefix (as the session keeps it). */
  toPng(): string;
  /** Returns the function that removes the listener. */
  on<K extends keyof SignaturePadEventMap>(type: K, listener: SignaturePadListener<K>): () => void;
  /** Stops taking strokes and releases the device; safe to call twice. */
  detach(): Promise<void>;
}

/** Pen widths (as signature_pad has them: the radius in CSS pixels), light touch to firm. */
export const PEN = { color: '#0a1a3a', minWidth: 1.5, maxWidth: 4 } as const;

/** The width a pen pressure (0…1) draws with: the lightest touch the thinnest line, linearly. */
export function pressureWidth(pressure: number, pen: { minWidth: number; maxWidth: number } = PEN): number {
  const share = Math.min(Math.max(pressure, 0), 1);
  return pen.minWidth + (pen.maxWidth - pen.minWidth) * share;
}
