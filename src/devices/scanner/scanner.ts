import { DeviceError } from '../device-error';

/** Which reader saw the code: the HID POS scanner, the kiosk's camera, or a tester's typing. */
export type ScanSource = 'hid' | 'camera' | 'emulated';

export interface ScanEvent {
  /** The code's content as the reader decoded it, without the scanner's terminating CR. */
  text: string;
  source: ScanSource;
  /** Epoch milliseconds. */
  at: number;
}

/**
 * `scanner_missing`: no scanner granted to the kiosk (or no WebHID); `scanner_not_pos_mode`: a
 * scanner is there but speaks keyboard, not HID POS — a technician rescans its setup barcode;
 * `scanner_failed`: the device would not open or broke; `scanner_disconnected`: unplugged while
 * listening (it is picked up again when plugged back); `scan_unreadable`: a read that could not be
 * assembled (too long, out of order). The camera's own codes come through unchanged.
 */
export type ScannerErrorCode =
  | 'scanner_missing'
  | 'scanner_not_pos_mode'
  | 'scanner_failed'
  | 'scanner_disconnected'
  | 'scan_unreadable'
  | 'camera_denied'
  | 'camera_missing'
  | 'camera_failed';

export class ScannerError extends DeviceError<ScannerErrorCode> {}

export interface ScannerEventMap {
  scan: ScanEvent;
  /** Trouble after start() succeeded; start() itself rejects with a ScannerError instead. */
  error: ScannerError;
}

export type ScannerListener<K extends keyof ScannerEventMap> = (event: ScannerEventMap[K]) => void;

/**
 * A reader of barcodes and QR codes. Codes are delivered only between start() and stop(); both
 * are safe to call twice. Every implementation gives the same events, so a step does not care
 * whether the citizen held the QR to the scanner or to the camera.
 */
export interface Scanner {
  readonly source: ScanSource;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Returns the function that removes the listener. */
  on<K extends keyof ScannerEventMap>(type: K, listener: ScannerListener<K>): () => void;
}
