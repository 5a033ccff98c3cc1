import './node-image-data';
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as encodeQr } from 'uqr';
import { describe, expect, it } from 'vitest';
import { applicationNumber } from '../../domain/application';
import type { TerminalIdentity } from '../../flow/readiness.svelte';
import { emptySession, type SessionData } from '../../flow/session-data';
import type { Lang } from '../../protocol';
import { DEFERRED_CHECKS } from '../../protocol/packets';
import { printableReceipt } from '../../steps/receipt-job';
import type { Bitmap } from './bitmap';
import { encodeReceipt } from './escpos';
import { decodeEscPos, rasterImages, stack, type EscPosCommand } from './escpos-decode';
import { decodePng, encodePng } from './png';
import { receiptTextLines, type PrintableReceipt } from './printable-receipt';
import { PRINTER_MODELS, type PrinterModelId } from './printer-models';
import { loadReceiptFont } from './receipt-font-files';
import { wrapMeasured } from './receipt-raster';

const font = loadReceiptFont();
const TERMINAL: TerminalIdentity = { terminalId: 'SBX-ABCD2345', centreId: 'AST-ESIL', publicUrl: 'https://track.example.kz' };
const NUMBER = applicationNumber('0f4c1b7e-2d3a-4b6c-9e8f-1a2b3c4d5e6f');
/** What the receipt's QR opens: the tracking page at the back office's public address, in the receipt's language. */
const trackingUrl = (lang: Lang) => `https://track.example.kz/track/${NUMBER}?lang=${lang}`;
const GOLDEN = join(import.meta.dirname, '__golden__');

/** A provisional receipt: it has every part (notes, rows, QR, footer). */
function receiptIn(lang: Lang): PrintableReceipt {
  const data: SessionData = {
    ...emptySession(),
    lang,
    service: '07',
    document: 'id_card',
    iin: '880415300127',
    citizen: null,
    phone: '+77011234567',
    payment: { paymentId: null, amountTiyn: 86_500, status: 'deferred' },
    application: { id: '0f4c1b7e-2d3a-4b6c-9e8f-1a2b3c4d5e6f', number: NUMBER, createdAt: '2026-03-02T05:15:30.123Z' },
    sealed: { readyBy: '2026-03-23', pendingChecks: [...DEFERRED_CHECKS] },
  };
  return printableReceipt(data, TERMINAL);
}

const printing = (commands: readonly EscPosCommand[]) => commands.filter((c) => c.type !== 'feed');
const ofType = <T extends EscPosCommand['type']>(commands: readonly EscPosCommand[], type: T) =>
  commands.filter((c): c is Extract<EscPosCommand, { type: T }> => c.type === type);

/** The QR read back from an image: its modules sampled at their centres, after finding its size from the black bounding box. */
function readQr(bitmap: Bitmap, modules: number): { moduleDots: number; matrix: boolean[][] } {
  let left = bitmap.width;
  let right = -1;
  let top = bitmap.height;
  let bottom = -1;
  bitmap.dots.forEach((black, i) => {
    if (!black) return;
    const x = i % bitmap.width;
    const y = Math.floor(i / bitmap.width);
    [left, right, top, bottom] = [Math.min(left, x), Math.max(right, x), Math.min(top, y), Math.max(bottom, y)];
  });
  // The finder patterns reach the edges of the code, so the black box is the code without its quiet zone.
  const moduleDots = (right - left + 1) / (modules - 8);
  expect(moduleDots).toBe((bottom - top + 1) / (modules - 8));
  const matrix = Array.from({ length: modules }, (_, my) =>
    Array.from({ length: modules }, (_, mx) => {
      const x = left + (mx - 4) * moduleDots + moduleDots / 2;
      const y = top + (my - 4) * moduleDots + moduleDots / 2;
      return x >= 0 && y >= 0 && x < bitmap.width && y < bitmap.height && bitmap.dots[Math.floor(y) * bitmap.width + Math.floor(x)] === 1;
    }),
  );
  return { moduleDots, matrix };
}

