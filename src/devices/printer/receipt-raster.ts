import { encode as encodeQr } from 'uqr';
import { blankBitmap, fillPolygons, fillRect, type Bitmap } from './bitmap';
import type { PrintableReceipt } from './printable-receipt';
import type { ReceiptFont } from './receipt-font';

/** Sizes in dots to the em: the body about the printer's own 12×24 font, the title larger. */
const BODY = 24;
const TITLE = 32;
/** Space between a label and its value on one line, and above and below a rule. */
const GAP = 12;
const RULE_MARGIN = 8;
const RULE_THICKNESS = 2;

type Align = 'left' | 'centre' | 'right';

/** A piece of a receipt laid out top to bottom, drawn once its height is known. */
interface Block {
  height: number;
  draw(bitmap: Bitmap, top: number): void;
}

function lineHeight(font: ReceiptFont, size: number): number {
  return Math.ceil((font.ascent + font.descent) * size);
}

/** Breaks text at spaces into lines no wider than `width` dots, and mid-word where one word is wider. */
export function wrapMeasured(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\r\n]+/).filter((w) => w !== '')) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (measure(joined) <= width) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const char of word) {
      if (line !== '' && measure(line + char) > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function textLine(font: ReceiptFont, text: string, size: number, align: Align, width: number): Block {
  return {
    height: lineHeight(font, size),
    draw(bitmap, top) {
      const textWidth = font.measure(text, size);
      const x = align === 'left' ? 0 : align === 'right' ? width - textWidth : (width - textWidth) / 2;
      fillPolygons(bitmap, font.outline(text, size, x, top + Math.ceil(font.ascent * size)));
    },
  };
}

function paragraph(font: ReceiptFont, text: string, size: number, align: Align, width: number): Block[] {
  return wrapMeasured(text, width, (t) => font.measure(t, size)).map((line) => textLine(font, line, size, align, width));
}

/** Label left and value right on one line when both fit; otherwise the label, then the value right-aligned beneath. */
function row(font: ReceiptFont, label: string, value: string, width: number): Block[] {
  const labelWidth = font.measure(label.trim(), BODY);
  const valueWidth = font.measure(value.trim(), BODY);
  if (labelWidth + GAP + valueWidth <= width) {
    const left = textLine(font, label.trim(), BODY, 'left', width);
    const right = textLine(font, value.trim(), BODY, 'right', width);
    return [{ height: left.height, draw: (bitmap, top) => (left.draw(bitmap, top), right.draw(bitmap, top)) }];
  }
  return [...paragraph(font, label, BODY, 'left', width), ...paragraph(font, value, BODY, 'right', width)];
}

const rule = (width: number): Block => ({
  height: RULE_MARGIN * 2 + RULE_THICKNESS,
  draw: (bitmap, top) => fillRect(bitmap, 0, top + RULE_MARGIN, width, RULE_THICKNESS),
});

function render(blocks: readonly Block[], width: number): Bitmap {
  const bitmap = blankBitmap(width, blocks.reduce((sum, block) => sum + block.height, 0));
  let top = 0;
  for (const block of blocks) {
    block.draw(bitmap, top);
    top += block.height;
  }
  return bitmap;
}

/** The receipt above the QR as an image `width` dots wide: heading, rules, notes, rows. */
export function receiptBodyBitmap(receipt: PrintableReceipt, font: ReceiptFont, width: number): Bitmap {
  const notes = receipt.notes.flatMap((note) => paragraph(font, note, BODY, 'left', width));
  return render(
    [
      ...paragraph(font, receipt.title, TITLE, 'centre', width),
      ...paragraph(font, receipt.subtitle, BODY, 'centre', width),
      rule(width),
      ...(notes.length > 0 ? [...notes, rule(width)] : []),
      ...receipt.rows.flatMap(({ label, value }) => row(font, label, value, width)),
      rule(width),
    ],
    width,
  );
}

/** Paragraphs centred, as under the QR. */
export function centredTextBitmap(paragraphs: readonly string[], font: ReceiptFont, width: number): Bitmap {
  return render(
    paragraphs.flatMap((text) => paragraph(font, text, BODY, 'centre', width)),
    width,
  );
}

/** QR error correction: M survives a smudge or a fold of the thermal paper. */
export const QR_ECC = 'M';
/** Modules of white around the code that a phone needs to find it. */
const QR_QUIET_ZONE = 4;

/**
 * The QR `width` dots wide, centred, each module a whole number of dots (a scanner needs square
 * modules) and the code at most about 45 mm wide — 8 dots per module at most.
 */
export function qrBitmap(text: string, width: number): { bitmap: Bitmap; moduleDots: number } {
  const qr = encodeQr(text, { ecc: QR_ECC, border: QR_QUIET_ZONE });
  const moduleDots = Math.max(1, Math.min(8, Math.floor((width * 0.75) / qr.size)));
  const side = qr.size * moduleDots;
  const left = Math.floor((width - side) / 2);
  const bitmap = blankBitmap(width, side);
  qr.data.forEach((modules, y) =>
    modules.forEach((black, x) => {
      if (black) fillRect(bitmap, left + x * moduleDots, y * moduleDots, moduleDots, moduleDots);
    }),
  );
  return { bitmap, moduleDots };
}
