import { describe, expect, it } from 'vitest';
import { FakeHid, FakeHidDevice } from '../scanner/fake-hid';
import { checkSignaturePad } from './create-signature-pad';
import type { HidCollectionInfo } from './hid-digitizer';
import { microsoftPenItems, microsoftReportBytes, penCollection, type PenState } from './fake-pen';
import { pressureWidth, SignaturePadError } from './signature-pad';
import { WebHidSignaturePad } from './webhid-signature-pad';

/** A canvas of 400×300 CSS pixels that records the lines drawn on it. */
function fakeCanvas() {
  const lines: { from: [number, number]; to: [number, number]; width: number }[] = [];
  let from: [number, number] = [0, 0];
  const context = {
    lineWidth: 1,
    strokeStyle: '',
    lineCap: '',
    lineJoin: '',
    scale: () => undefined,
    beginPath: () => undefined,
    moveTo: (x: number, y: number) => (from = [x, y]),
    lineTo: (x: number, y: number) => lines.push({ from, to: [x, y], width: context.lineWidth }),
    stroke: () => undefined,
    clearRect: () => lines.splice(0),
  };
  const canvas = { offsetWidth: 400, offsetHeight: 300, width: 0, height: 0, getContext: () => context, toDataURL: () => 'data:image/png;base64,iVBORw0KGgo=' };
  return { canvas: canvas as unknown as HTMLCanvasElement, lines };
}

/** A pad granted to the kiosk, as the Microsoft sample pen: 21240×15980, 8.25×6.188 in. */
function grantedPad() {
  const device = new FakeHidDevice(0x056a, [penCollection(microsoftPenItems())], 0x0001);
  const hid = new FakeHid([device]);
  let now = 1_000;
  const pad = new WebHidSignaturePad({ hid, now: () => now++ });
  const pen = (state: PenState) => device.report(microsoftReportBytes(state), 2);
  return { device, hid, pad, pen };
}

const down = (x: number, y: number, pressure = 128): PenState => ({ tip: true, inRange: true, x, y, pressure });
const lifted = (x: number, y: number): PenState => ({ tip: false, inRange: true, x, y, pressure: 0 });