function expectGolden(name: string, bitmap: Bitmap): void {
  const path = join(GOLDEN, `${name}.png`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, encodePng(bitmap));
    return;
  }
  expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1 and look at it`).toBe(true);
  const golden = decodePng(readFileSync(path));
  const same = golden.width === bitmap.width && golden.height === bitmap.height && golden.dots.every((dot, i) => dot === bitmap.dots[i]);
  if (!same) writeFileSync(join(tmpdir(), `${name}.actual.png`), encodePng(bitmap));
  expect(same, `the receipt differs from ${path}; as printed now: ${join(tmpdir(), `${name}.actual.png`)}`).toBe(true);
}

describe('encodeReceipt on a generic ESC/POS printer: everything as images', () => {
  describe.each([
    [58, 384],
    [80, 576],
  ] as const)('%i mm paper', (widthMm, dots) => {
    it.each(['kk', 'ru'] as const)('%s: initialise, the receipt as an image as wide as the paper, the QR, the footer, a cut', (lang) => {
      const receipt = receiptIn(lang);
      const commands = decodeEscPos(encodeReceipt(receipt, { widthMm, font }));

      expect(commands[0]).toEqual({ type: 'initialise' });
      expect(printing(commands).at(-1)).toEqual({ type: 'cut', partial: true });
      // No text in a code page the printer may not have: all of it is drawn.
      expect(ofType(commands, 'text')).toEqual([]);
      expect(ofType(commands, 'codepage')).toEqual([]);
      const bands = ofType(commands, 'raster');
      expect(bands.every((band) => band.bitmap.width === dots && band.bitmap.height <= 255)).toBe(true);

      const [body, qrImage, footer, ...more] = rasterImages(commands);
      expect(more).toEqual([]);
      expect(body && footer && body.height > footer.height).toBe(true);
      const qr = encodeQr(trackingUrl(lang), { ecc: 'M', border: 4 });
      const read = readQr(qrImage as Bitmap, qr.size);
      expect(Number.isInteger(read.moduleDots) && read.moduleDots >= 4).toBe(true);
      expect(read.matrix).toEqual(qr.data);

      expectGolden(`receipt-${lang}-${widthMm}`, stack(rasterImages(commands)));
    });
  });

  it('gives the same bytes for the same receipt', () => {
    const receipt = receiptIn('kk');
    expect(encodeReceipt(receipt, { widthMm: 58, font })).toEqual(encodeReceipt(receipt, { widthMm: 58, font }));
  });

  it('prints a receipt without a QR without one', () => {
    const commands = decodeEscPos(encodeReceipt({ ...receiptIn('ru'), qr: null }, { widthMm: 80, font }));
    expect(rasterImages(commands)).toHaveLength(2);
  });
});

describe('encodeReceipt on a printer with KZ-1048', () => {
  const KAZAKH = 'ӘҒҚҢӨҰҮҺІ әғқңөұүһі';

  it('has the bytes of KZ-1048 for the Kazakh letters, as the encoder sends them', () => {
    expect([...CodepageEncoder.encode('ӘҒҚҢӨҰҮҺІ', 'rk1048')]).toEqual([0xa3, 0xaa, 0x8d, 0xbd, 0xa5, 0xa1, 0xaf, 0x8e, 0xb2]);
  });

  it.each([
    ['epson-tm-t20iii', 80, 48, 53],
    ['epson-tm-t20iii', 58, 32, 53],
    ['epson-tm-t88vi', 80, 42, 53],
    ['hp-a779', 80, 42, 15],
  ] as const)('%s, %i mm: selects the code table (ESC t %i columns, page %i), prints text in it, the QR by GS ( k, then a cut', (model, widthMm, columns, page) => {
    const receipt = { ...receiptIn('kk'), notes: [KAZAKH] };
    const commands = decodeEscPos(encodeReceipt(receipt, { widthMm, font, model }));

    expect(commands[0]).toEqual({ type: 'initialise' });
    const texts = ofType(commands, 'text');
    expect(commands.findIndex((c) => c.type === 'codepage' && c.n === page)).toBeLessThan(commands.indexOf(texts[0] as EscPosCommand));
    expect(ofType(commands, 'raster')).toEqual([]);
    const lines = texts.map((t) => [...t.bytes]);
    expect(lines).toContainEqual([...CodepageEncoder.encode(KAZAKH, 'rk1048')]);
    expect(lines).toContainEqual([...CodepageEncoder.encode(receiptTextLines(receipt, columns)[0] as string, 'rk1048')]);
    expect(lines.every((line) => line.length <= columns)).toBe(true);
    // The tenge sign is not in KZ-1048: the fee reads "865 тг", not "865 ?".
    expect(lines.some((line) => line.includes(0x3f))).toBe(false);

    const qr = ofType(commands, 'qr');
    expect(qr.map((c) => c.fn)).toEqual([0x41, 0x43, 0x45, 0x50, 0x51]);
    expect(qr[3]?.params).toEqual(Uint8Array.from([0x30, ...new TextEncoder().encode(trackingUrl('kk'))]));
    expect(printing(commands).at(-1)).toEqual({ type: 'cut', partial: true });
  });

  it.each(Object.keys(PRINTER_MODELS).filter((id) => PRINTER_MODELS[id as PrinterModelId].rk1048) as PrinterModelId[])(
    '%s is known to the encoder with KZ-1048 and QR codes',
    (model) => {
      // The encoder runs with errors: 'strict', so a model without either would throw here.
      const commands = decodeEscPos(encodeReceipt(receiptIn('ru'), { widthMm: 80, font, model }));
      expect(ofType(commands, 'codepage')).toHaveLength(1);
      expect(ofType(commands, 'qr').at(-1)?.fn).toBe(0x51);
    },
  );
});

describe('receipt layout', () => {
  it.each([32, 42, 48])('keeps every text line within %i columns', (columns) => {
    for (const lang of ['kk', 'ru'] as const) {
      expect(receiptTextLines(receiptIn(lang), columns).filter((line) => Array.from(line).length > columns)).toEqual([]);
    }
  });

  it('wraps measured text at spaces, and mid-word only for a word wider than the line', () => {
    const measure = (text: string) => Array.from(text).length * 10;
    expect(wrapMeasured('aaa bbb cc dddddddd', 60, measure)).toEqual(['aaa', 'bbb cc', 'dddddd', 'dd']);
    expect(wrapMeasured('865\u00a0₸ x', 50, measure)).toEqual(['865\u00a0₸', 'x']);
  });
});
