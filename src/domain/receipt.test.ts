import { describe, expect, it } from 'vitest';
import { buildReceipt, formatAlmatyDateTime, formatRows, trackingUrl, type Receipt, type ReceiptInput, type ReceiptLabel } from './receipt';

const NBSP = '\u00a0';

const INPUT: ReceiptInput = {
  number: '28T5-CY4T-QKFF',
  maskedName: 'Айгерим Б***** К.',
  service: '04',
  document: 'id_card',
  feeTiyn: 86_500,
  lang: 'ru',
  paidAt: '2026-11-25T09:07:30Z',
  createdAt: '2026-11-25T09:03:12.345Z',
  centre: 'ЦОН Есильского района',
  terminalId: 'AST-07',
  readyBy: '2026-12-17',
  trackingUrl: 'https://track.example.kz/track/28T5-CY4T-QKFF?lang=ru',
};

const LABELS_RU: Record<ReceiptLabel, string> = {
  number: 'Заявление №',
  name: 'Заявитель',
  service: 'Услуга',
  document: 'Документ',
  fee: 'Госпошлина',
  date: 'Дата',
  centre: 'ЦОН',
  terminal: 'Терминал',
  readyBy: 'Готов к',
};

describe('formatAlmatyDateTime', () => {
  it('shows UTC instants in Almaty time, UTC+5', () => {
    expect(formatAlmatyDateTime('2026-11-25T09:03:12.345Z')).toBe('25.11.2026 14:03');
    expect(formatAlmatyDateTime('2026-12-31T19:30:00Z')).toBe('01.01.2027 00:30');
  });

  it('honours an explicit offset', () => {
    expect(formatAlmatyDateTime('2026-11-25T14:03:00+05:00')).toBe('25.11.2026 14:03');
    expect(formatAlmatyDateTime('2026-11-25T12:03:00+03:00')).toBe('25.11.2026 14:03');
  });

  it('refuses a date-time without an offset, which would be read in the host zone', () => {
    expect(() => formatAlmatyDateTime('2026-11-25T09:03:12')).toThrow(/invalid_date/);
    expect(() => formatAlmatyDateTime('yesterday')).toThrow(/invalid_date/);
  });
});

describe('trackingUrl', () => {
  it("opens the back office's tracking page at its public address, in the receipt's language", () => {
    expect(trackingUrl('https://track.example.kz', '28T5-CY4T-QKFF', 'kk')).toBe('https://track.example.kz/track/28T5-CY4T-QKFF?lang=kk');
    // Behind a proxy's path prefix.
    expect(trackingUrl('https://egov.example.kz/kiosk', '28T5-CY4T-QKFF', 'en')).toBe('https://egov.example.kz/kiosk/track/28T5-CY4T-QKFF?lang=en');
  });
});

describe('buildReceipt', () => {
  it('lays out the rows: codes for the service and document, the fee as the receipt\'s language writes money', () => {
    const receipt = buildReceipt(INPUT);
    expect(receipt.number).toBe('28T5-CY4T-QKFF');
    expect(receipt.trackingUrl).toBe(INPUT.trackingUrl);
    expect(receipt.rows).toEqual([
      { label: 'number', value: '28T5-CY4T-QKFF' },
      { label: 'name', value: 'Айгерим Б***** К.' },
      { label: 'service', value: '04' },
      { label: 'document', value: 'id_card' },
      { label: 'fee', value: `865${NBSP}₸ · 25.11.2026 14:07` },
      { label: 'date', value: '25.11.2026 14:03' },
      { label: 'centre', value: 'ЦОН Есильского района' },
      { label: 'terminal', value: 'AST-07' },
      { label: 'readyBy', value: '17.12.2026' },
    ]);
  });

  it('shows an unpaid or exempt fee as the amount alone', () => {
    const fee = (input: ReceiptInput) => buildReceipt(input).rows.find((row) => row.label === 'fee')?.value;
    expect(fee({ ...INPUT, paidAt: null, feeTiyn: 3_460_000 })).toBe(`34${NBSP}600${NBSP}₸`);
    expect(fee({ ...INPUT, paidAt: null, feeTiyn: 0 })).toBe(`0${NBSP}₸`);
  });

  it('prints the tiyn of a fee that has them, in the receipt\'s language', () => {
    const fee = (input: ReceiptInput) => buildReceipt(input).rows.find((row) => row.label === 'fee')?.value;
    expect(fee({ ...INPUT, feeTiyn: 78_640 })).toBe(`786,40${NBSP}₸ · 25.11.2026 14:07`);
    expect(fee({ ...INPUT, paidAt: null, feeTiyn: 78_640, lang: 'kk' })).toBe(`786,40${NBSP}₸`);
    expect(fee({ ...INPUT, paidAt: null, feeTiyn: 3_460_050, lang: 'en' })).toBe(`34,600.50${NBSP}₸`);
  });
});