describe('WebHidSignaturePad', () => {
  it('turns the pen\'s reports into strokes on the canvas, in its CSS pixels, as wide as the pen presses', async () => {
    const { device, pad, pen } = grantedPad();
    const { canvas, lines } = fakeCanvas();
    const events: string[] = [];
    pad.on('beginStroke', () => events.push('begin'));
    pad.on('endStroke', () => events.push('end'));
    await pad.attach(canvas);
    expect(device.opened).toBe(true);

    // The pad (4:3) fills the 400×300 canvas; hovering draws nothing.
    pen(lifted(0, 0));
    pen(down(0, 0, 255));
    pen(down(10620, 7990, 51));
    pen(down(21240, 15980, 51));
    pen(lifted(21240, 15980));
    pen(down(10620, 0));
    pen(down(10620, 15980));
    pen({ tip: false, inRange: false, x: 0, y: 0, pressure: 0 });

    expect(events).toEqual(['begin', 'end', 'begin', 'end']);
    const strokes = pad.strokes();
    const at = (x: number, y: number) => expect.objectContaining({ x: expect.closeTo(x, 0) as number, y: expect.closeTo(y, 0) as number });
    expect(strokes).toEqual([
      [at(0, 0), at(200, 150), at(400, 300)],
      [at(200, 0), at(200, 300)],
    ]);
    expect(strokes[0]?.map((p) => p.pressure)).toEqual([1, 0.2, 0.2]);
    expect(strokes[0]?.map((p) => p.t)).toEqual([1000, 1001, 1002]);
    // A dot where the tip lands, then a segment per report.
    expect(lines.map((l) => l.width)).toEqual([pressureWidth(1) * 2, pressureWidth(0.2) * 2, pressureWidth(0.2) * 2, pressureWidth(128 / 255) * 2, pressureWidth(128 / 255) * 2]);
    expect(lines[1]).toMatchObject({ from: [expect.closeTo(0, 0) as number, 0], to: [expect.closeTo(200, 0) as number, expect.closeTo(150, 0) as number] });
    expect(pad.toPng()).toBe('iVBORw0KGgo=');
  });

  it('forgets the strokes and wipes the canvas on clear()', async () => {
    const { pad, pen } = grantedPad();
    const { canvas, lines } = fakeCanvas();
    await pad.attach(canvas);
    pen(down(0, 0));
    pen(down(5000, 5000));
    pad.clear();
    expect(pad.strokes()).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('lets the pad go on detach(): closed, and its reports no longer drawn', async () => {
    const { device, pad, pen } = grantedPad();
    await pad.attach(fakeCanvas().canvas);
    await pad.detach();
    expect(device.opened).toBe(false);
    expect(device.listeners.size).toBe(0);
    pen(down(0, 0));
    expect(pad.strokes()).toEqual([]);
  });

  it('refuses to attach without a granted pad, with a digitizer it cannot read, or one that will not open', async () => {
    const noPad = new WebHidSignaturePad({ hid: new FakeHid([]) });
    await expect(noPad.attach(fakeCanvas().canvas)).rejects.toEqual(new SignaturePadError('pad_missing'));
    await expect(new WebHidSignaturePad({ hid: undefined }).attach(fakeCanvas().canvas)).rejects.toEqual(new SignaturePadError('pad_missing'));

    const noPenReport: HidCollectionInfo[] = [{ usagePage: 0x0d, usage: 0x02, inputReports: [] }];
    const vendorOnly = new FakeHidDevice(0x056a, noPenReport);
    const unreadable = new WebHidSignaturePad({ hid: new FakeHid([vendorOnly]) });
    await expect(unreadable.attach(fakeCanvas().canvas)).rejects.toMatchObject({ code: 'pad_unsupported' });

    const { device, pad } = grantedPad();
    device.openError = new DOMException('Failed to open the device.', 'NotAllowedError');
    await expect(pad.attach(fakeCanvas().canvas)).rejects.toMatchObject({ code: 'pad_failed' });
  });

  it('says the pad is missing when it is unplugged while the citizen signs', async () => {
    const { device, hid, pad } = grantedPad();
    const errors: string[] = [];
    pad.on('error', (error) => errors.push(error.code));
    await pad.attach(fakeCanvas().canvas);
    hid.unplug(new FakeHidDevice());
    hid.unplug(device);
    expect(errors).toEqual(['pad_missing']);
  });

  it('does not keep the pad open when detached while it opens', async () => {
    const { device, pad } = grantedPad();
    let open!: () => void;
    device.openGate = new Promise((resolve) => (open = resolve));
    const attaching = pad.attach(fakeCanvas().canvas);
    const detaching = pad.detach();
    open();
    await Promise.all([attaching, detaching]);
    expect(device.opened).toBe(false);
    expect(device.listeners.size).toBe(0);
  });
});

describe('checkSignaturePad', () => {
  it('is always content with the touchscreen', async () => {
    expect(await checkSignaturePad('touch', { hid: undefined })).toBeNull();
  });

  it('wants a granted digitizer for a WebHID pad: none, only a barcode scanner, or no WebHID at all is `pad_missing`', async () => {
    expect(await checkSignaturePad('webhid', { hid: grantedPad().hid })).toBeNull();
    expect(await checkSignaturePad('webhid', { hid: new FakeHid([]) })).toBe('pad_missing');
    expect(await checkSignaturePad('webhid', { hid: new FakeHid([new FakeHidDevice()]) })).toBe('pad_missing');
    expect(await checkSignaturePad('webhid', { hid: undefined })).toBe('pad_missing');
  });
});
