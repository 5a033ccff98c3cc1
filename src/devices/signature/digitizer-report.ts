// A pen digitizer's input report, read by the layout WebHID parsed from its report descriptor:
// the HID Usage Tables' Digitizers page (0x0D) for the pen's switches and pressure, Generic
// Desktop (0x01) for its position. Fields are packed LSB first, in the order of the descriptor's items.
import { DIGITIZERS_USAGE_PAGE, PEN_COLLECTION_USAGES, type HidCollectionInfo, type HidReportItem } from './hid-digitizer';

export const USAGE_X = 0x00010030;
export const USAGE_Y = 0x00010031;
export const USAGE_TIP_PRESSURE = 0x000d0030;
export const USAGE_IN_RANGE = 0x000d0032;
export const USAGE_TIP_SWITCH = 0x000d0042;

/** Where one value sits in a report (its bits after the report id) and the range it takes. */
export interface ReportField {
  bitOffset: number;
  bitSize: number;
  logicalMinimum: number;
  logicalMaximum: number;
  signed: boolean;
}

export interface PenLayout {
  reportId: number;
  x: ReportField;
  y: ReportField;
  /** Null on a pad that senses no pressure: then the tip switch alone says the pen writes. */
  pressure: ReportField | null;
  tip: ReportField | null;
  inRange: ReportField | null;
  /** The writing area's width over its height, so the signature keeps its shape on the screen. */
  aspect: number;
}

/** One report as the pen was: position 0…1 across the writing area (left to right, top to bottom). */
export interface PenSample {
  x: number;
  y: number;
  /** 0…1, or null where the pad senses none. */
  pressure: number | null;
  /** The pen writes: its tip is down (or, without a tip switch, it presses). */
  tip: boolean;
  /** The pen is over the pad, writing or hovering. */
  inRange: boolean;
}

/**
 * The pen report of a device's collections: the first pen collection (Digitizer, Pen or Stylus on
 * the Digitizers page) with an input report that gives X, Y and a tip switch or a pressure. Null
 * when there is none — a touch screen, a vendor protocol (Wacom STU) or not a digitizer at all.
 */
export function findPenLayout(collections: readonly HidCollectionInfo[]): PenLayout | null {
  for (const collection of collections) {
    if (collection.usagePage === DIGITIZERS_USAGE_PAGE && PEN_COLLECTION_USAGES.includes(collection.usage ?? -1)) {
      for (const report of collection.inputReports ?? []) {
        const layout = penLayoutOf(report.reportId ?? 0, report.items ?? []);
        if (layout) return layout;
      }
    }
    const nested = findPenLayout(collection.children ?? []);
    if (nested) return nested;
  }
  return null;
}

function penLayoutOf(reportId: number, items: readonly HidReportItem[]): PenLayout | null {
  const fields = new Map<number, { field: ReportField; item: HidReportItem }>();
  let bitOffset = 0;
  for (const item of items) {
    const bitSize = item.reportSize ?? 0;
    const count = item.reportCount ?? 0;
    if (!item.isConstant && !item.isArray) {
      for (let index = 0; index < count; index++) {
        const usage = usageOf(item, index);
        if (usage !== undefined && !fields.has(usage)) {
          fields.set(usage, { field: fieldOf(item, bitOffset + index * bitSize, bitSize), item });
        }
      }
    }
    bitOffset += bitSize * count;
  }
  const x = fields.get(USAGE_X);
  const y = fields.get(USAGE_Y);
  const pressure = fields.get(USAGE_TIP_PRESSURE)?.field ?? null;
  const tip = fields.get(USAGE_TIP_SWITCH)?.field ?? null;
  if (!x || !y || !(pressure || tip) || !spans(x.field) || !spans(y.field)) return null;
  return { reportId, x: x.field, y: y.field, pressure, tip, inRange: fields.get(USAGE_IN_RANGE)?.field ?? null, aspect: aspectOf(x, y) };
}

/** A variable item's field `index` has the usage of the same place, the last one repeating (HID 1.11, 6.2.2.8). */
function usageOf(item: HidReportItem, index: number): number | undefined {
  if (item.isRange) {
    const usage = (item.usageMinimum ?? 0) + index;
    return usage <= (item.usageMaximum ?? -1) ? usage : item.usageMaximum;
  }
  const usages = item.usages ?? [];
  return usages[Math.min(index, usages.length - 1)];
}

function fieldOf(item: HidReportItem, bitOffset: number, bitSize: number): ReportField {
  const logicalMinimum = item.logicalMinimum ?? 0;
  let logicalMaximum = item.logicalMaximum ?? 0;
  // A maximum with its top bit set, written in as few bytes as it fits (0xFFFF as 2 bytes), is
  // read as negative by a parser that sign-extends; with a minimum of 0 it can only be unsigned.
  if (logicalMaximum < logicalMinimum && logicalMinimum >= 0 && bitSize < 32) logicalMaximum = logicalMaximum & (2 ** bitSize - 1);
  return { bitOffset, bitSize, logicalMinimum, logicalMaximum, signed: logicalMinimum < 0 };
}

function spans(field: ReportField): boolean {
  return field.bitSize > 0 && field.bitSize <= 32 && field.logicalMaximum > field.logicalMinimum;
}

/** By the physical extents where the descriptor gives them (a pad's axes may differ in resolution), else the logical ones. */
function aspectOf(x: { field: ReportField; item: HidReportItem }, y: { field: ReportField; item: HidReportItem }): number {
  const physical = (item: HidReportItem) => (item.physicalMaximum ?? 0) - (item.physicalMinimum ?? 0);
  if (physical(x.item) > 0 && physical(y.item) > 0) return physical(x.item) / physical(y.item);
  return (x.field.logicalMaximum - x.field.logicalMinimum) / (y.field.logicalMaximum - y.field.logicalMinimum);
}

/** The field's raw value, or null when the report is too short to hold it. */
export function readField(data: DataView, field: ReportField): number | null {
  if (field.bitOffset + field.bitSize > data.byteLength * 8) return null;
  let value = 0;
  for (let bit = 0; bit < field.bitSize; bit++) {
    const at = field.bitOffset + bit;
    if ((data.getUint8(at >> 3) >> (at & 7)) & 1) value += 2 ** bit;
  }
  return field.signed && value >= 2 ** (field.bitSize - 1) ? value - 2 ** field.bitSize : value;
}

/** The field's value as a share of its logical range, 0…1 (a value outside it is held at the end). */
function share(data: DataView, field: ReportField): number | null {
  const value = readField(data, field);
  if (value === null) return null;
  const s = (value - field.logicalMinimum) / (field.logicalMaximum - field.logicalMinimum);
  return Math.min(Math.max(s, 0), 1);
}

/** The pen as one input report has it; null for another report, or one too short to be the pen's. */
export function readPenSample(layout: PenLayout, reportId: number, data: DataView): PenSample | null {
  if (reportId !== layout.reportId) return null;
  const x = share(data, layout.x);
  const y = share(data, layout.y);
  const pressure = layout.pressure ? share(data, layout.pressure) : null;
  const tipValue = layout.tip ? readField(data, layout.tip) : null;
  const inRangeValue = layout.inRange ? readField(data, layout.inRange) : null;
  if (x === null || y === null || (layout.pressure && pressure === null) || (layout.tip && tipValue === null)) return null;
  return {
    x,
    y,
    pressure,
    tip: tipValue !== null ? tipValue !== 0 : (pressure ?? 0) > 0,
    inRange: inRangeValue !== null ? inRangeValue !== 0 : true,
  };
}
