// Pen digitizers as Chrome's WebHID gives them (HIDCollectionInfo), for report descriptors of real
// shape, and their reports. Used by the tests only.
import { USAGE_IN_RANGE, USAGE_TIP_PRESSURE, USAGE_TIP_SWITCH, USAGE_X, USAGE_Y } from './digitizer-report';
import type { HidCollectionInfo, HidReportItem } from './hid-digitizer';

export const BARREL_SWITCH = 0x000d0044;
export const INVERT = 0x000d003c;
export const ERASER = 0x000d0045;
const X_TILT = 0x000d003d;
const Y_TILT = 0x000d003e;

export function item(fields: Partial<HidReportItem>): HidReportItem {
  return {
    isConstant: false,
    isArray: false,
    isRange: false,
    usages: [],
    usageMinimum: 0,
    usageMaximum: 0,
    reportSize: 1,
    reportCount: 1,
    logicalMinimum: 0,
    logicalMaximum: 1,
    physicalMinimum: 0,
    physicalMaximum: 0,
    ...fields,
  };
}

export const padding = (bits: number) => item({ isConstant: true, reportCount: bits });

/**
 * Microsoft's sample report descriptor for an integrated pen (Windows pen devices docs): report 2;
 * tip, barrel, invert, eraser, a pad bit, in range, two pad bits; X and Y, 16 bits, with their
 * physical size in thousandths of an inch (8.25 × 6.188 in); tip pressure 0…255 in 16 bits; tilt.
 */
export function microsoftPenItems(): HidReportItem[] {
  return [
    item({ usages: [USAGE_TIP_SWITCH, BARREL_SWITCH, INVERT, ERASER], reportCount: 4 }),
    padding(1),
    item({ usages: [USAGE_IN_RANGE] }),
    padding(2),
    item({ usages: [USAGE_X], reportSize: 16, logicalMaximum: 21240, physicalMaximum: 8250 }),
    item({ usages: [USAGE_Y], reportSize: 16, logicalMaximum: 15980, physicalMaximum: 6188 }),
    item({ usages: [USAGE_TIP_PRESSURE], reportSize: 16, logicalMaximum: 255 }),
    item({ usages: [X_TILT], reportSize: 8, logicalMinimum: -127, logicalMaximum: 127 }),
    item({ usages: [Y_TILT], reportSize: 8, logicalMinimum: -127, logicalMaximum: 127 }),
  ];
}

export function penCollection(items: HidReportItem[], reportId = 2): HidCollectionInfo {
  const inputReports = [{ reportId, items }];
  // Chrome gives the report to the Stylus collection and, again, to its Pen ancestor.
  return {
    usagePage: 0x0d,
    usage: 0x02,
    type: 1,
    inputReports,
    children: [{ usagePage: 0x0d, usage: 0x20, type: 0, inputReports, children: [] }],
  };
}

export interface PenState {
  tip: boolean;
  inRange: boolean;
  x: number;
  y: number;
  pressure: number;
  tiltX?: number;
}

/** The Microsoft pen's report, the 9 bytes after its id. */
export function microsoftReportBytes(r: PenState): Uint8Array {
  const bytes = new Uint8Array(9);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, (r.tip ? 1 : 0) | (r.inRange ? 0b10_0000 : 0));
  view.setUint16(1, r.x, true);
  view.setUint16(3, r.y, true);
  view.setUint16(5, r.pressure, true);
  view.setInt8(7, r.tiltX ?? 0);
  return bytes;
}

export function microsoftReport(r: PenState): DataView {
  return new DataView(microsoftReportBytes(r).buffer);
}
