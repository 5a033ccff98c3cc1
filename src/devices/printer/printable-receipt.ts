import { formatRows, wrap } from '../../domain/receipt';

/**
 * A receipt as the printer gets it: words in the citizen's language, not yet laid out, so each
 * printer sets it for its own paper — in its font's columns, or measured in the shipped font.
 */
export interface PrintableReceipt {
  title: string;
  subtitle: string;
  /** Paragraphs between the heading and the rows: on a provisional receipt, what is still to be checked. */
  notes: string[];
  /** Label and value; a value keeps its no-break spaces together. */
  rows: Array<{ label: string; value: string }>;
  /** The tracking address, printed as a QR code. */
  qr: string | null;
  /** Paragraphs under the QR. */
  footer: string[];
}

const charCount = (text: string): number => Array.from(text).length;

export function centred(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, Math.floor((columns - charCount(text)) / 2))) + text;
}

/**
 * The receipt above the QR in a printer's fixed-width font: heading centred, rules, notes wrapped,
 * the rows as domain/receipt's formatRows sets them.
 */
export function receiptTextLines(receipt: PrintableReceipt, columns: number): string[] {
  const rule = '-'.repeat(columns);
  const rows = formatRows(receipt.rows, columns);
  const notes = receipt.notes.flatMap((note) => wrap(note, columns));
  return [
    centred(receipt.title, columns),
    centred(receipt.subtitle, columns),
    rule,
    ...(notes.length > 0 ? [...notes, rule] : []),
    ...rows,
    rule,
  ];
}

/** The paragraphs under the QR, each wrapped and centred in the printer's columns. */
export function footerTextLines(receipt: PrintableReceipt, columns: number): string[] {
  return receipt.footer.flatMap((text) => wrap(text, columns)).map((line) => centred(line, columns));
}

/** The same receipt with every text passed through `change`: for a code page that lacks a character. */
export function mapReceiptText(receipt: PrintableReceipt, change: (text: string) => string): PrintableReceipt {
  return {
    title: change(receipt.title),
    subtitle: change(receipt.subtitle),
    notes: receipt.notes.map(change),
    rows: receipt.rows.map(({ label, value }) => ({ label: change(label), value: change(value) })),
    qr: receipt.qr,
    footer: receipt.footer.map(change),
  };
}
