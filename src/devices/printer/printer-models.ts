import type { ReceiptPrinterEncoderOptions } from '@point-of-sale/receipt-printer-encoder';

/** Receipt paper: 58 mm rolls have 48 mm printable, 80 mm rolls 72 mm. */
export type PaperWidthMm = 58 | 80;

export interface PrinterModel {
  /** The encoder's definition of the model: its code page numbers, newline, feed before the cut. */
  encoderModel: NonNullable<ReceiptPrinterEncoderOptions['printerModel']> | null;
  /** Dots across the printable width: 8 per mm at 203 dpi, 7 at 180 dpi. */
  dots: Record<PaperWidthMm, number>;
  /**
   * KZ-1048 is in the printer's code tables, so Kazakh text prints in the printer's own font.
   * Without it the text is printed as an image.
   */
  rk1048: boolean;
  /** The printer draws a QR code itself (GS ( k); otherwise the QR is printed as an image. */
  nativeQr: boolean;
}

const DOTS_203_DPI: Record<PaperWidthMm, number> = { 58: 384, 80: 576 };
const DOTS_180_DPI: Record<PaperWidthMm, number> = { 58: 336, 80: 512 };

const epson203 = (encoderModel: PrinterModel['encoderModel']): PrinterModel => ({ encoderModel, dots: DOTS_203_DPI, rk1048: true, nativeQr: true });
const epson180 = (encoderModel: PrinterModel['encoderModel']): PrinterModel => ({ encoderModel, dots: DOTS_180_DPI, rk1048: true, nativeQr: true });

/**
 * Printers whose code tables hold KZ-1048 (the encoder maps it for Epson, page 53, and HP, page 15)
 * and the generic ESC/POS printer that every other model is: text and QR as images, which any
 * printer with GS v 0 prints the same. The older TM-T88 (II–IV) have no KZ-1048 and are generic.
 */
export const PRINTER_MODELS = {
  generic: { encoderModel: null, dots: DOTS_203_DPI, rk1048: false, nativeQr: false },
  'epson-tm-t20ii': epson203('epson-tm-t20ii'),
  'epson-tm-t20iii': epson203('epson-tm-t20iii'),
  'epson-tm-t20iv': epson203('epson-tm-t20iv'),
  'epson-tm-t88v': epson180('epson-tm-t88v'),
  'epson-tm-t88vi': epson180('epson-tm-t88vi'),
  'epson-tm-t88vii': epson180('epson-tm-t88vii'),
  'hp-a779': { encoderModel: 'hp-a779', dots: DOTS_180_DPI, rk1048: true, nativeQr: true },
} as const satisfies Record<string, PrinterModel>;

export type PrinterModelId = keyof typeof PRINTER_MODELS;
