// The HID POS "scanned data" input report, as Honeywell, Zebra and Datalogic scanners send it in
// HID POS mode (USB HID Point of Sale usage tables, bar code scanner page 0x8C) and as
// @point-of-sale/webhid-barcode-scanner decodes it. After the report id, 63 bytes:
//   [0] number of data bytes in this report (at most 56)
//   [1..3] AIM symbology identifier, e.g. "]Q1" for a QR code
//   [4..59] data
//   [60..61] vendor symbology id, reserved
//   [62] non-zero when more reports follow for the same code
// Some scanners put one byte before the AIM identifier; like the library, we find it by its "]".

export const BAR_CODE_SCANNER_USAGE_PAGE = 0x8c;
export const BAR_CODE_SCANNER_USAGE = 0x02;
export const SCANNED_DATA_REPORT_ID = 0x02;
export const SCANNED_DATA_REPORT_SIZE = 63;
export const DATA_BYTES_PER_REPORT = 56;

const AIM_FLAG = 0x5d; // "]"
const DATA_OFFSET = 4;
const MORE_FLAG_OFFSET = 62;
/** A QR code holds at most 2,953 bytes; anything longer is not one code. */
const MAX_SCAN_BYTES = 4096;

/** `partial`: more reports to come, or the rest of an unreadable read dropped. */
export type AssembleResult = { kind: 'partial' } | { kind: 'done'; text: string } | { kind: 'unreadable' };

/** Joins the reports of one read into its text. One per device: reports of one code arrive in order. */
export class ScanAssembler {
  #chunks: Uint8Array[] = [];
  #length = 0;
  /** Past the limit: the rest of that read is dropped, up to its last report. */
  #discarding = false;

  push(data: DataView): AssembleResult {
    const shift = data.byteLength > 2 && data.getUint8(1) !== AIM_FLAG && data.getUint8(2) === AIM_FLAG ? 1 : 0;
    const start = DATA_OFFSET + shift;
    const declared = data.byteLength > 0 ? data.getUint8(0) : 0;
    const count = Math.max(0, Math.min(declared, data.byteLength - start));
    const more = data.byteLength > MORE_FLAG_OFFSET && data.getUint8(MORE_FLAG_OFFSET) !== 0;

    if (this.#discarding) {
      this.#discarding = more;
      return { kind: 'partial' };
    }
    this.#length += count;
    if (this.#length > MAX_SCAN_BYTES) {
      this.reset();
      this.#discarding = more;
      return { kind: 'unreadable' };
    }
    this.#chunks.push(new Uint8Array(data.buffer, data.byteOffset + start, count).slice());
    if (more) return { kind: 'partial' };

    const bytes = new Uint8Array(this.#length);
    let at = 0;
    for (const chunk of this.#chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    this.reset();
    // QR codes carry UTF-8 today; the scanner passes the bytes through untouched.
    const text = new TextDecoder().decode(bytes).replace(/[\r\n]+$/, '');
    return { kind: 'done', text };
  }

  reset(): void {
    this.#chunks = [];
    this.#length = 0;
    this.#discarding = false;
  }
}

/** The reports a scanner sends for `text` read from a QR code: what tests and the emulation feed the driver. */
export function scannedDataReports(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(`${text}\r`);
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < bytes.length; at += DATA_BYTES_PER_REPORT) {
    const chunk = bytes.subarray(at, at + DATA_BYTES_PER_REPORT);
    const report = new Uint8Array(SCANNED_DATA_REPORT_SIZE);
    report[0] = chunk.length;
    report.set([AIM_FLAG, 0x51 /* Q */, 0x31 /* 1 */], 1);
    report.set(chunk, DATA_OFFSET);
    report[MORE_FLAG_OFFSET] = at + DATA_BYTES_PER_REPORT < bytes.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}
