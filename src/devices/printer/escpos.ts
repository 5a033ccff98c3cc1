import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Bitmap } from './bitmap';
import { footerTextLines, mapReceiptText, receiptTextLines, type PrintableReceipt } from './printable-receipt';
import { PRINTER_MODELS, type PaperWidthMm, type PrinterModelId } from './printer-models';
import type { ReceiptFont } from './receipt-font';
import { centredTextBitmap, qrBitmap, receiptBodyBitmap } from './receipt-raster';

export interface EncodeReceiptOptions {
  widthMm: PaperWidthMm;
  /** For text printed as an image (every model without KZ-1048); see receipt-font-files.ts. */
  font: ReceiptFont;
  /** What the terminal's printer is; unknown printers are 'generic', which prints everything as images. */
  model?: PrinterModelId;
}

/** The printer's font A is 12 dots wide; the encoder knows paper of these many columns only. */
const FONT_A_DOTS = 12;
const ENCODER_COLUMNS = [32, 35, 42, 44, 48];
/** Lines fed before the cut: the cutter sits above the print head, the footer must clear it. */
const FEED_BEFORE_CUT = 4;

/** KZ-1048 has every Kazakh and Russian letter, but not the tenge sign: "тг" is its usual abbreviation in both languages. */
const inKz1048 = (text: string): string => text.replaceAll('₸', 'тг');

function image(encoder: ReceiptPrinterEncoder, bitmap: Bitmap): void {
  const data = new Uint8ClampedArray(bitmap.width * bitmap.height * 4).fill(255);
  bitmap.dots.forEach((black, i) => {
    if (black) data.fill(0, i * 4, i * 4 + 3);
  });
  encoder.image({ data, width: bitmap.width, height: bitmap.height }, { width: bitmap.width, height: bitmap.height, mode: 'raster' });
}

/**
 * The ESC/POS bytes of a receipt: initialise, the receipt (text in KZ-1048 where the model has it,
 * otherwise an image drawn with the shipped font, GS v 0), the tracking QR (GS ( k where the model
 * draws QR codes, otherwise an image), the footer, a feed and a cut. Pure: the same receipt, font
 * and options give the same bytes.
 */
export function encodeReceipt(receipt: PrintableReceipt, options: EncodeReceiptOptions): Uint8Array {
  const model = PRINTER_MODELS[options.model ?? 'generic'];
  const dots = model.dots[options.widthMm];
  const columns = Math.floor(dots / FONT_A_DOTS);
  const encoder = new ReceiptPrinterEncoder({
    ...(model.encoderModel ? { printerModel: model.encoderModel } : { feedBeforeCut: FEED_BEFORE_CUT }),
    // Lines come laid out for `columns`; the encoder only needs a width at least as large, so it never re-wraps them.
    columns: ENCODER_COLUMNS.find((c) => c >= columns) ?? columns,
    imageMode: 'raster',
    errors: 'strict',
  });
  encoder.initialize();
  if (model.rk1048) {
    encoder.codepage('rk1048');
    for (const line of receiptTextLines(mapReceiptText(receipt, inKz1048), columns)) encoder.line(line);
  } else {
    image(encoder, receiptBodyBitmap(receipt, options.font, dots));
  }
  if (receipt.qr !== null) {
    const qr = qrBitmap(receipt.qr, dots);
    if (model.nativeQr) encoder.align('center').qrcode(receipt.qr, { model: 2, size: qr.moduleDots, errorlevel: 'm' }).align('left');
    else image(encoder, qr.bitmap);
  }
  if (model.rk1048) {
    for (const line of footerTextLines(mapReceiptText(receipt, inKz1048), columns)) encoder.line(line);
  } else if (receipt.footer.length > 0) {
    image(encoder, centredTextBitmap(receipt.footer, options.font, dots));
  }
  return encoder.cut('partial').encode();
}
