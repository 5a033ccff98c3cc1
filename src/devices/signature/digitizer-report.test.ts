import { describe, expect, it } from 'vitest';
import { findPenLayout, readField, readPenSample, USAGE_IN_RANGE, USAGE_TIP_PRESSURE, USAGE_TIP_SWITCH, USAGE_X, USAGE_Y, type PenLayout } from './digitizer-report';
import { BARREL_SWITCH, ERASER, INVERT, item, microsoftPenItems, microsoftReport, padding, penCollection } from './fake-pen';
import type { HidCollectionInfo } from './hid-digitizer';

describe('findPenLayout', () => {
  it('places each pen field of Microsoft\'s sample pen by the items before it, padding included', () => {
    const layout = findPenLayout([penCollection(microsoftPenItems())]);
    expect(layout).toEqual<PenLayout>({
      reportId: 2,
      tip: { bitOffset: 0, bitSize: 1, logicalMinimum: 0, logicalMaximum: 1, signed: false },
      inRange: { bitOffset: 5, bitSize: 1, logicalMinimum: 0, logicalMaximum: 1, signed: false },
      x: { bitOffset: 8, bitSize: 16, logicalMinimum: 0, logicalMaximum: 21240, signed: false },
      y: { bitOffset: 24, bitSize: 16, logicalMinimum: 0, logicalMaximum: 15980, signed: false },
      pressure: { bitOffset: 40, bitSize: 16, logicalMinimum: 0, logicalMaximum: 255, signed: false },
      aspect: 8250 / 6188,
    });
  });

  it('finds the pen\'s report among a composite device\'s: a mouse first, then the pen nested in a vendor collection', () => {
    const mouse: HidCollectionInfo = {
      usagePage: 0x01,
      usage: 0x02,
      inputReports: [{ reportId: 1, items: [item({ usages: [USAGE_X, USAGE_Y], reportSize: 8, reportCount: 2, logicalMinimum: -127, logicalMaximum: 127 })] }],
    };
    const vendor: HidCollectionInfo = { usagePage: 0xff00, usage: 0x01, children: [penCollection(microsoftPenItems(), 7)] };
    expect(findPenLayout([mouse, vendor])?.reportId).toBe(7);
  });

  it('reads switches given as a usage range, and a 0xFFFF maximum a sign-extending parser made -1', () => {
    // A graphics tablet's pen in its generic mode: tip, barrel, secondary barrel as Usage Minimum/Maximum.
    const items = [
      item({ isRange: true, usageMinimum: USAGE_TIP_SWITCH, usageMaximum: 0x000d0044, reportCount: 3 }),
      padding(2),
      item({ usages: [USAGE_IN_RANGE] }),
      padding(2),
      item({ usages: [USAGE_X, USAGE_Y], reportSize: 16, reportCount: 2, logicalMaximum: -1 }),
      item({ usages: [USAGE_TIP_PRESSURE], reportSize: 16, logicalMaximum: 8191 }),
    ];
    const layout = findPenLayout([penCollection(items, 10)]);
    expect(layout?.tip?.bitOffset).toBe(0);
    expect(layout?.inRange?.bitOffset).toBe(5);
    expect(layout?.x).toEqual({ bitOffset: 8, bitSize: 16, logicalMinimum: 0, logicalMaximum: 0xffff, signed: false });
    expect(layout?.y.bitOffset).toBe(24);
    expect(layout?.pressure?.bitOffset).toBe(40);
    // No physical size: the logical ranges' shape.
    expect(layout?.aspect).toBe(1);
  });

  it('has no pen layout for a touch screen, a vendor protocol, or a pen report without position', () => {
    const touchScreen = { ...penCollection(microsoftPenItems()), usage: 0x04, children: [] };
    const wacomStu: HidCollectionInfo = { usagePage: 0xff00, usage: 0x01, inputReports: [{ reportId: 1, items: [item({ reportSize: 8, reportCount: 64, usages: [0xff000001] })] }] };
    const noPosition = penCollection(microsoftPenItems().filter((i) => !i.usages?.includes(USAGE_X)));
    expect(findPenLayout([touchScreen])).toBeNull();
    expect(findPenLayout([wacomStu])).toBeNull();
    expect(findPenLayout([noPosition])).toBeNull();
    expect(findPenLayout([])).toBeNull();
  });

  it('takes pressure alone as the tip where the pen has no tip switch', () => {
    const items = microsoftPenItems().slice(1);
    items.unshift(item({ usages: [BARREL_SWITCH, INVERT, ERASER, ERASER], reportCount: 4 }));
    const layout = findPenLayout([penCollection(items)]);
    expect(layout?.tip).toBeNull();
    if (!layout) throw new Error('no layout');
    expect(readPenSample(layout, 2, microsoftReport({ tip: false, inRange: true, x: 0, y: 0, pressure: 40 }))?.tip).toBe(true);
    expect(readPenSample(layout, 2, microsoftReport({ tip: false, inRange: true, x: 0, y: 0, pressure: 0 }))?.tip).toBe(false);
  });
});

describe('readPenSample', () => {
  const layout = findPenLayout([penCollection(microsoftPenItems())]);
  if (!layout) throw new Error('the Microsoft pen has a layout');

  it('gives the position and pressure as shares of their ranges, with the tip and range bits', () => {
    const sample = readPenSample(layout, 2, microsoftReport({ tip: true, inRange: true, x: 10620, y: 3995, pressure: 51, tiltX: -20 }));
    expect(sample).toEqual({ x: 0.5, y: 0.25, pressure: 0.2, tip: true, inRange: true });
  });

  it('tells a hovering pen from a writing one', () => {
    expect(readPenSample(layout, 2, microsoftReport({ tip: false, inRange: true, x: 0, y: 15980, pressure: 0 }))).toEqual({
      x: 0,
      y: 1,
      pressure: 0,
      tip: false,
      inRange: true,
    });
  });

  it('holds a value past the logical maximum at the edge', () => {
    expect(readPenSample(layout, 2, microsoftReport({ tip: true, inRange: true, x: 30000, y: 0, pressure: 300 }))).toMatchObject({ x: 1, pressure: 1 });
  });

  it('ignores another report id and a report too short to hold the pen', () => {
    expect(readPenSample(layout, 1, microsoftReport({ tip: true, inRange: true, x: 1, y: 1, pressure: 1 }))).toBeNull();
    expect(readPenSample(layout, 2, new DataView(new ArrayBuffer(4)))).toBeNull();
  });
});

describe('readField', () => {
  it('reads fields packed LSB first across byte boundaries, signed where the minimum is negative', () => {
    // 0b1011_0110 0b0000_0011 0xEC: 4 bits at 2 are 0b1101; 6 bits at 6 run into the second byte, 0b001110; 0xEC as int8 is -20.
    const view = new DataView(new Uint8Array([0b1011_0110, 0b0000_0011, 0xec]).buffer);
    expect(readField(view, { bitOffset: 2, bitSize: 4, logicalMinimum: 0, logicalMaximum: 15, signed: false })).toBe(0b1101);
    expect(readField(view, { bitOffset: 6, bitSize: 6, logicalMinimum: 0, logicalMaximum: 63, signed: false })).toBe(0b001110);
    expect(readField(view, { bitOffset: 16, bitSize: 8, logicalMinimum: -127, logicalMaximum: 127, signed: true })).toBe(-20);
    expect(readField(view, { bitOffset: 16, bitSize: 16, logicalMinimum: 0, logicalMaximum: 1, signed: false })).toBeNull();
  });
});