/** The receipt's rows with their labels in words, as the kiosk prints them. */
function formatReceiptText(receipt: Receipt, labels: Record<ReceiptLabel, string>, width: number): string[] {
  return formatRows(receipt.rows.map(({ label, value }) => ({ label: labels[label], value })), width);
}

describe('formatRows', () => {
  const length = (line: string) => Array.from(line).length;

  it('puts the label left and the value right on lines of exactly the width', () => {
    const lines = formatReceiptText(buildReceipt(INPUT), LABELS_RU, 48);
    expect(lines).toHaveLength(9);
    for (const line of lines) expect(length(line)).toBe(48);
    expect(lines[0]).toBe(`Заявление №${' '.repeat(48 - 11 - 14)}28T5-CY4T-QKFF`);
    expect(lines[8]).toMatch(/^Готов к +17\.12\.2026$/);
  });

  it('wraps a value too long for the line under its label, right-aligned, at spaces', () => {
    const receipt = buildReceipt({ ...INPUT, centre: 'ЦОН Есильского района города Астаны, филиал 2' });
    const lines = formatReceiptText(receipt, LABELS_RU, 32);
    const at = lines.indexOf('ЦОН');
    expect(at).toBeGreaterThan(-1);
    expect(lines.slice(at + 1, at + 3)).toEqual([`${' '.repeat(32 - 28)}ЦОН Есильского района города`, `${' '.repeat(32 - 16)}Астаны, филиал 2`]);
    for (const line of lines) expect(length(line)).toBeLessThanOrEqual(32);
  });

  it('keeps the amount with its grouping together when wrapping', () => {
    const lines = formatReceiptText(buildReceipt({ ...INPUT, feeTiyn: 3_460_000 }), LABELS_RU, 16);
    const at = lines.indexOf('Госпошлина');
    expect(lines.slice(at + 1, at + 3)).toEqual([`      34${NBSP}600${NBSP}₸ ·`, '25.11.2026 14:07']);
  });

  it('breaks a word longer than the line', () => {
    const receipt = buildReceipt({ ...INPUT, terminalId: 'T'.repeat(40) });
    const lines = formatReceiptText(receipt, LABELS_RU, 24);
    const at = lines.indexOf('Терминал');
    expect(lines.slice(at + 1, at + 3)).toEqual(['T'.repeat(24), `${' '.repeat(8)}${'T'.repeat(16)}`]);
  });

  it('wraps a label longer than the line', () => {
    const labels = { ...LABELS_RU, centre: 'Центр обслуживания населения, принявший заявление' };
    const lines = formatReceiptText(buildReceipt(INPUT), labels, 24);
    for (const line of lines) expect(length(line)).toBeLessThanOrEqual(24);
    expect(lines).toContain('Центр обслуживания');
  });

  it('refuses a width no receipt fits in', () => {
    expect(() => formatReceiptText(buildReceipt(INPUT), LABELS_RU, 8)).toThrow(/invalid_width/);
  });
});
