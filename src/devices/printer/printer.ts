/** What the kiosk gives a receipt printer: text already in the citizen's language, and a QR. */
export interface PrintJob {
  /** Lines of at most `columns` characters, as the printer's font sets them. */
  lines: string[];
  columns: number;
  qr: string | null;
  /** Lines printed under the QR. */
  footer: string[];
}

export interface Printer {
  print(job: PrintJob): Promise<void>;
}

/** 80 mm paper: 72 mm printable at 8 dots/mm is 576 dots, 48 characters of the 12-dot font. */
export const COLUMNS_80MM = 48;
