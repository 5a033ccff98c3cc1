// The part of WebHID's parsed report descriptor the pen pad driver reads (WebHID spec, "HIDReportItem").
// scanner/hid.ts has the device and the events; every device's collections also carry their reports.
import type { HidCollection } from '../scanner/hid';

export interface HidReportItem {
  readonly isConstant?: boolean;
  readonly isArray?: boolean;
  readonly isRange?: boolean;
  /** 32-bit usages: the usage page in the high 16 bits. */
  readonly usages?: readonly number[];
  readonly usageMinimum?: number;
  readonly usageMaximum?: number;
  /** Bits per field. */
  readonly reportSize?: number;
  /** Fields in the item. */
  readonly reportCount?: number;
  readonly logicalMinimum?: number;
  readonly logicalMaximum?: number;
  readonly physicalMinimum?: number;
  readonly physicalMaximum?: number;
}

export interface HidReportInfo {
  readonly reportId?: number;
  readonly items?: readonly HidReportItem[];
}

/**
 * A collection with its input reports. Chrome adds every report item to its collection and to all
 * the collection's ancestors, so a top-level collection holds its whole reports, in descriptor order.
 */
export interface HidCollectionInfo extends HidCollection {
  /** 0 physical, 1 application, 2 logical… (HID 1.11, 6.2.2.6). */
  readonly type?: number;
  readonly children?: readonly HidCollectionInfo[];
  readonly inputReports?: readonly HidReportInfo[];
}

export const DIGITIZERS_USAGE_PAGE = 0x0d;
/** Digitizer, Pen (an application collection) and Stylus (the pen's physical collection); not Touch Screen, a finger's. */
export const PEN_COLLECTION_USAGES: readonly number[] = [0x01, 0x02, 0x20];

