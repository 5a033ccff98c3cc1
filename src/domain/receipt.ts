// The расписка: what is printed for the citizen. Values are language-neutral; the kiosk
// translates the labels and the service and document names (the values of those two rows are
// the codes 'service' → '04', 'document' → 'id_card').
import type { DocumentKind, Lang, ServiceCode } from '../protocol';
import { DomainError } from './domain-error';
import { KAZAKHSTAN_OFFSET_MS, parseIsoDate } from './dates';
import { formatTiyn } from './fees';

export type ReceiptLabel = 'number' | 'name' | 'service' | 'document' | 'fee' | 'date' | 'centre' | 'terminal' | 'readyBy';

export interface ReceiptInput {
  number: string;
  maskedName: string;
  service: ServiceCode;
  document: DocumentKind;
  /** Integer tiyn, shown as the receipt's language writes money ("786,40 ₸", "786.40 ₸"). */
  feeTiyn: number;
  lang: Lang;
  paidAt: string | null; // ISO date-time
  createdAt: string; // ISO date-time
  centre: string;
  terminalId: string;
  readyBy: string; // YYYY-MM-DD
  /** What the QR opens (trackingUrl); null when the kiosk does not know the back office's public address. */
  trackingUrl: string | null;
}

export interface Receipt {
  number: string;
  rows: Array<{ label: ReceiptLabel; value: string }>;
  trackingUrl: string | null;
}

/**
 * The citizen's tracking page (the back office's /track/<number>) at its public address, in the
 * receipt's language: what the QR opens on a phone. The address is the back office's PUBLIC_URL,
 * kept by the kiosk since enrolment (src/sync/terminal.ts), never the address the kiosk is served
 * from, which a phone outside the centre's network cannot reach.
 */
export function trackingUrl(publicUrl: string, number: string, lang: Lang): string {
  return `${publicUrl}/track/${encodeURIComponent(number)}?lang=${lang}`;
}

/** An ISO date-time that names its offset: without one, Date.parse would read it in the host's zone. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "DD.MM.YYYY HH:mm" in Almaty time, whatever the host's timezone. */
export function formatAlmatyDateTime(iso: string): string {
  const ms = ISO_DATE_TIME.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new DomainError('invalid_date', `not an ISO date-time with an offset: ${JSON.stringify(iso)}`);
  const t = new Date(ms + KAZAKHSTAN_OFFSET_MS);
  return `${pad2(t.getUTCDate())}.${pad2(t.getUTCMonth() + 1)}.${t.getUTCFullYear()} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
}

function formatDate(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad2(day)}.${pad2(month)}.${year}`;
}

/**
 * The fee row carries the payment time once paid. An unpaid fee (offline, to be reconciled) shows
 * the amount alone; the kiosk marks such a receipt provisional.
 */
function feeValue(input: ReceiptInput): string {
  const amount = formatTiyn(input.feeTiyn, input.lang);
  return input.paidAt === null ? amount : `${amount} · ${formatAlmatyDateTime(input.paidAt)}`;
}

export function buildReceipt(input: ReceiptInput): Receipt {
  return {
    number: input.number,
    rows: [
      { label: 'number', value: input.number },
      { label: 'name', value: input.maskedName },
      { label: 'service', value: input.service },
      { label: 'document', value: input.document },
      { label: 'fee', value: feeValue(input) },
      { label: 'date', value: formatAlmatyDateTime(input.createdAt) },
      { label: 'centre', value: input.centre },
      { label: 'terminal', value: input.terminalId },
      { label: 'readyBy', value: formatDate(input.readyBy) },
    ],
    trackingUrl: input.trackingUrl,
  };
}

/** Text length in characters as a printer counts them: code points, not UTF-16 units. */
const charCount = (text: string): number => Array.from(text).length;

/** Breaks text into lines of at most `width` characters, at spaces where it can, mid-word where a word is longer than a line. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\r\n]+/).filter((w) => w !== '')) {
    let rest = word;
    while (charCount(rest) > width) {
      if (line !== '') lines.push(line);
      const chars = Array.from(rest);
      lines.push(chars.slice(0, width).join(''));
      rest = chars.slice(width).join('');
      line = '';
    }
    if (line === '') line = rest;
    else if (charCount(line) + 1 + charCount(rest) <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The printed rows: "label ... value" on one line when both fit with a space between, otherwise
 * the label on its own line(s) and the value wrapped beneath, right-aligned so values form a column.
 * Labels come already in the citizen's language.
 */
export function formatRows(rows: ReadonlyArray<{ label: string; value: string }>, width: number): string[] {
  if (!Number.isInteger(width) || width < 16) throw new DomainError('invalid_width', `a receipt line needs at least 16 characters, got ${width}`);
  const lines: string[] = [];
  for (const { label, value } of rows) {
    const labelText = label.trim();
    // Formatted values keep their no-break spaces: wrapping only splits at ordinary whitespace.
    const valueText = value.trim();
    const gap = width - charCount(labelText) - charCount(valueText);
    if (gap >= 1) {
      lines.push(labelText + ' '.repeat(gap) + valueText);
      continue;
    }
    lines.push(...wrap(labelText, width));
    for (const part of wrap(valueText, width)) lines.push(' '.repeat(width - charCount(part)) + part);
  }
  return lines;
}
